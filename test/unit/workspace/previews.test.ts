import { strict as assert } from 'assert';
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { KnowledgeBase } from '../../../src/core/kb';
import { recognize } from '../../../src/core/recognize';
import { DEFAULT_MAX_ARTICLE_SIZE, readArticle } from '../../../src/core/text/article';
import { buildCorpusMap, mentionsOf } from '../../../src/core/workspace/corpusMap';
import { linePreviews, mentionLines, outline } from '../../../src/core/workspace/group';
import { readPreviews, summarizeArticle } from '../../../src/core/workspace/summary';

// Summaries from disk carry line numbers only; the excerpts are made when a list shows them, from the
// same text, or not at all.
const fixtures = path.resolve(__dirname, '../../fixtures/articles');

describe('workspace/previews: line numbers without excerpts', () => {
  it('gives the lines linePreviews gives, across CRLF, lone CR, emoji and markup', () => {
    const piece = fc.constantFrom('a', 'Japan', ' ', '\n', '\r\n', '\r', '😀', '🇯🇵', '<b>', '日本', '\u00a0');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.array(fc.tuple(fc.nat(), fc.nat(3)), { maxLength: 12 }), (pieces, picks) => {
        const text = pieces.join('');
        const length = Array.from(text).length;
        const spans = picks.map(([a, w]) => {
          const start = length ? a % (length + 1) : 0;
          return { start, end: Math.min(length, start + w) };
        });
        assert.deepStrictEqual(mentionLines(text, spans), linePreviews(text, spans).map((p) => p.line));
      }),
      { numRuns: 300 },
    );
  });

  it('gives an outline mention its line from them, and no preview yet', () => {
    const mention = { start: 6, end: 11, text: 'Japan', kind: 'actor' as const, type: 'country' as const, entity: 'japan', qid: null, status: 'recognized' as const };
    const o = outline([{ file: 'a', mentions: [mention], orphans: [], lines: [1] }], { get: () => undefined });
    const ref = o.kinds[0].types[0].entities[0].mentions[0];
    assert.deepStrictEqual([ref.line, ref.preview], [1, undefined]);
  });

  it('mark the Corpus Map paragraphs as the previews did', () => {
    const m = (entity: string, start: number) => ({ start, end: start + 2, text: entity, kind: 'actor' as const, type: 'country' as const, entity, qid: null });
    const mentions = [m('jp', 0), m('us', 5), m('kr', 10)];
    const names = { get: () => undefined };
    const withPreviews = buildCorpusMap([{ file: 'a', mentions, previews: [0, 0, 1].map((line) => ({ line, preview: '' })) }], names);
    const withLines = buildCorpusMap([{ file: 'a', mentions, lines: [0, 0, 1] }], names);
    assert.deepStrictEqual(withLines.edges, withPreviews.edges);
    assert.deepStrictEqual(withLines.edges.map((e) => [e.source, e.target]), [['jp', 'us']]);
    assert.deepStrictEqual(mentionsOf([{ file: 'a', mentions, lines: [0, 0, 1] }], 'kr').map((r) => [r.line, r.preview]), [[1, undefined]]);
  });
});

describe('workspace/previews: made later from the article on disk', function () {
  this.timeout(60000);
  const kb = KnowledgeBase.builtin();
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'annotator-previews-'));
    file = path.join(dir, 'article.txt');
    writeFileSync(file, readFileSync(path.join(fixtures, 'ja-camp-david-summit.txt')));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const summarize = () => summarizeArticle(file, file, (t) => recognize(t, kb), DEFAULT_MAX_ARTICLE_SIZE);

  it('keeps each mention line and a hash of the text in the summary, not its previews', async () => {
    const s = await summarize();
    const { text } = readArticle(file);
    assert.ok(s.mentions.length > 5);
    assert.equal(s.previews, undefined);
    assert.deepStrictEqual(s.lines, linePreviews(text, s.mentions).map((p) => p.line));
    assert.match(s.textHash ?? '', /^[0-9a-f]{64}$/);
  });

  it('makes the previews the index made eagerly, for all or some mentions', async () => {
    const s = await summarize();
    const eager = linePreviews(readArticle(file).text, s.mentions);
    assert.deepStrictEqual(await readPreviews(file, s.textHash!, s.mentions, DEFAULT_MAX_ARTICLE_SIZE), eager);
    const some = [s.mentions[3], s.mentions[1]];
    assert.deepStrictEqual(await readPreviews(file, s.textHash!, some, DEFAULT_MAX_ARTICLE_SIZE), [eager[3], eager[1]]);
  });

  it('makes none once the text changed, was deleted or grew past the size limit', async () => {
    const s = await summarize();
    const original = readFileSync(file);
    // One character more at the start: every offset would now show other words.
    writeFileSync(file, Buffer.concat([Buffer.from('x'), original]));
    assert.equal(await readPreviews(file, s.textHash!, s.mentions, DEFAULT_MAX_ARTICLE_SIZE), null);
    writeFileSync(file, original);
    assert.equal(await readPreviews(file, s.textHash!, s.mentions, original.length - 1), null);
    assert.ok(await readPreviews(file, s.textHash!, s.mentions, original.length));
    rmSync(file);
    assert.equal(await readPreviews(file, s.textHash!, s.mentions, DEFAULT_MAX_ARTICLE_SIZE), null);
  });
});
