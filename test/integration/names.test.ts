// articleAnnotator.displayNames: the sidebar, hover and status bar flash name entities in the article's
// language by default (上川陽子 in a Japanese article, 미국 in a Korean one), or in English.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { AnnotatorApi } from '../../src/extension/api';
import { annotator, closeAllEditors, cpSpan, openArticle, rangeOf, waitFor, writeArticle } from './helpers';

const JA = '上川陽子外務大臣は米国の国務長官と会談し、共同声明を発表した。\n';
const KO = '미국과 한국은 정상회담을 열고 공동성명을 발표했다.\n';

async function entityNames(api: AnnotatorApi): Promise<string[]> {
  const names: string[] = [];
  for (const kind of await api.tree.getChildren()) {
    for (const type of await api.tree.getChildren(kind)) {
      for (const entity of await api.tree.getChildren(type)) names.push(String(api.tree.getTreeItem(entity).label));
    }
  }
  return names.sort();
}

async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

async function setDisplayNames(value: string | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('articleAnnotator').update('displayNames', value, vscode.ConfigurationTarget.Workspace);
}

describe('display names', () => {
  after(async () => {
    await setDisplayNames(undefined);
    await closeAllEditors();
  });

  it('names entities in the article’s language by default, in the tree, the hover and the status bar', async () => {
    const api = await annotator();
    await vscode.commands.executeCommand('articleAnnotator.showArticle');
    const uri = writeArticle('names/ja.txt', JA);
    const editor = await openArticle(uri);
    await waitFor(async () => (await entityNames(api)).includes('上川陽子'), 'the Japanese name in the tree');
    assert.ok((await entityNames(api)).includes('米国'), `names: ${(await entityNames(api)).join(', ')}`);
    assert.match(await hoverText(uri, rangeOf(editor.document, '上川陽子').start), /\*\*上川陽子\*\*/);

    const before = api.statusBarFlashes().length;
    await vscode.commands.executeCommand('articleAnnotator.confirmMention', { uri: uri.toString(), ...cpSpan(JA, '米国') });
    await waitFor(() => api.statusBarFlashes().length > before, 'a flash after Confirm');
    assert.strictEqual(api.statusBarFlashes().at(-1), 'Confirmed 米国');

    const ko = writeArticle('names/ko.txt', KO);
    await openArticle(ko);
    await waitFor(async () => (await entityNames(api)).includes('미국'), 'the Korean name in the tree');
  });

  it('"en" shows the English names, and the sidecar keeps the canonical name whatever is shown', async () => {
    const api = await annotator();
    const uri = writeArticle('names/ja-en.txt', JA);
    const editor = await openArticle(uri);
    await setDisplayNames('en');
    await waitFor(async () => (await entityNames(api)).includes('Yoko Kamikawa'), 'the English name in the tree');
    assert.ok(!(await entityNames(api)).includes('上川陽子'));
    assert.match(await hoverText(uri, rangeOf(editor.document, '上川陽子').start), /\*\*Yoko Kamikawa\*\*/);

    await setDisplayNames('article');
    await waitFor(async () => (await entityNames(api)).includes('上川陽子'), 'back to the article’s language');
    await vscode.commands.executeCommand('articleAnnotator.confirmMention', { uri: uri.toString(), ...cpSpan(JA, '上川陽子') });
    await api.whenIdle();
    const sidecarPath = api.article(uri)!.sidecarPath!;
    await waitFor(() => fs.existsSync(sidecarPath), 'the sidecar');
    const sidecar = JSON.parse(fs.readFileSync(sidecarPath, 'utf8'));
    assert.strictEqual(sidecar.entities.find((e: { id: string }) => e.id === 'yoko-kamikawa')?.name, 'Yoko Kamikawa');
  });
});
