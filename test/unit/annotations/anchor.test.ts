import { strict as assert } from 'assert';
import fc from 'fast-check';
import { anchorAll, anchorQuote, approximateMatches } from '../../../src/core/annotations/anchor';
import { TextView, toCodePoints } from '../../../src/core/annotations/text-view';
import { ARTICLE, cp } from './helpers';

describe('annotations/anchor', () => {
  const view = new TextView(ARTICLE);

  it('keeps a quote that is still in place (offsets in code points past emoji)', () => {
    const { start, end } = cp(ARTICLE, 'ロシア');
    const q = view.quote(start, end);
    assert.equal(q.exact, 'ロシア');
    assert.deepEqual(anchorQuote(view, q, start), { start, end, how: 'in-place' });
  });

  it('finds the exact quote elsewhere, preferring the occurrence whose context agrees', () => {
    const second = cp(ARTICLE, 'Russia', 1);
    const q = view.quote(second.start, second.end);
    // Text before both occurrences grew: the old position is stale.
    const edited = new TextView('News: ' + ARTICLE);
    const a = anchorQuote(edited, q, second.start);
    assert.deepEqual(a, { start: second.start + 6, end: second.end + 6, how: 'exact' });
  });

  it('among equal contexts takes the occurrence nearest the old position', () => {
    const v = new TextView('one AB two. one AB two. one AB two.');
    const q = { exact: 'AB', prefix: 'one ', suffix: ' two.' };
    assert.equal(anchorQuote(v, q, 22)!.start, 16);
    assert.equal(anchorQuote(v, q, 1)!.start, 4);
  });

  it('does not land on a span another annotation holds', () => {
    const v = new TextView('AB AB');
    const q = { exact: 'AB', prefix: '', suffix: '' };
    assert.equal(anchorQuote(v, q, 0, { isTaken: (s) => s === 0 })!.start, 3);
    assert.equal(anchorQuote(v, q, 0, { isTaken: () => true }), null);
  });

  it('matches approximately within 20% of the quote length, near the old position', () => {
    const before = new TextView('The Comprehensive Strategic Partnership Treaty was signed.');
    const { start, end } = cp(before.text, 'Comprehensive Strategic Partnership Treaty');
    const q = before.quote(start, end);
    const after = new TextView('The Comprehensive Strategic Partnrship Treaty was signed.');
    const a = anchorQuote(after, q, start)!;
    assert.equal(a.how, 'fuzzy');
    assert.equal(after.slice(a.start, a.end), 'Comprehensive Strategic Partnrship Treaty');
  });

  it('orphans a quote changed beyond the bound, or outside the search window', () => {
    const q = { exact: 'Russia', prefix: 'and ', suffix: ' met' };
    assert.equal(anchorQuote(new TextView('Japan and Rossiya met'), q, 10), null, 'two edits in six are over 20%');
    const far = 'x'.repeat(5000) + 'Comprehensive Treaty';
    const q2 = { exact: 'Comprehensive Treatu', prefix: '', suffix: '' };
    assert.equal(anchorQuote(new TextView(far), q2, 0, { window: 100 }), null);
    assert.equal(anchorQuote(new TextView(far), q2, 4990, { window: 100 })!.how, 'fuzzy');
  });

  it('an empty context side only fits a match at the same edge of the text', () => {
    const q = { exact: 'Russia', prefix: '', suffix: ' said' };
    assert.equal(anchorQuote(new TextView('Japan and Russia met'), q, 0), null, 'was at the start, this one is not');
    assert.equal(anchorQuote(new TextView('Russia met; Japan said'), q, 5)!.start, 0);
  });

  it('property: approximateMatches reports alignments whose edit distance is their cost, and misses none', () => {
    const lev = (a: number[], b: number[]) => {
      let row = Array.from({ length: b.length + 1 }, (_, j) => j);
      for (let i = 1; i <= a.length; i++) {
        const next = [i];
        for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        row = next;
      }
      return row[b.length];
    };
    const cps = fc.array(fc.constantFrom(0x61, 0x62, 0x1f4a1), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(cps, fc.array(fc.constantFrom(0x61, 0x62, 0x1f4a1), { maxLength: 14 }), fc.nat({ max: 2 }), (p, t, k) => {
        const found = approximateMatches(p, t, 0, t.length, k);
        for (const m of found) assert.equal(lev(p, t.slice(m.start, m.end)), m.cost);
        for (let end = 1; end <= t.length; end++) {
          let bestCost = Infinity;
          for (let start = 0; start < end; start++) bestCost = Math.min(bestCost, lev(p, t.slice(start, end)));
          if (bestCost <= k) assert.ok(found.some((m) => m.end === end && m.cost === bestCost), `end ${end}`);
        }
      }),
    );
  });

  it('approximateMatches reports the cheapest alignment start', () => {
    const p = toCodePoints('ロシア連邦');
    const t = toCodePoints('💡ロシヤ連邦と');
    const m = approximateMatches(p, t, 0, t.length, 1);
    const best = m.find((x) => x.cost === 1)!;
    assert.deepEqual([best.start, best.end], [1, 6]);
  });

  it('anchorAll keeps in-place annotations first and orphans what it cannot find', () => {
    const v = new TextView('AB AB CD');
    const rs = [
      { id: 'moved', start: 0, end: 2, quote: { exact: 'AB', prefix: '', suffix: '' }, anchored: false },
      { id: 'still', start: 3, end: 5, quote: { exact: 'AB', prefix: '', suffix: '' }, anchored: false },
      { id: 'gone', start: 6, end: 8, quote: { exact: 'EF', prefix: '', suffix: '' }, anchored: false },
    ];
    rs[0].start = 1; // stale position: must not steal the span 'still' holds in place
    rs[0].end = 3;
    const report = anchorAll(v, rs);
    assert.deepEqual(report, { moved: ['moved'], fuzzy: [], orphaned: ['gone'] });
    assert.deepEqual([rs[0].start, rs[1].start, rs[2].anchored], [0, 3, false]);
  });
});
