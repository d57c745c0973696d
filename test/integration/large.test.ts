// A 1 MB article: recognition runs off the extension host's thread, so the host stays responsive.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { annotator, closeAllEditors, EMOJI_ARTICLE, rangeOf, waitFor, writeArticle } from './helpers';

/** Longest gap between ticks of a 10 ms timer while `work` runs: how long the host was blocked. */
async function maxLag<T>(work: () => Promise<T>): Promise<{ result: T; lag: number }> {
  let last = Date.now();
  let lag = 0;
  const timer = setInterval(() => {
    const now = Date.now();
    lag = Math.max(lag, now - last);
    last = now;
  }, 10);
  try {
    return { result: await work(), lag };
  } finally {
    clearInterval(timer);
  }
}

describe('large article', () => {
  after(closeAllEditors);

  it('recognizes a 1 MB article without blocking the extension host, and keeps up with typing', async function () {
    this.timeout(120_000);
    const api = await annotator();
    const copies = Math.ceil(1_000_000 / Buffer.byteLength(EMOJI_ARTICLE));
    const uri = writeArticle('large/big.txt', EMOJI_ARTICLE.repeat(copies));
    const { result: editor, lag } = await maxLag(async () => {
      const e = await vscode.window.showTextDocument(uri);
      await waitFor(() => api.article(uri) !== undefined, 'tracking', 30_000);
      await api.whenIdle();
      return e;
    });
    const mentions = api.article(uri)!.mentions;
    assert.strictEqual(mentions.filter((m) => m.text === 'Japan').length, copies);
    assert.ok(lag < 1000, `the host was blocked for ${lag} ms while recognizing`);

    // Typing near the end: every keystroke is applied at once, recognition waits for a pause.
    const { lag: typingLag } = await maxLag(async () => {
      for (const ch of 'abc') {
        const edit = new vscode.WorkspaceEdit();
        edit.insert(uri, new vscode.Position(editor.document.lineCount - 2, 0), ch);
        await vscode.workspace.applyEdit(edit);
      }
      await api.whenIdle();
    });
    assert.ok(typingLag < 1000, `the host was blocked for ${typingLag} ms while typing`);
    const last = rangeOf(editor.document, 'フランス', copies - 1);
    const painted = api.getDecorationSnapshot(editor).find((d) => d.style === 'country' && d.status === 'suggested')!;
    assert.ok(painted.ranges.some((r) => r.isEqual(last)), 'the last mention is painted where it is after the edits');
  });
});
