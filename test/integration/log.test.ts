// The Article Annotator log: recognition timings, sidecar reads and writes, and errors naming their file.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { annotator, closeAllEditors, cpSpan, EMOJI_ARTICLE, openArticle, sidecarOf, waitFor, writeArticle } from './helpers';

describe('log', () => {
  after(closeAllEditors);

  it('says what recognition took and what was read and written, and names the file of an error', async () => {
    const api = await annotator();
    const since = api.logLines().length;
    const lines = () => api.logLines().slice(since);
    const uri = writeArticle('log/article.txt', EMOJI_ARTICLE);
    await openArticle(uri);
    await waitFor(() => lines().some((l) => /^info recognized log\/article\.txt: \d+ mentions in \d+ ms/.test(l)), `a recognition timing (${lines().join(' | ')})`);
    assert.ok(lines().some((l) => l === 'info log/article.txt.annotations.json: no sidecar yet'), lines().join(' | '));

    await vscode.commands.executeCommand('articleAnnotator.confirmMention', { uri: uri.toString(), ...cpSpan(EMOJI_ARTICLE, 'Japan') });
    await api.whenIdle();
    await waitFor(() => lines().some((l) => l === 'info wrote log/article.txt.annotations.json'), `the write (${lines().join(' | ')})`);

    // A sidecar broken on disk: the reload is logged as a warning naming it.
    fs.writeFileSync(sidecarOf(uri), '{ not json');
    await waitFor(() => lines().some((l) => l.startsWith('warn log/article.txt.annotations.json cannot be used')), `the broken sidecar (${lines().join(' | ')})`);
    assert.ok(await vscode.commands.getCommands(true).then((c) => c.includes('articleAnnotator.showLog')));
    await vscode.commands.executeCommand('articleAnnotator.showLog');
  });
});
