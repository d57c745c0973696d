// The remaining commands: Add Alias, navigation, reject/remove, rename/merge, export; the status bar.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { annotator, closeAllEditors, cpSpan, EMOJI_ARTICLE, openArticle, rangeOf, readSidecar, waitFor, workspaceDir, writeArticle } from './helpers';

describe('commands', () => {
  afterEach(closeAllEditors);

  it('Add Alias writes the workspace knowledge base and every article recognizes the new form', async () => {
    const api = await annotator();
    const text = '🗾 Yamato-koku and Norland met.\r\n';
    const uri = writeArticle('cmd/alias.txt', text);
    await openArticle(uri);
    assert.ok(!api.article(uri)!.mentions.some((m) => m.text === 'Yamato-koku'));

    await vscode.commands.executeCommand('articleAnnotator.addAlias', { entity: 'japan', alias: 'Yamato-koku' });
    const kbFile = path.join(workspaceDir(), 'article-annotator.kb.json');
    const kb = JSON.parse(fs.readFileSync(kbFile, 'utf8'));
    // (Earlier suites may have taught it other forms by tagging: learning from the analyst.)
    assert.ok(kb.aliases.some((a: { entity: string; forms: string[] }) => a.entity === 'japan' && a.forms.includes('Yamato-koku')));
    // The fixture's own entities are kept.
    assert.ok(kb.entities.some((e: { id: string }) => e.id === 'norland'));

    await waitFor(async () => {
      await api.whenIdle();
      return api.article(uri)!.mentions.some((m) => m.entity === 'japan' && m.start === cpSpan(text, 'Yamato-koku').start);
    }, 'the open article to recognize the alias');
    // An article opened afterwards knows it too.
    const other = writeArticle('cmd/alias-2.txt', 'Yamato-koku again.\n');
    await openArticle(other);
    assert.ok(api.article(other)!.mentions.some((m) => m.entity === 'japan' && m.text === 'Yamato-koku'));
  });

  it('Next and Previous Entity move the selection from mention to mention', async () => {
    await annotator();
    const uri = writeArticle('cmd/nav.txt', EMOJI_ARTICLE);
    const editor = await openArticle(uri);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('articleAnnotator.nextEntity');
    assert.deepStrictEqual(editor.selection, selectionOf(editor, 'Norland'));
    await vscode.commands.executeCommand('articleAnnotator.nextEntity');
    assert.ok(editor.selection.isEqual(selectionOf(editor, 'Japan')));
    await vscode.commands.executeCommand('articleAnnotator.previousEntity');
    assert.ok(editor.selection.isEqual(selectionOf(editor, 'Norland')));
    // Wraps around to the last mention.
    await vscode.commands.executeCommand('articleAnnotator.previousEntity');
    assert.ok(editor.selection.isEqual(selectionOf(editor, '共同声明')));
  });

  it('Reject hides a suggestion for good; Remove Annotation forgets the decision', async () => {
    const api = await annotator();
    const uri = writeArticle('cmd/reject.txt', EMOJI_ARTICLE);
    const editor = await openArticle(uri);
    const japan = rangeOf(editor.document, 'Japan');
    editor.selection = new vscode.Selection(japan.start, japan.start);
    await vscode.commands.executeCommand('articleAnnotator.rejectMention');
    await api.whenIdle();
    assert.ok(!api.article(uri)!.mentions.some((m) => m.text === 'Japan'));
    assert.deepStrictEqual(api.article(uri)!.annotations.map((a) => a.status), ['rejected']);
    await vscode.commands.executeCommand('articleAnnotator.removeAnnotation', { uri: uri.toString(), id: api.article(uri)!.annotations[0].id });
    await api.whenIdle();
    assert.ok(api.article(uri)!.mentions.some((m) => m.text === 'Japan' && m.status === 'recognized'));
  });

  it('Rename Entity renames a sidecar entity; Merge Entities moves its annotations to another', async () => {
    const api = await annotator();
    const text = '🏛️ The Dock Union and the Pier League met.\r\n';
    const uri = writeArticle('cmd/rename.txt', text);
    await openArticle(uri);
    await vscode.commands.executeCommand('articleAnnotator.tagSelection', { uri: uri.toString(), ...cpSpan(text, 'Dock Union'), type: 'organization', name: 'Dock Union', tagAll: false });
    await vscode.commands.executeCommand('articleAnnotator.renameEntity', { entity: 'dock-union', name: 'Dockworkers Union' });
    await api.whenIdle();
    assert.deepStrictEqual(api.article(uri)!.annotations.map((a) => a.entity), ['dockworkers-union']);
    await waitFor(() => readSidecar(uri).entities.map((e) => e.name).join() === 'Dockworkers Union', 'the renamed entity on disk');

    await vscode.commands.executeCommand('articleAnnotator.mergeEntities', { entity: 'dockworkers-union', into: 'velm-fisheries-council' });
    await api.whenIdle();
    const merged = api.article(uri)!.annotations;
    assert.deepStrictEqual(merged.map((a) => [a.entity, a.quote.exact]), [['velm-fisheries-council', 'Dock Union']]);
  });

  it('Export Annotations writes the confirmed annotations in the chosen format', async () => {
    const api = await annotator();
    const uri = writeArticle('cmd/export.txt', EMOJI_ARTICLE);
    await openArticle(uri);
    await vscode.commands.executeCommand('articleAnnotator.confirmMention', { uri: uri.toString(), ...cpSpan(EMOJI_ARTICLE, 'フランス') });
    await api.whenIdle();
    const target = path.join(workspaceDir(), 'cmd', 'export.jsonl');
    await vscode.commands.executeCommand('articleAnnotator.exportAnnotations', { uri: uri.toString(), format: 'jsonl', include: 'confirmed', target });
    const line = JSON.parse(fs.readFileSync(target, 'utf8').trim());
    const { start, end } = cpSpan(EMOJI_ARTICLE, 'フランス');
    assert.strictEqual(line.text, EMOJI_ARTICLE);
    assert.deepStrictEqual(line.entities, [[start, end, 'country']]);
  });

  it('the status bar counts the entities of the active article; its command shows the sidebar', async () => {
    const api = await annotator();
    const uri = writeArticle('cmd/status.txt', EMOJI_ARTICLE);
    await openArticle(uri);
    const entities = new Set(api.article(uri)!.mentions.map((m) => m.entity)).size;
    assert.ok(entities >= 5);
    assert.strictEqual(api.statusBarText(), `$(tag) ${entities} entities`);
    await vscode.commands.executeCommand('articleAnnotator.confirmAllSuggestions', { uri: uri.toString() });
    await vscode.commands.executeCommand('articleAnnotator.rejectMention', { uri: uri.toString(), ...cpSpan(EMOJI_ARTICLE, 'Norland') });
    await api.whenIdle();
    assert.strictEqual(api.statusBarText(), `$(tag) ${entities - 1} entities`);

    await vscode.commands.executeCommand('articleAnnotator.showSidebar');
    await waitFor(() => api.treeView.visible, 'the Entities view');
  });

  it('Show in Sidebar reveals and selects the entity of the mention at the cursor', async () => {
    const api = await annotator();
    const uri = writeArticle('cmd/reveal.txt', EMOJI_ARTICLE);
    const editor = await openArticle(uri);
    const kessel = rangeOf(editor.document, 'Mira Kessel');
    editor.selection = new vscode.Selection(kessel.start, kessel.start);
    await vscode.commands.executeCommand('articleAnnotator.showInSidebar');
    await waitFor(() => api.treeView.selection.length === 1, 'a selection in the tree');
    const [selected] = api.treeView.selection;
    assert.strictEqual(selected.t, 'entity');
    assert.strictEqual(api.tree.getTreeItem(selected).label, 'Mira Kessel');
  });
});

function selectionOf(editor: vscode.TextEditor, word: string): vscode.Selection {
  const r = rangeOf(editor.document, word);
  return new vscode.Selection(r.start, r.end);
}
