import { strict as assert } from 'assert';
import fc from 'fast-check';
import type { Mention } from '../../../src/core/model';
import { OffsetIndex } from '../../../src/core/text/offsets';
import { codePointCount, shiftMentions, toCodePointEdits, type Utf16Change } from '../../../src/core/workspace/edits';

const chars = fc.constantFrom('a', 'b', ' ', '\r', '\n', '日', '😀', '🇯🇵', 'é');
const text = fc.array(chars, { maxLength: 30 }).map((a) => a.join(''));

/** Non-overlapping changes of one event, in any order, at UTF-16 offsets that never split a surrogate pair. */
function changesFor(t: string): fc.Arbitrary<Utf16Change[]> {
  const bounds: number[] = [0];
  for (const c of Array.from(t)) bounds.push(bounds[bounds.length - 1] + c.length);
  return fc
    .uniqueArray(fc.integer({ min: 0, max: bounds.length - 1 }), { maxLength: 6 })
    .chain((points) => {
      const sorted = [...points].sort((a, b) => a - b);
      const pairs: Array<[number, number]> = [];
      for (let i = 0; i < sorted.length; i += 2) pairs.push([sorted[i], sorted[i + 1] ?? sorted[i]]);
      return fc.tuple(
        fc.shuffledSubarray(pairs, { minLength: pairs.length, maxLength: pairs.length }),
        fc.array(text, { minLength: pairs.length, maxLength: pairs.length }),
      );
    })
    .map(([pairs, texts]) => pairs.map(([s, e], i) => ({ offset: bounds[s], length: bounds[e] - bounds[s], text: texts[i] })));
}

describe('workspace/edits', () => {
  it('turns the UTF-16 changes of one event into code point edits that apply one after another', () => {
    fc.assert(
      fc.property(
        text.chain((t) => fc.tuple(fc.constant(t), changesFor(t))),
        ([t, changes]) => {
          // What the editor does: all changes against the old text.
          let expected = t;
          for (const c of [...changes].sort((a, b) => b.offset - a.offset)) {
            expected = expected.slice(0, c.offset) + c.text + expected.slice(c.offset + c.length);
          }
          // What the core does: code point edits, in the returned order.
          let cps = Array.from(t);
          for (const e of toCodePointEdits(new OffsetIndex(t), changes)) {
            assert.strictEqual(e.inserted, Array.from(e.text).length);
            cps = [...cps.slice(0, e.offset), ...Array.from(e.text), ...cps.slice(e.offset + e.deleted)];
          }
          assert.strictEqual(cps.join(''), expected);
        },
      ),
    );
  });

  it('counts code points, a surrogate pair once', () => {
    assert.strictEqual(codePointCount('a😀日🇯🇵'), 5);
    assert.strictEqual(codePointCount('\ud83d'), 1);
  });

  it('shifts mentions after an edit and drops those it touches', () => {
    const m = (start: number, end: number): Mention => ({ start, end, text: 'x', kind: 'actor', type: 'country', entity: 'e', qid: null });
    const list = [m(0, 2), m(4, 6), m(10, 12)];
    // Insert 3 code points at 3: the first stays, the others move.
    assert.deepStrictEqual(shiftMentions(list, { offset: 3, deleted: 0, text: 'abc', inserted: 3 }).map((x) => [x.start, x.end]), [[0, 2], [7, 9], [13, 15]]);
    // Replace [5, 8): the second is touched and dropped.
    assert.deepStrictEqual(shiftMentions(list, { offset: 5, deleted: 3, text: '', inserted: 0 }).map((x) => [x.start, x.end]), [[0, 2], [7, 9]]);
  });

  it('a moved mention keeps every key in its order, with or without parties and status; one left in place is the same object', () => {
    const actor: Mention = { start: 4, end: 6, text: 'Japan', kind: 'actor', type: 'country', entity: 'japan', qid: 'Q17' };
    const treaty: Mention = { start: 8, end: 9, text: 'T', kind: 'agreement', type: 'treaty', entity: 't', qid: null, parties: ['japan'] };
    const shown = [{ ...actor, status: 'confirmed' as const }, { ...treaty, status: 'recognized' as const }];
    const edit = { offset: 1, deleted: 2, text: 'abcd', inserted: 4 };
    for (const list of [[actor, treaty], shown] as Mention[][]) {
      const moved = shiftMentions(list, edit);
      assert.deepStrictEqual(moved.map((x) => JSON.stringify(x)), list.map((x) => JSON.stringify({ ...x, start: x.start + 2, end: x.end + 2 })));
      assert.equal(moved[1].parties, list[1].parties, 'the parties array is shared, not copied');
      assert.equal(shiftMentions(list, { offset: 20, deleted: 0, text: 'x', inserted: 1 })[0], list[0]);
    }
  });
});
