/**
 * The recognizer worker answers an article it answered before with a delta (src/extension/recognizer/delta.ts):
 * applied to the last answer it must give exactly the new one, after any edit, and a keystroke's delta must be
 * small. Real articles: the fixtures, and the seeds when ../shared/seeds exists. Then the worker itself
 * (dist/recognizer-worker.js, built by `node esbuild.js`) through the extension's client, as the editor uses it.
 */
import { strict as assert } from 'assert';
import { existsSync } from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { KnowledgeBase } from '../../src/core/kb';
import type { Mention } from '../../src/core/model';
import { recognize, RecognitionSession } from '../../src/core/recognize';
import { answerDelta, answerMentions } from '../../src/core/recognize/answer';
import { applyDelta } from '../../src/extension/recognizer/delta';
import { Recognizer } from '../../src/extension/recognizer/client';
import { articles } from '../fuzz/reanchor';
import { applyAt } from './edit-helpers';

const RUNS = Number(process.env.ANNOTATOR_FUZZ_RUNS) || 30;
const PIECES = ['Japan', 'President Joe Biden', 'Biden', '岸田首相', '岸田', '조태열 외교부 장관', '共同声明', 'joint statement', '\n', '\n\n', '😀', ' ', 'x', '円滑化協定(RAA)', 'RAA'];
const editArb = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
  length: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 41, max: 2000 })),
  text: fc.oneof(fc.constant(''), fc.constantFrom(...PIECES)),
});

/** What crosses the thread boundary: a copy, so nothing can be shared by accident. */
const cloned = <T>(x: T): T => structuredClone(x);

describe('recognizer worker: answers as deltas', function () {
  this.timeout(120_000);
  const kb = KnowledgeBase.builtin();
  const { list, seeds } = articles();
  before(function () {
    if (!seeds) console.log('    (../shared/seeds not found: the fixtures only)');
  });

  it('property: an answer before with the delta is exactly the new answer and full recognition, after every edit of a random sequence', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: list.length - 1 }), fc.array(editArb, { minLength: 1, maxLength: 6 }), (pick, edits) => {
        let text = list[pick].text + '\n' + list[(pick + 1) % list.length].text;
        const session = new RecognitionSession(kb);
        // What the host holds: each answer's mentions, as they crossed the thread boundary.
        const answers = [session.answer(text)];
        const held = [cloned(answerMentions(answers[0]))];
        for (const e of edits) {
          text = applyAt(text, e).text;
          const cur = session.answer(text);
          const full = recognize(text, kb);
          // From the last answer (a keystroke), and from the one before it (a base two answers old).
          for (const k of [answers.length - 1, Math.max(0, answers.length - 2)]) {
            const got = applyDelta(held[k], cloned(answerDelta(answers[k], cur)));
            assert.deepEqual(got, full);
            // One document, one parties array (model.ts), as a whole answer has it.
            const byEntity = new Map<string, string[]>();
            for (const m of got) if (m.parties) assert.equal(byEntity.get(m.entity) ?? byEntity.set(m.entity, m.parties).get(m.entity), m.parties);
          }
          assert.deepEqual(answerMentions(cur), full);
          answers.push(cur);
          held.push(cloned(full));
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('a keystroke in the middle of a long article sends a few mentions, not all of them', () => {
    let text = list.map((a) => a.text).join('\n');
    const session = new RecognitionSession(kb);
    const before = session.answer(text);
    const at = text.indexOf('\n', text.length >> 1);
    text = text.slice(0, at) + 'x' + text.slice(at);
    const after = session.answer(text);
    const d = answerDelta(before, after);
    const total = answerMentions(before).length;
    assert.ok(total > 500, `${total} mentions`);
    // The regions the edit touched (a region is a few kilobytes of lines), not the rest.
    assert.ok(d.middle.length < total / 10, `${d.middle.length} of ${total} mentions sent`);
    assert.ok(d.keep > 0 && d.tail > 0, 'mentions kept on both sides');
    assert.equal(d.shift, 1);
    assert.deepEqual(applyDelta(answerMentions(before), d), recognize(text, kb));
  });

  it('a list kept but moved is sent moved; another list, or the same at other distances, is sent whole', () => {
    const m = (start: number, entity: string): Mention => ({ start, end: start + 2, text: 'ab', kind: 'actor', type: 'country', entity, qid: null });
    const a = [m(0, 'a')];
    const b = [m(5, 'b'), m(7, 'b')];
    const c = [m(9, 'c')];
    const last = { lists: [a, b, c], shifts: [0, 0, 0] };
    const cases = [
      { lists: [a, b, c], shifts: [0, 0, 0] },
      { lists: [a, b, c], shifts: [0, 1, 1] },
      { lists: [a, [m(5, 'b2'), m(7, 'b')], c], shifts: [0, 0, 0] },
      { lists: [a, b, c], shifts: [0, 1, 2] },
      { lists: [a, c], shifts: [0, -4] },
      { lists: [c], shifts: [3] },
      { lists: [], shifts: [] },
      { lists: [b, a], shifts: [10, 0] },
    ];
    for (const cur of cases) assert.deepEqual(applyDelta(answerMentions(last), cloned(answerDelta(last, cur))), answerMentions(cur));
    assert.deepEqual(answerDelta(last, cases[1]), { keep: 1, tail: 3, shift: 1, middle: [] });
    assert.deepEqual(answerDelta(last, cases[3]).middle, [m(6, 'b'), m(8, 'b')]);
    assert.throws(() => applyDelta([], { keep: 1, tail: 0, shift: 0, middle: [] }), /does not fit/);
  });

  describe('through the bundled worker', () => {
    const workerPath = path.resolve(__dirname, '../../dist/recognizer-worker.js');
    before(function () {
      if (!existsSync(workerPath)) {
        console.log('    (skipped: dist/recognizer-worker.js not built; run node esbuild.js)');
        this.skip();
      }
    });

    it('edits of an open article come back as deltas and equal recognizing afresh; a forgotten article, a whole answer', async () => {
      const client = new Recognizer(workerPath);
      try {
        let text = list.slice(0, 4).map((a) => a.text).join('\n');
        const article = 'file:///a.txt';
        assert.deepEqual(await client.recognize(text, article), recognize(text, kb));
        for (const piece of ['x', '\n\n', 'Japan ', '😀', '']) {
          const at = Math.floor(text.length * 0.37);
          text = text.slice(0, at) + piece + text.slice(at + (piece ? 0 : 25));
          assert.deepEqual(await client.recognize(text, article), recognize(text, kb));
        }
        assert.deepEqual(client.replies, { full: 1, delta: 5 });
        // Two requests in flight at once: the second's base is the first's answer, which arrives before it.
        const t1 = text + '\nJapan';
        const t2 = t1 + ' and Korea';
        const [r1, r2] = await Promise.all([client.recognize(t1, article), client.recognize(t2, article)]);
        assert.deepEqual(r1, recognize(t1, kb));
        assert.deepEqual(r2, recognize(t2, kb));
        assert.equal(client.replies.delta, 7);
        // Forgotten while a request is in flight: its delta has no base here any more, so it is asked for whole.
        const pending = client.recognize(text, article);
        client.forget(article);
        assert.deepEqual(await pending, recognize(text, kb));
        assert.deepEqual(await client.recognize(t1, article), recognize(t1, kb));
        assert.deepEqual(client.replies, { full: 2, delta: 8 });
      } finally {
        client.dispose();
      }
    });
  });
});
