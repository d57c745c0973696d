// The sidecar through the editor: edits move annotations, saves write them, reopening restores them,
// a broken sidecar is never touched, a renamed article takes its sidecar along.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { ArticleAnnotations } from '../../src/core/annotations';
import { annotator, closeAllEditors, cpSpan, EMOJI_ARTICLE, openArticle, positionOf, rangeOf, readSidecar, sidecarOf, waitFor, writeArticle } from './helpers';

async function confirmAt(uri: vscode.Uri, word: string, n = 0): Promise<void> {
  await vscode.commands.executeCommand('articleAnnotator.confirmMention', { uri: uri.toString(), ...cpSpan(EMOJI_ARTICLE, word, n) });
  await (await annotator()).whenIdle();
}

function sidecarHas(uri: vscode.Uri, n: number): () => boolean {
  return () => fs.existsSync(sidecarOf(uri)) && readSidecar(uri).annotations.length === n;
}

describe('sidecar sync', () => {
  afterEach(closeAllEditors);

  it('writes confirmed annotations with code point offsets and quotes', async () => {
    const uri = writeArticle('sync/write.txt', EMOJI_ARTICLE);
    await openArticle(uri);
    await confirmAt(uri, '日本');
    await waitFor(sidecarHas(uri, 1), 'the sidecar');
    const doc = readSidecar(uri);
    assert.strictEqual(doc.article, 'write.txt');
    assert.deepStrictEqual(positionOf(doc.annotations[0]), cpSpan(EMOJI_ARTICLE, '日本'));
    const quote = doc.annotations[0].target.selector.find((s) => s.type === 'TextQuoteSelector')!;
    assert.strictEqual(quote.exact, '日本');
    assert.ok(String(quote.prefix).endsWith('\r\n🇯🇵 '), JSON.stringify(quote.prefix));
  });

  it('shifts annotations with an edit before them, saves the new offsets, and restores them on reopening', async () => {
    const api = await annotator();
    const uri = writeArticle('sync/edit.txt', EMOJI_ARTICLE);
    const editor = await openArticle(uri);
    await confirmAt(uri, 'France');
    await waitFor(sidecarHas(uri, 1), 'the first save');

    // Two emoji and a space: 3 code points, 5 UTF-16 units.
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(1, 0), '🚀🚀 ');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const moved = cpSpan(EMOJI_ARTICLE, 'France');
    moved.start += 3;
    moved.end += 3;
    const [live] = api.article(uri)!.annotations;
    assert.deepStrictEqual({ start: live.start, end: live.end }, moved);
    // Not saved yet: the sidecar still describes the file on disk.
    assert.deepStrictEqual(positionOf(readSidecar(uri).annotations[0]), cpSpan(EMOJI_ARTICLE, 'France'));

    assert.ok(await editor.document.save());
    await waitFor(() => positionOf(readSidecar(uri).annotations[0]).start === moved.start, 'the save of the moved annotation');
    assert.deepStrictEqual(positionOf(readSidecar(uri).annotations[0]), moved);

    // A fresh load from disk (VS Code keeps a closed document alive for a while, so the saved
    // article and sidecar are copied under a new name and opened from there).
    const copy = vscode.Uri.joinPath(uri, '..', 'edit-reopened.txt');
    fs.copyFileSync(uri.fsPath, copy.fsPath);
    fs.copyFileSync(sidecarOf(uri), sidecarOf(copy));
    const reopened = await openArticle(copy);
    const [restored] = api.article(copy)!.annotations;
    assert.deepStrictEqual({ start: restored.start, end: restored.end, entity: restored.entity }, { ...moved, entity: 'france' });
    const confirmed = api.getDecorationSnapshot(reopened).find((d) => d.style === 'country' && d.status === 'confirmed');
    assert.ok(confirmed?.ranges.some((r) => r.isEqual(rangeOf(reopened.document, 'France'))), JSON.stringify(confirmed));
  });

  it('makes an annotation an orphan when its text is deleted, and shows it', async () => {
    const api = await annotator();
    const uri = writeArticle('sync/orphan.txt', EMOJI_ARTICLE);
    const editor = await openArticle(uri);
    await confirmAt(uri, 'Norland');
    const edit = new vscode.WorkspaceEdit();
    edit.delete(uri, rangeOf(editor.document, 'Norland and '));
    assert.ok(await vscode.workspace.applyEdit(edit));
    await api.whenIdle();
    const article = api.article(uri)!;
    assert.deepStrictEqual(article.orphans.map((o) => [o.text, o.entity]), [['Norland', 'norland']]);
    assert.strictEqual(article.annotations.length, 0);
    const roots = await api.tree.getChildren();
    const orphans = roots.find((n) => n.t === 'orphans');
    assert.ok(orphans, 'an orphans group in the tree');
    assert.deepStrictEqual((await api.tree.getChildren(orphans)).map((n) => api.tree.getTreeItem(n).label), ['Norland']);
    const info = vscode.languages.getDiagnostics(uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Information);
    assert.ok(info.some((d) => d.message.includes('Norland')), JSON.stringify(info.map((d) => d.message)));
    // Undo brings the text back and the annotation with it.
    await vscode.commands.executeCommand('undo');
    await api.whenIdle();
    assert.deepStrictEqual(api.article(uri)!.annotations.map((a) => a.quote.exact), ['Norland']);
  });

  it('leaves a corrupt sidecar byte for byte untouched and reports it', async () => {
    const api = await annotator();
    const uri = writeArticle('sync/corrupt.txt', EMOJI_ARTICLE);
    const corrupt = Buffer.from('{ "version": 1, "annotations": [ oops\n', 'utf8');
    fs.writeFileSync(sidecarOf(uri), corrupt);
    const editor = await openArticle(uri);

    const article = api.article(uri)!;
    assert.ok(article.error, 'the store reports the broken sidecar');
    assert.ok(api.shownMessages().some((m) => m.severity === 'error' && m.text.includes('corrupt.txt.annotations.json')), 'an error message');
    await waitFor(() => vscode.languages.getDiagnostics(vscode.Uri.file(sidecarOf(uri))).length > 0, 'a diagnostic on the sidecar');
    // Recognition still works: the suggestions are shown.
    assert.ok(api.getDecorationSnapshot(editor).some((d) => d.status === 'suggested'));
    // The tree shows the problem as an item.
    const roots = await api.tree.getChildren();
    assert.ok(roots.some((n) => n.t === 'problem'), 'a problem item');

    await vscode.commands.executeCommand('articleAnnotator.confirmMention', { uri: uri.toString(), ...cpSpan(EMOJI_ARTICLE, 'Japan') });
    await vscode.commands.executeCommand('articleAnnotator.confirmAllSuggestions', { uri: uri.toString() });
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(0, 0), 'x');
    await vscode.workspace.applyEdit(edit);
    await editor.document.save();
    await api.whenIdle();
    assert.ok(fs.readFileSync(sidecarOf(uri)).equals(corrupt), 'the sidecar is unchanged');
    assert.strictEqual(api.article(uri)!.annotations.length, 0);
    // The action offered with the error opens the file to fix it.
    await vscode.commands.executeCommand('articleAnnotator.openSidecar', { uri: uri.toString() });
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.fsPath, sidecarOf(uri));
  });

  it('reports a sidecar of another article, leaves it untouched, and Adopt Sidecar takes it over', async () => {
    const api = await annotator();
    // A sidecar written for another article (other name, other text), copied next to this one.
    const otherText = 'Seoul, May 10 — Korea and Japan agreed on a new roadmap for industrial cooperation.\n';
    const other = writeArticle('sync/other-source.txt', otherText);
    const source = await ArticleAnnotations.load(other.fsPath, otherText, {});
    source.defineEntity({ name: 'Korea', type: 'country' });
    source.tag({ ...cpSpan(otherText, 'Korea'), entity: 'korea', note: 'from the other article' });
    await source.save();
    const uri = writeArticle('sync/foreign.txt', EMOJI_ARTICLE);
    const foreign = fs.readFileSync(sidecarOf(other));
    fs.writeFileSync(sidecarOf(uri), foreign);
    const editor = await openArticle(uri);
    await api.whenIdle();
    const article = api.article(uri)!;
    assert.ok(article.error && /does not belong to this article/.test(article.error.message), `reported: ${article.error?.message}`);
    await waitFor(() => vscode.languages.getDiagnostics(vscode.Uri.file(sidecarOf(uri))).length > 0, 'a diagnostic on the sidecar');
    await vscode.commands.executeCommand('articleAnnotator.confirmMention', { uri: uri.toString(), ...cpSpan(EMOJI_ARTICLE, 'Japan') });
    await editor.document.save();
    await api.whenIdle();
    assert.ok(fs.readFileSync(sidecarOf(uri)).equals(foreign), 'never re-anchored and rewritten');

    await vscode.commands.executeCommand('articleAnnotator.adoptSidecar', { uri: uri.toString() });
    await waitFor(() => !api.article(uri)!.error, 'the sidecar fits after adopting');
    const doc = readSidecar(uri) as unknown as { article: string; annotations: { note?: string }[] };
    assert.strictEqual(doc.article, 'foreign.txt');
    assert.deepStrictEqual(doc.annotations.map((a) => a.note), ['from the other article'], 'its annotation kept (as an orphan: Korea is not in this text)');
  });

  it('with saveSidecar: onChange, writes the sidecar as the unsaved article changes', async () => {
    const api = await annotator();
    const config = vscode.workspace.getConfiguration('articleAnnotator');
    await config.update('saveSidecar', 'onChange', vscode.ConfigurationTarget.Workspace);
    try {
      const uri = writeArticle('sync/onchange.txt', EMOJI_ARTICLE);
      const editor = await openArticle(uri);
      const edit = new vscode.WorkspaceEdit();
      edit.insert(uri, new vscode.Position(0, 0), '📰 ');
      await vscode.workspace.applyEdit(edit);
      await api.whenIdle();
      const moved = cpSpan('📰 ' + EMOJI_ARTICLE, 'Japan');
      await vscode.commands.executeCommand('articleAnnotator.confirmMention', { uri: uri.toString(), ...moved });
      await waitFor(() => sidecarHas(uri, 1)() && positionOf(readSidecar(uri).annotations[0]).start === moved.start, 'the sidecar of the unsaved text');
      assert.ok(editor.document.isDirty);
      // Typing moves it on disk too.
      const more = new vscode.WorkspaceEdit();
      more.insert(uri, new vscode.Position(0, 0), '🗞️ ');
      await vscode.workspace.applyEdit(more);
      await api.whenIdle();
      const shift = Array.from('🗞️ ').length;
      assert.deepStrictEqual(positionOf(readSidecar(uri).annotations[0]), { start: moved.start + shift, end: moved.end + shift });
    } finally {
      await config.update('saveSidecar', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('reloads the sidecar when it changes on disk', async () => {
    const api = await annotator();
    const uri = writeArticle('sync/external.txt', EMOJI_ARTICLE);
    await openArticle(uri);
    await confirmAt(uri, 'Japan');
    await confirmAt(uri, 'France');
    await waitFor(sidecarHas(uri, 2), 'the sidecar');
    const doc = readSidecar(uri);
    doc.annotations = doc.annotations.filter((a) => a.entity !== 'japan');
    fs.writeFileSync(sidecarOf(uri), JSON.stringify(doc, null, 2) + '\n');
    await waitFor(() => api.article(uri)!.annotations.length === 1, 'the reload');
    assert.deepStrictEqual(api.article(uri)!.annotations.map((a) => a.entity), ['france']);
  });

  it('moves the sidecar with its article when the article is renamed', async () => {
    const api = await annotator();
    const uri = writeArticle('sync/before.txt', EMOJI_ARTICLE);
    await openArticle(uri);
    await confirmAt(uri, 'Japan');
    await waitFor(sidecarHas(uri, 1), 'the sidecar');
    const target = vscode.Uri.joinPath(uri, '..', 'moved', 'after.txt');
    fs.rmSync(sidecarOf(target), { force: true });

    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(uri, target);
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor(() => fs.existsSync(sidecarOf(target)) && !fs.existsSync(sidecarOf(uri)), 'the sidecar to move');
    const moved = readSidecar(target);
    assert.strictEqual(moved.article, 'after.txt');
    assert.deepStrictEqual(moved.annotations.map(positionOf), [cpSpan(EMOJI_ARTICLE, 'Japan')]);
    await vscode.window.showTextDocument(target);
    await waitFor(() => api.article(target)?.annotations.length === 1, 'the renamed article’s annotations');
  });
});
