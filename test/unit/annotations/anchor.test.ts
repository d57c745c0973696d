import { strict as assert } from 'assert';
import fc from 'fast-check';
import { HeldSpans, anchorAll, type Anchorable } from '../../../src/core/annotations/anchor';
import { TextMapping } from '../../../src/core/annotations/diff';
import { TextView } from '../../../src/core/annotations/text-view';
import { cp } from './helpers';

/** Anchorables for words of `text` (n-th occurrence), anchored in it. */
function at(text: string, ...words: [string, number][]): Anchorable[] {
  const view = new TextView(text);
  return words.map(([w, n], i) => {
    const { start, end } = cp(text, w, n);
    return { id: `a${i}`, kind: 'actor', start, end, quote: view.quote(start, end), anchored: true };
  });
}

function run(oldText: string, newText: string, records: Anchorable[], known = true) {
  const view = new TextView(newText);
  const report = anchorAll(view, records, { mapping: known ? TextMapping.between(oldText, newText) : null });
  return { view, report, spans: records.map((r) => (r.anchored ? [r.start, r.end] : null)) };
}

describe('annotations/anchor', () => {
  const said = 'Japan said no; Japan said yes.\n';

  it('maps offsets exactly through a diff: a line prepended moves both mentions, in order', () => {
    const rs = at(said, ['Japan', 0], ['Japan', 1]);
    const { spans, report } = run(said, 'Breaking news!\n' + said, rs);
    assert.deepEqual(spans, [[15, 20], [30, 35]]);
    assert.deepEqual(report, { moved: [], orphaned: [] });
  });

  it('without the old text, context tells the two apart (the first was at the start of the text)', () => {
    const rs = at(said, ['Japan', 0], ['Japan', 1]);
    const { spans } = run(said, 'Breaking news!\n' + said, rs, false);
    assert.deepEqual(spans, [[15, 20], [30, 35]]);
  });

  it('a mention whose neighbours changed but not its own text stays mapped', () => {
    const text = 'Yesterday 日本 and 米国 agreed.';
    const rs = at(text, ['日本', 0], ['米国', 0]);
    const { spans } = run(text, 'Today, 日本 and the 米国 agreed!', rs);
    assert.deepEqual(spans, [[7, 9], [18, 20]]);
  });

  it('never anchors on changed words: an edited name is an orphan, not a likeness', () => {
    const text = 'The Comprehensive Strategic Partnership Treaty was signed in Hanoi by both sides.';
    const rs = at(text, ['Comprehensive Strategic Partnership Treaty', 0]);
    const { spans, report, view } = run(text, text.replace('Partnership', 'Partnrship'), rs);
    assert.deepEqual(spans, [null]);
    assert.deepEqual(report.orphaned, ['a0']);
    assert.ok(rs[0].start <= view.length && rs[0].end - rs[0].start === 42, 'an orphan keeps its length and a place in the text');
  });

  it('follows a moved line when its whole context is found once', () => {
    const lines = ['Line one: the Republic of Korea and Japan held talks in Seoul on Monday.', 'Line two: nothing about anyone at all, only the weather in spring.', 'Line three: later, officials of the two sides met again.', ''];
    const text = lines.join('\n');
    const rs = at(text, ['Japan', 0]);
    const moved = [lines[1], lines[2], lines[0], ''].join('\n');
    const { spans, report, view } = run(text, moved, rs);
    assert.equal(view.slice(spans[0]![0], spans[0]![1]), 'Japan');
    assert.deepEqual(spans[0], [cp(moved, 'Japan').start, cp(moved, 'Japan').end]);
    assert.deepEqual(report.moved, ['a0']);
  });

  it('orphans rather than guesses when two places fit equally well', () => {
    const block = 'Related: Japan and Korea sign a deal on chips and batteries today.\n';
    const text = 'Intro.\n' + block + 'Middle text that will be deleted entirely.\n';
    const rs = at(text, ['Japan', 0]);
    // The block the mention was in is gone and two copies of it appear elsewhere.
    const { spans } = run(text, 'Start.\n' + block + 'Other.\n' + block, rs, false);
    assert.deepEqual(spans, [null]);
  });

  it('an orphan comes back only with its whole context (an undo), never on a likeness', () => {
    const text = 'In Tokyo, Japan and the Philippines signed the reciprocal access agreement.';
    const view = new TextView(text);
    const { start, end } = cp(text, 'Japan');
    const orphan = (): Anchorable => ({ id: 'o', kind: 'actor', start, end, quote: view.quote(start, end), anchored: false });
    const same = orphan();
    anchorAll(new TextView(text), [same], { mapping: null });
    assert.equal(same.anchored, true, 'restored text: whole context agrees');
    const like = orphan();
    anchorAll(new TextView(text.replace('Tokyo', 'Osaka')), [like], { mapping: null });
    assert.equal(like.anchored, false, 'context agrees but not wholly');
  });

  it('held spans: never the same span, never overlapping one of the same kind; other kinds may overlap', () => {
    const held = new HeldSpans();
    held.add('actor', 10, 15);
    assert.ok(held.blocks('agreement', 10, 15));
    assert.ok(held.blocks('actor', 12, 20));
    assert.ok(held.blocks('actor', 5, 11));
    assert.ok(!held.blocks('actor', 15, 18));
    assert.ok(!held.blocks('agreement', 5, 30));
  });

  it('TextMapping: surrogate pairs cut by the diff are left to the edit; mapPoint and kept', () => {
    const a = 'x😀 Japan 😁y';
    const b = 'x😃 Japan 😁y';
    const m = TextMapping.between(a, b);
    assert.deepEqual(m.map(0, 1), { start: 0, end: 1 });
    assert.equal(m.map(1, 2), null, 'the changed emoji');
    assert.deepEqual(m.map(3, 8), { start: 3, end: 8 });
    assert.equal(m.mapPoint(1), 1);
    assert.ok(m.kept > 0.8 && m.kept < 1);
    assert.equal(TextMapping.between(a, a).kept, 1);
  });

  it('a lone surrogate in a quote never matches half of an emoji', () => {
    const text = 'Japan米\ud83d米米';
    const rs = at(text, ['米\ud83d', 0]);
    // The diff may align the lone high surrogate with the one after the emoji, cutting the span in two.
    const { spans } = run(text, 'Japan米😀\ud83d米米', rs);
    assert.deepEqual(spans, [null]);
  });

  it('property: whatever the edits, an anchored annotation reads exactly its quote, and order is kept among mapped ones', () => {
    const piece = fc.constantFrom('Japan', '日本', '米', '😀', '\r\n', ' ', 'a', 'ﾆｯﾎﾟﾝ', '\ud83d');
    fc.assert(
      fc.property(fc.array(piece, { minLength: 5, maxLength: 40 }), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 6 }), fc.array(piece, { maxLength: 3 })), { maxLength: 4 }), (parts, edits) => {
        const text = parts.join('');
        const view = new TextView(text);
        const rs: Anchorable[] = [];
        for (let s = 0, i = 0; s + 2 <= view.length; s += 3, i++) rs.push({ id: `r${i}`, kind: 'actor', start: s, end: s + 2, quote: view.quote(s, s + 2), anchored: true });
        let next = text;
        for (const [p, d, ins] of edits) {
          const cps = [...next];
          const o = p % (cps.length + 1);
          cps.splice(o, Math.min(d, cps.length - o), ...ins.join(''));
          next = cps.join('');
        }
        const after = new TextView(next);
        anchorAll(after, rs, { mapping: TextMapping.between(text, next) });
        for (const r of rs) if (r.anchored) assert.equal(after.slice(r.start, r.end), r.quote.exact);
      }),
      { numRuns: 300 },
    );
  });
});
