/**
 * Incremental recognition (RecognitionSession, as the editor keeps one per
 * article) must give exactly what recognizing the text from scratch gives,
 * after any sequence of edits. Real articles: the fixtures, and the seeds
 * when ../shared/seeds exists; edits insert and delete names, line breaks,
 * blank lines, front matter, markup, parenthesized short names, emoji.
 */
import { strict as assert } from 'assert';
import fc from 'fast-check';
import { KnowledgeBase } from '../../src/core/kb';
import { recognize, RecognitionSession } from '../../src/core/recognize';
import { cutFrom, recut, regionStarts, type TextCuts } from '../../src/core/recognize/regions';
import { articles } from '../fuzz/reanchor';
import { applyAt, type Edit } from './edit-helpers';

const RUNS = Number(process.env.ANNOTATOR_FUZZ_RUNS) || 40;

/** Pieces that change what an article names, how its regions are cut, or what spans lines. */
const PIECES = [
  '日', '米', '北', '韓国', 'Japan', 'President Joe Biden', 'Biden', '岸田首相', '岸田', '조태열 외교부 장관', '조 장관',
  '共同声明', '声明', 'joint statement', 'the Joint Statement', '円滑化協定(RAA)', 'RAA', 'Visiting Forces Agreement (VFA)', 'VFA',
  '\n', '\n\n', '\r\n', '---\n', '<div\n', '>', '<!--', '-->', 'By Jane Doe\n', '😀', 'ﾆｯﾎﾟﾝ', ' ', '。', 'x',
];

const editArb = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
  length: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 41, max: 3000 })),
  text: fc.oneof(fc.constant(''), fc.constantFrom(...PIECES), fc.array(fc.constantFrom(...PIECES), { minLength: 2, maxLength: 5 }).map((a) => a.join(''))),
});

