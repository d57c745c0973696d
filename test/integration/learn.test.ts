// Learning from the analyst (issue 12): a form tagged in one article is suggested in every article of
// the workspace, through the workspace knowledge base; Reject Everywhere rejects it in all of them at once;
// a new entity learnt so is renamed and merged in that file as in the sidecars.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { annotator, closeAllEditors, cpSpan, openArticle, rangeOf, readSidecar, waitFor, workspaceDir, writeArticle } from './helpers';

const kbFile = () => path.join(workspaceDir(), 'article-annotator.kb.json');
const readKb = () =>
  JSON.parse(fs.readFileSync(kbFile(), 'utf8')) as { entities: Array<{ id: string; type: string; names: Record<string, string[]>; aliases?: string[] }>; rejected?: string[] };

describe('learning from the analyst', () => {
  after(closeAllEditors);

  it('a form tagged in one article is suggested in another; Reject Everywhere rejects it in every article', async () => {
    const api = await annotator();
    // The fixture workspace's knowledge base knows the Velm Fisheries Council, not this short form.
    const textA = '🦉 The Quillmark Assembly met delegates from Norland.\r\n';
    const textB = 'Norland thanked the Quillmark Assembly.\n';
    const a = writeArticle('learn/a.txt', textA);
    const b = writeArticle('learn/b.txt', textB);
    await openArticle(a);
    await api.whenIdle();
    assert.ok(!api.article(a)!.mentions.some((m) => m.text === 'Quillmark Assembly'), 'nothing knows the body yet');

    await vscode.commands.executeCommand('articleAnnotator.tagSelection', { uri: a.toString(), ...cpSpan(textA, 'Quillmark Assembly'), type: 'organization', entity: 'velm-fisheries-council', tagAll: false });
    await api.whenIdle();
    await waitFor(() => readKb().entities.some((e) => e.id === 'velm-fisheries-council' && !!e.aliases?.includes('Quillmark Assembly')), 'the learnt form in the workspace knowledge base');

    // Another article suggests it, with the entity of the first.
    const editorB = await openArticle(b);
    await waitFor(async () => {
      await api.whenIdle();
      return api.article(b)!.mentions.some((m) => m.text === 'Quillmark Assembly' && m.entity === 'velm-fisheries-council' && m.status === 'recognized');
    }, 'the suggestion in the other article');

    // Reject Everywhere, from the other article.
    const at = rangeOf(editorB.document, 'Quillmark Assembly');
    editorB.selection = new vscode.Selection(at.start, at.start);
    await vscode.commands.executeCommand('articleAnnotator.rejectEverywhere');
    await api.whenIdle();
    assert.deepStrictEqual(readKb().rejected, ['Quillmark Assembly']);
    assert.deepStrictEqual(api.article(b)!.annotations.map((x) => [x.start, x.status]), [[cpSpan(textB, 'Quillmark Assembly').start, 'rejected']]);
    await waitFor(async () => {
      await api.whenIdle();
      return !api.article(b)!.mentions.some((m) => m.text === 'Quillmark Assembly');
    }, 'no mention left in the other article');

    // A third article never suggests it; the first keeps the analyst's own tag.
    const c = writeArticle('learn/c.txt', 'The Quillmark Assembly adjourned.\n');
    await openArticle(c);
    await api.whenIdle();
    assert.ok(!api.article(c)!.mentions.some((m) => m.text === 'Quillmark Assembly'));
    assert.deepStrictEqual(api.article(a)!.annotations.map((x) => [x.entity, x.status]), [['velm-fisheries-council', 'confirmed']]);
  });

  it('a new organization tagged in one article is suggested in another, then renamed and merged there too', async () => {
    const api = await annotator();
    const textA = '🌾 The Ossler Grain Cooperative met Norland.\r\n';
    const textB = 'Norland and the Ossler Grain Cooperative signed.\n';
    const textC = 'Ossler Grain Cooperative.\n';
    const a = writeArticle('learn/new-a.txt', textA);
    const b = writeArticle('learn/new-b.txt', textB);
    const c = writeArticle('learn/new-c.txt', textC);
    await openArticle(a);
    await vscode.commands.executeCommand('articleAnnotator.tagSelection', { uri: a.toString(), ...cpSpan(textA, 'Ossler Grain Cooperative'), type: 'organization', name: 'Ossler Grain Cooperative', tagAll: false });
    await api.whenIdle();
    const learnt = readKb().entities.find((e) => e.id === 'ossler-grain-cooperative');
    assert.deepStrictEqual([learnt?.type, learnt?.names], ['organization', { en: ['Ossler Grain Cooperative'] }]);

    // Another article suggests it as that entity; a third confirms it (a sidecar to rename).
    await openArticle(b);
    const suggested = (entity: string) =>
      waitFor(async () => {
        await api.whenIdle();
        return api.article(b)!.mentions.some((m) => m.text === 'Ossler Grain Cooperative' && m.entity === entity && m.status === 'recognized');
      }, `the suggestion of ${entity} in the other article`);
    await suggested('ossler-grain-cooperative');
    await openArticle(c);
    await vscode.commands.executeCommand('articleAnnotator.confirmMention', { uri: c.toString(), ...cpSpan(textC, 'Ossler Grain Cooperative') });
    await api.whenIdle();
    await waitFor(() => readSidecarSafe(c)?.annotations.map((x) => `${x.entity}:${x.status}`).join() === 'ossler-grain-cooperative:confirmed', 'the confirmation in the third sidecar');

    await vscode.commands.executeCommand('articleAnnotator.renameEntity', { entity: 'ossler-grain-cooperative', name: 'Ossler Grain Union' });
    await api.whenIdle();
    const renamed = readKb().entities.filter((e) => e.id.startsWith('ossler-grain'));
    assert.deepStrictEqual(
      renamed.map((e) => [e.id, e.names, e.aliases]),
      [['ossler-grain-union', { en: ['Ossler Grain Union'] }, ['Ossler Grain Cooperative']]],
    );
    for (const uri of [a, c]) {
      await waitFor(() => {
        const doc = readSidecarSafe(uri);
        return !!doc && doc.entities.map((e) => `${e.id}=${e.name}`).join() === 'ossler-grain-union=Ossler Grain Union' && doc.annotations.every((x) => x.entity === 'ossler-grain-union');
      }, `the renamed entity in ${path.basename(uri.fsPath)}'s sidecar`);
    }
    await suggested('ossler-grain-union');

    await vscode.commands.executeCommand('articleAnnotator.mergeEntities', { entity: 'ossler-grain-union', into: 'velm-fisheries-council' });
    await api.whenIdle();
    const kb = readKb();
    assert.ok(!kb.entities.some((e) => e.id.startsWith('ossler-grain')), 'the merged entity has left the workspace file');
    const velm = kb.entities.find((e) => e.id === 'velm-fisheries-council');
    assert.ok(['Ossler Grain Union', 'Ossler Grain Cooperative'].every((f) => velm?.aliases?.includes(f)), String(velm?.aliases));
    await suggested('velm-fisheries-council');
    // Still a suggestion there (nobody decided on it); the decisions of the other two follow the merge.
    assert.deepStrictEqual(api.article(b)!.annotations, []);
    assert.deepStrictEqual(api.article(a)!.annotations.map((x) => [x.entity, x.status]), [['velm-fisheries-council', 'confirmed']]);
    await waitFor(() => readSidecarSafe(c)?.annotations.map((x) => x.entity).join() === 'velm-fisheries-council', 'the merged entity in the third sidecar');
  });
});

/** The sidecar on disk, or undefined while it is not (yet) written. */
function readSidecarSafe(uri: vscode.Uri): ReturnType<typeof readSidecar> | undefined {
  try {
    return readSidecar(uri);
  } catch {
    return undefined;
  }
}
