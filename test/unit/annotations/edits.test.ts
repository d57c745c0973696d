import { strict as assert } from 'assert';
import fc from 'fast-check';
import { ArticleAnnotations } from '../../../src/core/annotations';
import { mapPoint, mapSpan } from '../../../src/core/annotations/edits';
import { ARTICLE, cp, deterministic, mention } from './helpers';

/** A store on ARTICLE with no file on disk (applyEdit never touches the disk). */
async function storeWith(words: [string, string, number][]): Promise<ArticleAnnotations> {
  const s = await ArticleAnnotations.load('/nonexistent-dir/a.txt', ARTICLE, deterministic());
  for (const [word, entity, n] of words) s.confirm(mention(ARTICLE, word, entity, 'country', n));
  return s;
}

const slice = (text: string, start: number, end: number) => [...text].slice(start, end).join('');

describe('annotations/edits', () => {
  it('mapSpan: before shifts, after stays, inside or overlapping destroys, boundaries do not extend', () => {
    assert.deepEqual(mapSpan(10, 13, { offset: 2, deleted: 1, inserted: 3 }), { start: 12, end: 15 });
    assert.deepEqual(mapSpan(10, 13, { offset: 7, deleted: 3, inserted: 0 }), { start: 7, end: 10 }, 'deletion ending at start');
    assert.deepEqual(mapSpan(10, 13, { offset: 10, deleted: 0, inserted: 2 }), { start: 12, end: 15 }, 'insertion at start');
    assert.deepEqual(mapSpan(10, 13, { offset: 13, deleted: 0, inserted: 2 }), { start: 10, end: 13 }, 'insertion at end');
    assert.deepEqual(mapSpan(10, 13, { offset: 13, deleted: 4, inserted: 0 }), { start: 10, end: 13 });
    assert.equal(mapSpan(10, 13, { offset: 11, deleted: 0, inserted: 1 }), null);
    assert.equal(mapSpan(10, 13, { offset: 9, deleted: 2, inserted: 2 }), null);
    assert.equal(mapSpan(10, 13, { offset: 12, deleted: 5, inserted: 0 }), null);
    assert.equal(mapPoint(11, { offset: 9, deleted: 4, inserted: 1 }), 9);
    assert.equal(mapPoint(20, { offset: 9, deleted: 4, inserted: 1 }), 17);
  });

  it('applyEdit shifts later annotations by code points (emoji inserted before)', async () => {
    const s = await storeWith([['ロシア', 'russia', 0]]);
    const { start } = cp(ARTICLE, 'ロシア');
    s.applyEdit(0, 0, '🇰🇷🇰🇷');
    const [a] = s.annotations();
    assert.equal(a.start, start + 4);
    assert.equal(slice(s.text, a.start, a.end), 'ロシア');
  });

  it('sameText: true only for the very text, and the store then holds the string it was given', async () => {
    const s = await storeWith([['ロシア', 'russia', 0]]);
    s.applyEdit(0, 0, '🇰🇷');
    const editor = Buffer.from('🇰🇷' + ARTICLE, 'utf16le').toString('utf16le'); // a string of its own, equal text
    assert.equal(s.sameText(editor.slice(1)), false);
    assert.equal(s.sameText(ARTICLE), false);
    assert.equal(s.sameText(editor), true);
    assert.equal(s.text, editor);
    const [a] = s.annotations();
    assert.equal(slice(s.text, a.start, a.end), 'ロシア');
    s.applyEdit(0, 2, '');
    assert.equal(slice(s.text, s.annotations()[0].start, s.annotations()[0].end), 'ロシア', 'its code point index still fits');
  });

  it('deleting an annotated word orphans it; undo re-anchors it', async () => {
    const s = await storeWith([['Russia', 'russia', 0], ['Russia', 'russia', 1]]);
    const events: string[] = [];
    s.onDidChange((e) => events.push(e.reason));
    const { start } = cp(ARTICLE, 'Russia');
    s.applyEdit(start, 6, '');
    assert.equal(s.orphans().length, 1);
    assert.equal(s.orphans()[0].quote.exact, 'Russia');
    assert.equal(s.annotations().length, 1, 'the other Russia keeps its annotation');
    s.applyEdit(start, 0, 'Russia');
    assert.equal(s.orphans().length, 0);
    assert.deepEqual(s.annotations().map((a) => a.start), [start, cp(ARTICLE, 'Russia', 1).start]);
    assert.deepEqual(events, ['edit', 'edit']);
  });

  it('typing inside an annotated word orphans it; deleting the typed text brings it back', async () => {
    const s = await storeWith([['ロシア', 'russia', 0]]);
    const { start } = cp(ARTICLE, 'ロシア');
    s.applyEdit(start + 1, 0, 'x');
    assert.equal(s.annotations().length, 0);
    s.applyEdit(start + 1, 1, '');
    assert.equal(s.annotations()[0].start, start);
  });

  it('an orphan does not re-anchor where its remembered context disagrees', async () => {
    const s = await storeWith([['Russia', 'russia', 0]]);
    const { start } = cp(ARTICLE, 'Russia');
    s.applyEdit(start, 6, '');
    s.applyEdit(start, 0, 'Russian');
    assert.equal(s.orphans().length, 1);
  });

  it('replaceText anchors every annotation again and reports what moved or was lost', async () => {
    const s = await storeWith([['日本', 'japan', 0], ['Tokyo', 'tokyo', 0]]);
    const byQuote = (q: string) => s.all().find((a) => a.quote.exact === q)!;
    const [jp, tokyo] = [byQuote('日本'), byQuote('Tokyo')];
    const text = '🇰🇷 Seoul.\r\n' + ARTICLE.replace('Tokyo', 'Osaka');
    assert.deepEqual(s.replaceText(text), { moved: [], orphaned: [tokyo.id] }, 'the diff maps 日本 exactly; Tokyo is gone');
    assert.equal(slice(s.text, s.get(jp.id)!.start, s.get(jp.id)!.end), '日本');
  });

  it('rejects edits outside the text', async () => {
    const s = await storeWith([]);
    assert.throws(() => s.applyEdit([...ARTICLE].length, 1, ''), /outside the text/);
  });

  it('property: random edit sequences never lose an annotation', async () => {
    const words: [string, string, number][] = [['Japan', 'japan', 0], ['Russia', 'russia', 0], ['日本', 'japan', 0], ['ロシア', 'russia', 0], ['Russia', 'russia', 1]];
    const edit = fc.record({
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      del: fc.nat({ max: 8 }),
      ins: fc.oneof(fc.constant(''), fc.constantFrom('x', '💡', '\r\n', 'Russia', 'ロシア'), fc.string({ unit: 'grapheme', maxLength: 4 })),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { maxLength: 25 }), async (edits) => {
        const s = await storeWith(words);
        const quotes = new Map(s.all().map((a) => [a.id, a.quote.exact]));
        for (const e of edits) {
          const len = [...s.text].length;
          const offset = Math.floor(e.at * len);
          s.applyEdit(offset, Math.min(e.del, len - offset), e.ins);
        }
        const all = s.all();
        assert.equal(all.length, quotes.size);
        for (const a of all) {
          assert.equal(a.quote.exact, quotes.get(a.id));
          if (a.anchored) assert.equal(slice(s.text, a.start, a.end), a.quote.exact);
          else assert.equal(a.end - a.start, [...a.quote.exact].length);
        }
      }),
      { numRuns: 150 },
    );
  });
});