describe('recognize: incremental == full (property)', function () {
  this.timeout(120_000);
  const kb = KnowledgeBase.builtin();
  const { list, seeds } = articles();
  before(function () {
    if (!seeds) console.log('    (../shared/seeds not found: the fixtures only)');
  });

  it('after every edit of a random sequence, a session gives exactly the mentions of recognizing the text afresh', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: list.length - 1 }), { minLength: 1, maxLength: 3 }),
        fc.array(editArb, { minLength: 1, maxLength: 8 }),
        (picked, edits) => {
          // Two or three articles end to end: long enough for many regions, names repeated across them.
          let text = picked.map((i) => list[i].text).join('\n');
          const session = new RecognitionSession(kb);
          assert.deepEqual(session.update(text), recognize(text, kb));
          const applied: Edit[] = [];
          for (const e of edits) {
            const next = applyAt(text, e);
            text = next.text;
            applied.push(next.edit);
            assert.deepEqual(session.update(text), recognize(text, kb), `after edits ${JSON.stringify(applied)}`);
          }
        },
      ),
      { numRuns: RUNS, seed: Number(process.env.ANNOTATOR_FUZZ_SEED) || undefined },
    );
  });

  it('property: cutting after an edit from the last cuts equals cutting afresh, and keeps the regions it says it keeps', () => {
    // Articles' own lines and the lines that steer cutting: blank ones, front matter rules, tags open across lines, a stray <.
    const lines = [...new Set(list.flatMap((a) => a.text.split('\n')))].filter((l) => !l.startsWith('---')).slice(0, 300);
    const special = ['', '', '<div', 'class="a">', 'if a < b then', '>', '<!-- note', '-->'];
    // No front matter, an open one (a rule --- on the first line; an edit may close it), or a closed one.
    const heads = ['', '---\ntitle: x\n', '---\ntitle: x\n---\n'];
    const textArb = fc.tuple(fc.constantFrom(...heads), fc.array(fc.oneof(fc.constantFrom(...lines), fc.constantFrom(...special)), { minLength: 20, maxLength: 400 }));
    const cutEdit = fc.record({
      at: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true })),
      length: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 41, max: 9000 })),
      text: fc.oneof(fc.constant(''), fc.constantFrom(...PIECES, '\n---\n', '<', '>', '\n\n', 'x'.repeat(9000)), fc.array(fc.constantFrom(...lines), { maxLength: 30 }).map((a) => a.join('\n') + '\n')),
    });
    const region = (c: TextCuts, i: number) => c.text.slice(c.starts[i], i + 1 < c.starts.length ? c.starts[i + 1] : c.text.length);
    let kept = 0;
    let moved = 0;
    fc.assert(
      fc.property(textArb, fc.array(cutEdit, { minLength: 1, maxLength: 12 }), ([head, ls], edits) => {
        let text = head + ls.join('\n');
        let last: TextCuts = recut(undefined, text);
        for (const e of edits) {
          text = applyAt(text, e).text;
          const next = recut(last, text);
          const fresh = cutFrom(text, 0, false);
          assert.deepEqual(next.starts, fresh.starts);
          assert.deepEqual(next.open, fresh.open);
          // The regions it keeps have the same texts as before, at the start and at the end; never the old first one at the end.
          for (let i = 0; i < next.kept; i++) assert.equal(region(next, i), region(last, i));
          const tail = last.starts.length - next.tail;
          assert.ok(next.tail >= 1 || tail === 0);
          for (let k = 1; k <= tail; k++) assert.equal(region(next, next.starts.length - k), region(last, last.starts.length - k));
          kept += next.kept;
          moved += tail;
          last = next;
        }
      }),
      { numRuns: RUNS * 25, seed: Number(process.env.ANNOTATOR_FUZZ_SEED) || undefined },
    );
    assert.ok(kept > 0 && moved > 0, 'regions were kept before and after edits');
    // The text cut back to one of its cuts: no empty region at the end.
    const text = lines.join('\n');
    const before = recut(undefined, text);
    const shorter = text.slice(0, before.starts[3]);
    assert.deepEqual(recut(before, shorter).starts, regionStarts(shorter));
    // A rule --- on the first line that an edit far below closes: the article's start is front matter, cut again.
    const open = '---\ntitle: x\n' + text;
    const cuts = recut(undefined, open);
    const at = cuts.starts[5] + 3;
    const closed = open.slice(0, at) + '\n---\n' + open.slice(at);
    assert.deepEqual(recut(cuts, closed).starts, regionStarts(closed));
  });

  it('an edit makes only the regions around it be cut differently', () => {
    const text = list.map((a) => a.text).join('\n');
    const before = regionStarts(text);
    assert.ok(before.length > 20, `a long text has many regions (${before.length})`);
    const at = text.indexOf('\n', Math.floor(text.length / 2));
    const edited = text.slice(0, at) + ' 日米首脳会談' + text.slice(at);
    const after = regionStarts(edited);
    const shifted = new Set(after.map((s) => (s > at ? s - ' 日米首脳会談'.length : s)));
    const changed = before.filter((s) => !shifted.has(s)).length;
    assert.ok(changed <= 2, `${changed} cuts moved`);
  });

  it('keeps front matter in the first region and an open tag with its closing line', () => {
    const fm = '---\ntitle: 日米首脳会談\nauthor: Jane Doe\n' + 'tags: [a]\n'.repeat(300) + '---\n本文。\n';
    assert.ok(regionStarts(fm).every((s) => s === 0 || s >= fm.indexOf('---\n本文')));
    const tag = 'x'.repeat(2000) + '\n<div\nclass="a">\n' + 'y'.repeat(2000) + '\n';
    const cuts = regionStarts(tag);
    const open = tag.indexOf('<div');
    assert.ok(!cuts.some((s) => s > open && s <= tag.indexOf('">')), `no cut inside the tag: ${cuts}`);
    // A stray "<" that no ">" closes does not make the rest of the article one region.
    const stray = 'if a < b then\n' + '日米首脳会談が開かれた。\n'.repeat(2000);
    assert.ok(regionStarts(stray).length > 3, 'cuts after a stray <');
  });

  it('keeps the ids of unnamed documents through an edit below the first region, and keeps two articles apart', () => {
    const kb = KnowledgeBase.builtin();
    const headline = (h: string) => `# ${h}\n\n` + '両国の外相は東京で会談し、経済と安全保障の協力について意見を交わした。\n'.repeat(40);
    const body = '\n会談後、両外相は共同声明を発表した。\n' + '関係者によると、声明は投資の拡大にも触れた。\n'.repeat(60);
    const ids = (text: string) => recognize(text, kb).filter((m) => m.kind === 'agreement' && m.entity.startsWith('doc-')).map((m) => m.entity);
    const text = headline('日本とフィリピンの外相会談') + body;
    const before = ids(text);
    assert.ok(before.length >= 2, `the article has unnamed documents (${before.length})`);
    const at = text.lastIndexOf('関係者');
    assert.ok(at > regionStarts(text)[1], 'the edit is below the first region');
    const edited = text.slice(0, at) + '追記：' + text.slice(at);
    assert.deepEqual(ids(edited), before);
    const other = ids(headline('日本とベトナムの外相会談') + body);
    assert.equal(other.length, before.length);
    assert.ok(other.every((id, i) => id !== before[i]), 'another article with the same words has other ids');
  });

  it('property: front matter ends where its closing --- line ends, as the YAML front-matter pattern reads it', () => {
    // The pattern as written in the guidelines' terms; regionStarts finds the end without it.
    const pattern = (t: string) => /^---[ \t]*\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/.exec(t)?.[0].length ?? 0;
    const pieces = ['---', '\n', '\r\n', ' ', '\t', 'a', 'title: x', '--', '\r'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 24 }), (a) => {
        const t = a.join('');
        const end = pattern(t);
        const starts = regionStarts(t);
        if (end > 0 && end < t.length) assert.ok(starts.includes(end), `${JSON.stringify(t)}: ${end} in ${starts}`);
        else assert.deepEqual(starts, [0], JSON.stringify(t));
      }),
      { numRuns: 3000 },
    );
  });
});
