// The Entities tree: kind → type → entity → mentions, scoped to the article or the workspace, filtered.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { AnnotatorApi } from '../../src/extension/api';
import type { Node } from '../../src/extension/sidebar/nodes';
import { annotator, closeAllEditors, EMOJI_ARTICLE, openArticle, rangeOf, waitFor, writeArticle } from './helpers';

async function labels(api: AnnotatorApi, node?: Node): Promise<string[]> {
  const children = await api.tree.getChildren(node);
  return children.map((c) => String(api.tree.getTreeItem(c).label));
}

async function child(api: AnnotatorApi, parent: Node | undefined, label: string): Promise<Node> {
  const children = await api.tree.getChildren(parent);
  const found = children.find((c) => api.tree.getTreeItem(c).label === label);
  assert.ok(found, `no “${label}” among ${JSON.stringify(await labels(api, parent))}`);
  return found;
}

describe('entities tree', () => {
  after(async () => {
    await vscode.commands.executeCommand('articleAnnotator.showArticle');
    await vscode.commands.executeCommand('articleAnnotator.clearFilter');
    await closeAllEditors();
  });

  it('groups the active article by kind, type and entity, with counts and mention previews', async () => {
    const api = await annotator();
    const uri = writeArticle('tree/article.txt', EMOJI_ARTICLE);
    await openArticle(uri);
    await vscode.commands.executeCommand('articleAnnotator.showArticle');

    assert.deepStrictEqual(await labels(api), ['Actors', 'Agreements']);
    const actors = await child(api, undefined, 'Actors');
    assert.deepStrictEqual(await labels(api, actors), ['country', 'person', 'organization']);
    const countries = await child(api, actors, 'country');
    const entityLabels = await labels(api, countries);
    assert.deepStrictEqual([...entityLabels].sort(), ['France', 'Japan', 'Norland']);
    const japan = await child(api, countries, 'Japan');
    assert.strictEqual(api.tree.getTreeItem(japan).description, '2 suggested');
    assert.match(String(api.tree.getTreeItem(japan).tooltip), /2 mentions: 0 confirmed, 2 suggested/);
    // Japan signs the joint statement: its Agreements node comes before the mentions.
    const [agreements, ...mentions] = await api.tree.getChildren(japan);
    assert.strictEqual(agreements.t, 'agreements');
    assert.deepStrictEqual(
      mentions.map((m) => api.tree.getTreeItem(m).description),
      ['Ln 1', 'Ln 3'],
    );
    assert.match(String(api.tree.getTreeItem(mentions[1]).label), /日本とフランス/);
  });

  it('reveals and selects a mention when its item is clicked', async () => {
    const api = await annotator();
    const uri = writeArticle('tree/click.txt', EMOJI_ARTICLE);
    const editor = await openArticle(uri);
    const countries = await child(api, await child(api, undefined, 'Actors'), 'country');
    const [, second] = (await api.tree.getChildren(await child(api, countries, 'France'))).filter((n) => n.t === 'mention');
    const command = api.tree.getTreeItem(second).command!;
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const active = vscode.window.activeTextEditor!;
    assert.strictEqual(active.document.uri.toString(), uri.toString());
    assert.ok(active.selection.isEqual(new vscode.Selection(rangeOf(editor.document, 'フランス').start, rangeOf(editor.document, 'フランス').end)));
  });

  it('filters entities by name or alias and says so in the view', async () => {
    const api = await annotator();
    await openArticle(writeArticle('tree/filter.txt', EMOJI_ARTICLE));
    await vscode.commands.executeCommand('articleAnnotator.filter', 'kessel');
    await waitFor(() => String(api.treeView.description).includes('kessel'), 'the filter in the description');
    assert.deepStrictEqual(await labels(api), ['Actors']);
    const people = await child(api, await child(api, undefined, 'Actors'), 'person');
    assert.deepStrictEqual(await labels(api, people), ['Mira Kessel']);
    // The Japanese name of France finds it too.
    await vscode.commands.executeCommand('articleAnnotator.filter', 'フランス');
    const countries = await child(api, await child(api, undefined, 'Actors'), 'country');
    assert.deepStrictEqual(await labels(api, countries), ['France']);
    await vscode.commands.executeCommand('articleAnnotator.clearFilter');
    assert.deepStrictEqual(await labels(api), ['Actors', 'Agreements']);
  });

  it('lists every article of the workspace in Workspace scope', async () => {
    const api = await annotator();
    writeArticle('tree/ws-a.txt', 'Estavia and Norland agreed.\n');
    await openArticle(writeArticle('tree/ws-b.txt', 'Norland protested.\n'));
    await vscode.commands.executeCommand('articleAnnotator.showWorkspace');
    assert.match(String(api.treeView.description), /Workspace/);
    const countries = await child(api, await child(api, undefined, 'Actors'), 'country');
    const norland = await child(api, countries, 'Norland');
    const files = (await api.tree.getChildren(norland)).map((m) => String(api.tree.getTreeItem(m).description));
    assert.ok(files.some((f) => f.startsWith('ws-a.txt')), JSON.stringify(files));
    assert.ok(files.some((f) => f.startsWith('ws-b.txt')), JSON.stringify(files));
    // The fixture articles of the workspace are there too.
    assert.ok(files.some((f) => f.startsWith('en-sample.txt')), JSON.stringify(files));
    // A closed article's mention gets its line's preview once the entity is expanded (made from the file).
    const closed = (await api.tree.getChildren(norland)).map((m) => api.tree.getTreeItem(m)).find((i) => String(i.description).startsWith('ws-a.txt'));
    assert.deepStrictEqual([closed?.label, closed?.description], ['Estavia and Norland agreed.', 'ws-a.txt Ln 1']);
    await vscode.commands.executeCommand('articleAnnotator.showArticle');
    assert.match(String(api.treeView.description), /This Article/);
  });

  it('shows a closed article\'s mention without a preview once the file changed, and indexes it again', async () => {
    const api = await annotator();
    const uri = writeArticle('tree/ws-changed.txt', 'Estavia hosted the Velm talks.\n');
    await vscode.commands.executeCommand('articleAnnotator.showWorkspace');
    const inTree = async () => {
      const node = await api.tree.findEntity('estavia');
      return node?.group.mentions.some((r) => r.file === uri.toString()) ? node : undefined;
    };
    await waitFor(async () => !!(await inTree()), 'ws-changed.txt in the Workspace tree');
    // Not expanded yet, so no preview was made; a line more above moves every mention of the summary.
    const node = (await inTree())!;
    fs.writeFileSync(uri.fsPath, '\nEstavia hosted the Velm talks.\n');
    const items = (await api.tree.getChildren(node)).map((m) => api.tree.getTreeItem(m)).filter((i) => String(i.description).startsWith('ws-changed.txt'));
    assert.deepStrictEqual(items.map((i) => i.label), ['Estavia']);
    await waitFor(async () => {
      const fresh = await inTree();
      const shown = fresh && (await api.tree.getChildren(fresh)).map((m) => api.tree.getTreeItem(m)).find((i) => String(i.description).startsWith('ws-changed.txt'));
      return shown?.label === 'Estavia hosted the Velm talks.' && shown.description === 'ws-changed.txt Ln 2';
    }, 'the article indexed again, with its preview');
    await vscode.commands.executeCommand('articleAnnotator.showArticle');
  });
});
