// Issue 13 in the workbench: commands say they worked, counts read as words, the hover has no empty
// QID line, suggestion underlines differ by type, and a navigated-to mention is brought into view.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { annotator, closeAllEditors, openArticle, rangeOf, waitFor, writeArticle } from './helpers';

async function hoverText(uri: vscode.Uri, at: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at);
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

describe('feedback', () => {
  after(closeAllEditors);

  it('confirm, reject and tag flash a status bar message naming the entity', async () => {
    const api = await annotator();
    const uri = writeArticle('feedback/flash.txt', 'Japan and France met. Japan agreed.\nAcme Widgets spoke.\n');
    const editor = await openArticle(uri);
    await api.whenIdle();
    const before = api.statusBarFlashes().length;
    const japan = rangeOf(editor.document, 'Japan');
    editor.selection = new vscode.Selection(japan.start, japan.start);
    await vscode.commands.executeCommand('articleAnnotator.confirmMention');
    await waitFor(() => api.statusBarFlashes().length > before, 'a flash after Confirm');
    assert.strictEqual(api.statusBarFlashes().at(-1), 'Confirmed Japan');

    const france = rangeOf(editor.document, 'France');
    editor.selection = new vscode.Selection(france.start, france.start);
    await vscode.commands.executeCommand('articleAnnotator.rejectMention');
    await waitFor(() => api.statusBarFlashes().length > before + 1, 'a flash after Reject');
    assert.match(api.statusBarFlashes().at(-1)!, /^Rejected “France” as France$/);

    const acme = rangeOf(editor.document, 'Acme Widgets');
    editor.selection = new vscode.Selection(acme.start, acme.end);
    await vscode.commands.executeCommand('articleAnnotator.tagSelection', { type: 'organization', name: 'Acme Widgets', tagAll: false });
    await waitFor(() => api.statusBarFlashes().length > before + 2, 'a flash after Tag');
    assert.match(api.statusBarFlashes().at(-1)!, /^Tagged “Acme Widgets” as Acme Widgets \(organization\)$/);
  });

  it('hover leaves out the Wikidata line without a QID', async () => {
    await annotator();
    const uri = writeArticle('feedback/noqid.txt', 'Norland and Japan met.\n');
    const editor = await openArticle(uri);
    const norland = await hoverText(uri, rangeOf(editor.document, 'Norland').start.translate(0, 1));
    assert.match(norland, /\*\*Norland\*\*/);
    assert.doesNotMatch(norland, /Wikidata/);
    const japan = await hoverText(uri, rangeOf(editor.document, 'Japan').start.translate(0, 1));
    assert.match(japan, /Wikidata: \[Q17\]/);
  });

  it('gives suggestions of each type their own decoration', async () => {
    const api = await annotator();
    const uri = writeArticle('feedback/styles.txt', 'Japan, Fumio Kishida of the United Nations, and the Paris Agreement.\n');
    const editor = await openArticle(uri);
    await waitFor(() => api.getDecorationSnapshot(editor).filter((d) => d.status === 'suggested' && d.ranges.length).length >= 3, 'suggestions of three types');
    const styles = api.getDecorationSnapshot(editor).filter((d) => d.status === 'suggested' && d.ranges.length).map((d) => d.style);
    assert.ok(new Set(styles).size >= 3, styles.join(','));
  });
});
