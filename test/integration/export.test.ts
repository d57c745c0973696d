// Export Annotations… driven through its real quick picks: what to export, the format, files on disk, counts.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { annotator, answerInputs, choose, closeAllEditors, cpSpan, EMOJI_ARTICLE, openArticle, waitFor, writeArticle } from './helpers';

describe('export', () => {
  afterEach(closeAllEditors);

  it('asks what to export and the format, writes beside the article without replacing it, and says what it left out', async () => {
    const api = await annotator();
    const uri = writeArticle('export/exp.txt', EMOJI_ARTICLE);
    await openArticle(uri);
    await vscode.commands.executeCommand('articleAnnotator.confirmMention', { uri: uri.toString(), ...cpSpan(EMOJI_ARTICLE, 'フランス') });
    await api.whenIdle();
    const suggestions = api.article(uri)!.mentions.filter((m) => m.status === 'recognized').length;
    assert.ok(suggestions > 0, 'the article has suggestions');
    const folder = path.dirname(uri.fsPath);
    const before = fs.readFileSync(uri.fsPath);

    let items: string[] = [];
    const all = await answerInputs(api, [
      async (input) => {
        items = (input as vscode.QuickPick<vscode.QuickPickItem>).items.map((i) => `${i.label}: ${i.description}`);
        await choose('suggestions', (l) => l === 'Confirmed and suggestions')(input);
      },
      choose('brat', (l) => l.startsWith('brat')),
    ]);
    const written = (await vscode.commands.executeCommand('articleAnnotator.exportAnnotations', { uri: uri.toString(), folder })) as string[];
    await all.done;
    assert.deepStrictEqual(items, ['Confirmed only: 1 mentions', `Confirmed and suggestions: ${1 + suggestions} mentions`]);
    // exp.txt as the brat text would be the article itself: named after the whole file name instead.
    assert.deepStrictEqual(written.map((f) => path.basename(f)), ['exp.txt.ann', 'exp.txt.txt']);
    assert.ok(fs.readFileSync(uri.fsPath).equals(before), 'the article is untouched');
    const ann = fs.readFileSync(path.join(folder, 'exp.txt.ann'), 'utf8');
    assert.strictEqual(ann.split('\n').filter((l) => l.startsWith('T')).length, 1 + suggestions);
    assert.strictEqual(fs.readFileSync(path.join(folder, 'exp.txt.txt'), 'utf8'), EMOJI_ARTICLE);
    await waitFor(() => api.shownMessages().some((m) => m.text.includes(`exported ${1 + suggestions} mentions of exp.txt (1 confirmed, ${suggestions} suggestions)`)), 'the notification with counts');

    const confirmed = await answerInputs(api, [choose('Confirmed only', (l) => l === 'Confirmed only'), choose('JSON Lines', (l) => l === 'JSON Lines')]);
    const out = path.join(folder, 'out');
    const jsonl = (await vscode.commands.executeCommand('articleAnnotator.exportAnnotations', { uri: uri.toString(), folder: out })) as string[];
    await confirmed.done;
    assert.deepStrictEqual(jsonl, [path.join(out, 'annotations.jsonl')]);
    const { start, end } = cpSpan(EMOJI_ARTICLE, 'フランス');
    assert.deepStrictEqual(JSON.parse(fs.readFileSync(jsonl[0], 'utf8')).entities, [[start, end, 'country']]);
    const message = api.shownMessages().find((m) => m.text.includes('annotations.jsonl'));
    assert.ok(message?.text.includes(`exported 1 mentions of exp.txt (1 confirmed, 0 suggestions)`), message?.text);
    assert.ok(message?.text.includes(`left out ${suggestions} (${suggestions} suggestions, 0 orphaned)`), message?.text);
  });
});
