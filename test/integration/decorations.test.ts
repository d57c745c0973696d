// Opening an article highlights its mentions at the right places, one style per type and status.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { annotator, closeAllEditors, EMOJI_ARTICLE, openArticle, rangeOf, waitFor, writeArticle } from './helpers';

function rangesOf(api: Awaited<ReturnType<typeof annotator>>, editor: vscode.TextEditor, style: string, status: string): vscode.Range[] {
  return api.getDecorationSnapshot(editor).find((d) => d.style === style && d.status === status)?.ranges ?? [];
}

function has(ranges: vscode.Range[], r: vscode.Range): boolean {
  return ranges.some((x) => x.isEqual(r));
}

describe('decorations', () => {
  after(closeAllEditors);

  it('underlines suggestions of each type at their exact ranges in a CRLF article with emoji', async () => {
    const api = await annotator();
    const uri = writeArticle('deco/emoji-crlf.txt', EMOJI_ARTICLE);
    const editor = await openArticle(uri);
    const doc = editor.document;
    assert.strictEqual(doc.eol, vscode.EndOfLine.CRLF);

    const countries = rangesOf(api, editor, 'country', 'suggested');
    for (const [word, n] of [['Norland', 0], ['Japan', 0], ['France', 0], ['日本', 0], ['フランス', 0]] as const) {
      assert.ok(has(countries, rangeOf(doc, word, n)), `country “${word}” at ${JSON.stringify(rangeOf(doc, word, n))}; painted ${JSON.stringify(countries)}`);
    }
    assert.ok(has(rangesOf(api, editor, 'person', 'suggested'), rangeOf(doc, 'Mira Kessel')));
    assert.ok(has(rangesOf(api, editor, 'organization', 'suggested'), rangeOf(doc, 'Velm Fisheries Council')));
    const agreements = rangesOf(api, editor, 'agreement', 'suggested');
    assert.ok(has(agreements, rangeOf(doc, 'joint statement')));
    assert.ok(has(agreements, rangeOf(doc, '共同声明')));
    // Nothing is confirmed before the analyst says so, and no mention is painted twice.
    assert.deepStrictEqual(api.getDecorationSnapshot(editor).filter((d) => d.status === 'confirmed'), []);
    assert.ok(!has(countries, rangeOf(doc, 'Mira Kessel')));
  });

  it('switches a mention to the confirmed style when it is confirmed', async () => {
    const api = await annotator();
    const uri = writeArticle('deco/confirm.txt', EMOJI_ARTICLE);
    const editor = await openArticle(uri);
    const japan = rangeOf(editor.document, 'Japan');
    editor.selection = new vscode.Selection(japan.start.translate(0, 2), japan.start.translate(0, 2));
    await vscode.commands.executeCommand('articleAnnotator.confirmMention');
    await api.whenIdle();

    assert.ok(has(rangesOf(api, editor, 'country', 'confirmed'), japan));
    assert.ok(!has(rangesOf(api, editor, 'country', 'suggested'), japan));
    // The other countries stay suggestions.
    assert.ok(has(rangesOf(api, editor, 'country', 'suggested'), rangeOf(editor.document, 'France')));
  });

  it('paints visible editors only', async () => {
    const api = await annotator();
    const hiddenUri = writeArticle('deco/hidden.txt', EMOJI_ARTICLE);
    const hidden = await openArticle(hiddenUri);
    assert.ok(api.getDecorationSnapshot(hidden).length > 0);
    // Another article in the same group hides the first one; a change to the hidden one paints nothing.
    const shown = await openArticle(writeArticle('deco/shown.txt', EMOJI_ARTICLE));
    assert.ok(!vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === hiddenUri.toString()));
    await vscode.commands.executeCommand('articleAnnotator.confirmAllSuggestions', { uri: hiddenUri.toString() });
    await api.whenIdle();
    assert.ok(api.article(hiddenUri)!.mentions.every((m) => m.status === 'confirmed'));
    assert.deepStrictEqual(api.getDecorationSnapshot(hidden), []);
    assert.ok(api.getDecorationSnapshot(shown).length > 0);
    // Shown again, it is painted with its new state.
    const again = await vscode.window.showTextDocument(hiddenUri);
    await waitFor(() => api.getDecorationSnapshot(again).some((d) => d.status === 'confirmed'), 'the repaint');
    assert.ok(api.getDecorationSnapshot(again).every((d) => d.status === 'confirmed'));
  });

  it('keeps decorations right in an article with a BOM', async () => {
    const api = await annotator();
    const uri = writeArticle('deco/bom.txt', EMOJI_ARTICLE, true);
    const editor = await openArticle(uri);
    assert.ok(has(rangesOf(api, editor, 'country', 'suggested'), rangeOf(editor.document, 'フランス')));
  });
});
