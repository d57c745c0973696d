// Hovering a mention tells who or what it is, where else it appears, and offers actions.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { annotator, closeAllEditors, cpSpan, EMOJI_ARTICLE, openArticle, rangeOf, writeArticle } from './helpers';

async function hoverText(uri: vscode.Uri, at: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at);
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

describe('hover', () => {
  after(closeAllEditors);

  it('shows name, type, QID link, counts and command links for a mention', async () => {
    await annotator();
    // A second article mentions Japan once more: the workspace count includes it.
    writeArticle('hover/other.txt', 'Japan and Estavia met.\n');
    const uri = writeArticle('hover/article.txt', EMOJI_ARTICLE);
    const editor = await openArticle(uri);
    const japan = rangeOf(editor.document, 'Japan');
    const text = await hoverText(uri, japan.start.translate(0, 1));

    assert.match(text, /\*\*Japan\*\*/);
    assert.match(text, /country \(actor\)/);
    assert.match(text, /_suggested_/);
    assert.match(text, /\[Q17\]\(https:\/\/www\.wikidata\.org\/wiki\/Q17\)/);
    assert.match(text, /日本/, 'aliases list the other names');
    assert.match(text, /Mentions: 2 in this article/);
    const ws = /· (\d+) in the workspace/.exec(text);
    assert.ok(ws, text);
    assert.ok(Number(ws[1]) >= 3, `workspace count ${ws[1]} should include the other article`);

    const confirm = /\[Confirm\]\(command:articleAnnotator\.confirmMention\?([^)]+)\)/.exec(text);
    assert.ok(confirm, text);
    const [arg] = JSON.parse(decodeURIComponent(confirm[1]));
    // Code points, not UTF-16 units: the emoji before Japan counts once.
    assert.deepStrictEqual(arg, { uri: uri.toString(), ...cpSpan(EMOJI_ARTICLE, 'Japan') });
    assert.match(text, /command:articleAnnotator\.rejectMention/);
    assert.match(text, /command:articleAnnotator\.showInSidebar/);
  });

  it('runs the Confirm link’s command with its encoded argument', async () => {
    const api = await annotator();
    const uri = writeArticle('hover/link.txt', EMOJI_ARTICLE);
    const editor = await openArticle(uri);
    const text = await hoverText(uri, rangeOf(editor.document, 'France').start);
    const link = /\[Confirm\]\(command:([^?]+)\?([^)]+)\)/.exec(text)!;
    await vscode.commands.executeCommand(link[1], ...JSON.parse(decodeURIComponent(link[2])));
    await api.whenIdle();
    const confirmed = api.article(uri)!.annotations.filter((a) => a.status === 'confirmed');
    assert.deepStrictEqual(confirmed.map((a) => [a.entity, a.quote.exact]), [['france', 'France']]);
    assert.match(await hoverText(uri, rangeOf(editor.document, 'France').start), /_confirmed_/);
  });

  it('shows nothing away from mentions', async () => {
    await annotator();
    const uri = writeArticle('hover/none.txt', EMOJI_ARTICLE);
    const editor = await openArticle(uri);
    assert.strictEqual(await hoverText(uri, rangeOf(editor.document, 'signed').start), '');
  });
});
