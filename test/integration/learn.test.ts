// Learning from the analyst (issue 12): a form tagged in one article is suggested in every article of
// the workspace, through the workspace knowledge base; Reject Everywhere rejects it in all of them at once.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { annotator, closeAllEditors, cpSpan, openArticle, rangeOf, waitFor, workspaceDir, writeArticle } from './helpers';

const kbFile = () => path.join(workspaceDir(), 'article-annotator.kb.json');
const readKb = () => JSON.parse(fs.readFileSync(kbFile(), 'utf8')) as { entities: Array<{ id: string; aliases?: string[] }>; rejected?: string[] };

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
});
