// Tag Selection… through the command, its quick picks answered in the real widgets.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { annotator, answerInputs, choose, closeAllEditors, cpSpan, openArticle, positionOf, rangeOf, readSidecar, typeInput, waitFor, writeArticle } from './helpers';

const TEXT = ['🛳️ Nippon sent a delegation to the Harbor Alliance.', '🎌 Officials of Nippon and the Harbor Alliance spoke.', ''].join('\r\n');

describe('tag selection', () => {
  after(closeAllEditors);

  it('tags the selection with a knowledge-base entity found by searching, then every other occurrence', async () => {
    const api = await annotator();
    const uri = writeArticle('tag/kb.txt', TEXT);
    const editor = await openArticle(uri);
    const nippon = rangeOf(editor.document, 'Nippon');
    editor.selection = new vscode.Selection(nippon.start, nippon.end);

    const { done } = await answerInputs(api, [
      choose('country', (l) => l === 'country'),
      choose('Japan', (l) => l === 'Japan'),
      choose('', (l) => l.startsWith('Tag all 1 other')),
    ]);
    await vscode.commands.executeCommand('articleAnnotator.tagSelection');
    await done;
    await api.whenIdle();

    const tagged = api.article(uri)!.annotations.filter((a) => a.entity === 'japan');
    assert.deepStrictEqual(
      tagged.map((a) => [a.start, a.end, a.status, a.type]),
      [
        [cpSpan(TEXT, 'Nippon').start, cpSpan(TEXT, 'Nippon').end, 'confirmed', 'country'],
        [cpSpan(TEXT, 'Nippon', 1).start, cpSpan(TEXT, 'Nippon', 1).end, 'confirmed', 'country'],
      ],
    );
    // The article had no unsaved edits, so the sidecar is written at once.
    await waitFor(() => {
      try {
        return readSidecar(uri).annotations.length === 2;
      } catch {
        return false;
      }
    }, 'the sidecar');
    const onDisk = readSidecar(uri);
    assert.deepStrictEqual(onDisk.annotations.map(positionOf), [cpSpan(TEXT, 'Nippon'), cpSpan(TEXT, 'Nippon', 1)]);
    assert.ok(onDisk.entities.some((e) => e.id === 'japan' && e.type === 'country'));
    const confirmed = api.getDecorationSnapshot(editor).find((d) => d.style === 'country' && d.status === 'confirmed')!;
    assert.ok(confirmed.ranges.some((r) => r.isEqual(rangeOf(editor.document, 'Nippon', 1))));
  });

  it('creates a new entity named in the input box and can leave other occurrences alone', async () => {
    const api = await annotator();
    const uri = writeArticle('tag/new.txt', TEXT);
    const editor = await openArticle(uri);
    const alliance = rangeOf(editor.document, 'Harbor Alliance');
    editor.selection = new vscode.Selection(alliance.start, alliance.end);

    const { done } = await answerInputs(api, [
      choose('organization', (l) => l === 'organization'),
      choose('', (l) => l === 'New Entity…'),
      typeInput('Harbor Alliance of Velm'),
      choose('only', (l) => l === 'Only this one'),
    ]);
    await vscode.commands.executeCommand('articleAnnotator.tagSelection');
    await done;
    await api.whenIdle();

    const tagged = api.article(uri)!.annotations;
    assert.deepStrictEqual(tagged.map((a) => [a.start, a.end, a.entity, a.type]), [[...Object.values(cpSpan(TEXT, 'Harbor Alliance')), 'harbor-alliance-of-velm', 'organization']]);
    await waitFor(() => {
      try {
        return readSidecar(uri).entities.some((e) => e.name === 'Harbor Alliance of Velm');
      } catch {
        return false;
      }
    }, 'the new entity in the sidecar');
    const entity = readSidecar(uri).entities.find((e) => e.id === 'harbor-alliance-of-velm');
    assert.deepStrictEqual({ type: entity?.type, name: entity?.name }, { type: 'organization', name: 'Harbor Alliance of Velm' });
  });

  it('takes every answer as arguments (no UI)', async () => {
    const api = await annotator();
    const uri = writeArticle('tag/args.txt', TEXT);
    await openArticle(uri);
    await vscode.commands.executeCommand('articleAnnotator.tagSelection', {
      uri: uri.toString(),
      ...cpSpan(TEXT, 'Harbor Alliance', 1),
      type: 'organization',
      name: 'Harbor Alliance',
      tagAll: true,
    });
    await api.whenIdle();
    const tagged = api.article(uri)!.annotations;
    assert.deepStrictEqual(tagged.map((a) => a.start), [cpSpan(TEXT, 'Harbor Alliance').start, cpSpan(TEXT, 'Harbor Alliance', 1).start]);
    assert.ok(tagged.every((a) => a.entity === 'harbor-alliance'));
  });
});
