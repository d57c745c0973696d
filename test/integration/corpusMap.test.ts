// The Corpus Map in the real workbench: the webview page draws the workspace's network and reports what it
// drew; its own controls (filters, a node, a mention) are driven by messages that click them.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { AnnotatorApi } from '../../src/extension/api';
import type { RenderedMap } from '../../src/extension/corpusMap/panel';
import type { MentionItem, PageFilter } from '../../src/extension/corpusMap/protocol';
import { annotator, closeAllEditors, cpSpan, rangeOf, waitFor, writeArticle } from './helpers';

const JA = '---\ndate: 2024-07-08\n---\n日本とフィリピンは円滑化協定に署名した。\n両国の防衛協力が進む。\n';
const KO = '서울 2025년 5월 10일 — 한국과 미국은 공동성명을 채택했다.\n일본도 환영했다.\n';
const EN = 'TOKYO, July 9, 2024 — Japan and the Philippines signed the Reciprocal Access Agreement.\n';

/**
 * The first drawing the page reports after `action` with a filter that `drawnWith` accepts (the map also
 * redraws by itself when the index changes, with the filter it had).
 */
async function nextRender(api: AnnotatorApi, action: () => Thenable<unknown> | Promise<unknown>, drawnWith: (f: PageFilter) => boolean = () => true): Promise<RenderedMap> {
  const drawn = new Promise<RenderedMap>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the Corpus Map did not report that drawing within 30 s')), 30_000);
    const sub = api.corpusMap.onDidRender((r) => {
      if (!drawnWith(r.filter)) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(r);
    });
  });
  await action();
  return drawn;
}

async function nextList(api: AnnotatorApi, entity: string, action: () => Promise<unknown>): Promise<MentionItem[]> {
  const listed = new Promise<MentionItem[]>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the Corpus Map did not list the mentions of ${entity} within 30 s`)), 30_000);
    const sub = api.corpusMap.onDidList((l) => {
      if (l.entity !== entity) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(l.items);
    });
  });
  await action();
  return listed;
}

describe('corpus map', function () {
  this.timeout(120_000);
  let api: AnnotatorApi;
  let ja: vscode.Uri;

  before(async () => {
    api = await annotator();
    ja = writeArticle('map/ja-raa.txt', JA);
    writeArticle('map/ko-summit.txt', KO);
    writeArticle('map/en-raa.txt', EN);
    // New files reach the index through its watcher; a rescan makes the map read them now.
    await vscode.commands.executeCommand('articleAnnotator.rescan');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await closeAllEditors();
  });

  it('opens from the command and draws the workspace’s actors and agreements', async () => {
    const drawn = await nextRender(api, () => vscode.commands.executeCommand('articleAnnotator.showCorpusMap'));
    assert.ok(api.corpusMap.isOpen());
    assert.strictEqual(drawn.ids.length, drawn.nodes);
    for (const id of ['japan', 'philippines', 'south-korea', 'united-states']) assert.ok(drawn.ids.includes(id), `${id} not drawn: ${drawn.ids.join(', ')}`);
    // The agreements of the dated articles are on the timeline; edges join Japan, the Philippines and their agreement.
    assert.ok(drawn.timeline >= 2, `timeline rows: ${drawn.timeline}`);
    assert.ok(drawn.edges >= 2, `edges: ${drawn.edges}`);
    // The page and its libraries run under the strict policy without being blocked anywhere.
    assert.deepStrictEqual(api.corpusMap.cspViolations(), []);
  });

  it('redraws with fewer nodes when a type is filtered out, and all again when it is back', async () => {
    const before = api.corpusMap.lastRendered();
    assert.ok(before);
    const without = await nextRender(api, () => api.corpusMap.post({ type: 'test:toggleType', value: 'country' }), (f) => f.types.length > 0 && !f.types.includes('country'));
    assert.ok(!without.ids.includes('japan') && !without.ids.includes('philippines'), without.ids.join(', '));
    assert.ok(without.nodes < before.nodes, `${without.nodes} nodes after the filter, ${before.nodes} before`);
    const back = await nextRender(api, () => api.corpusMap.post({ type: 'test:toggleType', value: 'country' }), (f) => f.types.length === 0);
    assert.deepStrictEqual([...back.ids].sort(), [...before.ids].sort());
  });

  it('filters by article language: Korean only keeps Korea and drops the Philippines', async () => {
    const before = api.corpusMap.lastRendered()!;
    assert.ok(before.languages.includes('ko') && before.languages.includes('ja') && before.languages.includes('en'), before.languages.join(', '));
    // Unchecking every language but Korean; each click redraws.
    const others = before.languages.filter((l) => l !== 'ko');
    let drawn = before;
    for (const l of others) drawn = await nextRender(api, () => api.corpusMap.post({ type: 'test:toggleLanguage', value: l }), (f) => f.languages.length > 0 && !f.languages.includes(l));
    assert.deepStrictEqual(drawn.filter.languages, ['ko']);
    assert.ok(drawn.ids.includes('south-korea') && drawn.ids.includes('united-states'), drawn.ids.join(', '));
    assert.ok(!drawn.ids.includes('philippines'), drawn.ids.join(', '));
    for (const l of others) await nextRender(api, () => api.corpusMap.post({ type: 'test:toggleLanguage', value: l }), (f) => !f.languages.length || f.languages.includes(l));
    assert.deepStrictEqual([...api.corpusMap.lastRendered()!.ids].sort(), [...before.ids].sort());
  });

  it('lists a clicked node’s mentions, and a clicked mention opens the editor at it', async () => {
    const items = await nextList(api, 'philippines', () => api.corpusMap.post({ type: 'test:click', entity: 'philippines' }));
    const articles = items.map((i) => i.article);
    assert.ok(articles.some((a) => a.endsWith('map/ja-raa.txt')) && articles.some((a) => a.endsWith('map/en-raa.txt')), articles.join(', '));
    const index = items.findIndex((i) => i.article.endsWith('map/ja-raa.txt'));
    const item = items[index];
    assert.strictEqual(item.text, 'フィリピン');
    assert.deepStrictEqual({ start: item.start, end: item.end }, cpSpan(JA, 'フィリピン'));
    assert.match(item.preview, /日本とフィリピンは円滑化協定に署名した/);

    await api.corpusMap.post({ type: 'test:clickMention', index });
    await waitFor(() => vscode.window.activeTextEditor?.document.uri.toString() === ja.toString(), 'the article opened from the map', 30_000);
    const editor = vscode.window.activeTextEditor!;
    const want = rangeOf(editor.document, 'フィリピン');
    await waitFor(() => editor.selection.isEqual(new vscode.Selection(want.start, want.end)), 'the mention selected');
  });
});
