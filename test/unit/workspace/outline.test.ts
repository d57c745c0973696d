import { strict as assert } from 'assert';
import type { ShownMention } from '../../../src/core/annotations';
import { kindOf, type EntityType } from '../../../src/core/model';
import { linePreviews, outline, stripMarkup, type EntityNames } from '../../../src/core/workspace/group';
import { nextSpan, spanAt } from '../../../src/core/workspace/navigate';
import { findOccurrences } from '../../../src/core/workspace/occurrences';

function m(start: number, text: string, entity: string, type: EntityType, status: 'confirmed' | 'recognized' = 'recognized'): ShownMention {
  return { start, end: start + Array.from(text).length, text, kind: kindOf(type), type, entity, qid: null, status };
}

const names: EntityNames = {
  get: (id) =>
    ({
      japan: { name: 'Japan', aliases: ['日本', 'ＪＡＰＡＮ'], qid: 'Q17' },
      france: { name: 'France', aliases: ['フランス'], qid: 'Q142' },
      npt: { name: 'Non-Proliferation Treaty', aliases: ['NPT'], qid: null },
    })[id],
};

describe('workspace/outline', () => {
  const a = { file: 'a', mentions: [m(0, 'Japan', 'japan', 'country', 'confirmed'), m(10, 'France', 'france', 'country'), m(20, 'NPT', 'npt', 'treaty')], orphans: [] };
  const b = { file: 'b', mentions: [m(3, '日本', 'japan', 'country'), m(8, 'unnamed', 'doc-1:statement', 'statement')], orphans: [{ id: 'x', text: 'Gone Corp', entity: 'gone' }] };

  it('groups kind → type → entity with counts across articles, most mentioned first', () => {
    const o = outline([a, b], names);
    assert.deepStrictEqual(o.kinds.map((k) => [k.kind, k.count]), [['actor', 3], ['agreement', 2]]);
    const countries = o.kinds[0].types[0];
    assert.deepStrictEqual(countries.entities.map((e) => [e.name, e.mentions.length, e.confirmed, e.suggested]), [['Japan', 2, 1, 1], ['France', 1, 0, 1]]);
    assert.deepStrictEqual(countries.entities[0].mentions.map((r) => r.file), ['a', 'b']);
    // Types follow the model's order; an entity no source names shows its mention's text.
    assert.deepStrictEqual(o.kinds[1].types.map((t) => t.type), ['treaty', 'statement']);
    assert.strictEqual(o.kinds[1].types[1].entities[0].name, 'unnamed');
    assert.deepStrictEqual([o.confirmed, o.suggested], [1, 4]);
    assert.deepStrictEqual(o.orphans, [{ id: 'x', text: 'Gone Corp', entity: 'gone', file: 'b' }]);
  });

  it('filters by name, alias (width and case folded), QID or mention text, keeping whole entities', () => {
    const only = (f: string) => outline([a, b], names, f).kinds.flatMap((k) => k.types.flatMap((t) => t.entities.map((e) => `${e.entity}:${e.mentions.length}`)));
    assert.deepStrictEqual(only('japan'), ['japan:2']);
    assert.deepStrictEqual(only('フランス'), ['france:1']);
    assert.deepStrictEqual(only('q142'), ['france:1']);
    assert.deepStrictEqual(only('npt'), ['npt:1']);
    assert.deepStrictEqual(only('nothing'), []);
    assert.deepStrictEqual(outline([a, b], names, 'gone').orphans.length, 1);
    assert.deepStrictEqual(outline([a, b], names, 'japan').orphans.length, 0);
  });

  it('gives each mention its line and an excerpt, counting code points across CRLF and emoji', () => {
    const text = '😀 first line\r\n🇯🇵 Japan here\r\n' + 'x'.repeat(200) + ' Tail mention ' + 'y'.repeat(200);
    const cps = Array.from(text);
    const at = (word: string) => {
      const start = Array.from(text.slice(0, text.indexOf(word))).length;
      return { start, end: start + Array.from(word).length };
    };
    assert.strictEqual(cps.slice(at('Japan').start, at('Japan').end).join(''), 'Japan');
    const [p1, p2] = linePreviews(text, [at('Japan'), at('Tail')], 40);
    assert.deepStrictEqual(p1, { line: 1, preview: '🇯🇵 Japan here' });
    assert.strictEqual(p2.line, 2);
    assert.ok(p2.preview.startsWith('…') && p2.preview.endsWith('…') && p2.preview.includes('Tail mention'), p2.preview);
  });
});

describe('workspace/group: previews without markup', () => {
  const cp = (text: string, word: string) => {
    const start = Array.from(text.slice(0, text.indexOf(word))).length;
    return { start, end: start + Array.from(word).length };
  };
  it('drops Korean HTML tags and their attributes, also a tag cut by the line', () => {
    const text = '<h2 data-ke-size="size26">한미일 정상회의 개최</h2>\n<p data-ke-size="size16">한미일은 캠프 데이비드에서 <b>공동성명</b>을 발표했다.</p>';
    const [h, p] = linePreviews(text, [cp(text, '한미일 정상'), cp(text, '캠프')], 80);
    assert.deepStrictEqual(h, { line: 0, preview: '한미일 정상회의 개최' });
    assert.deepStrictEqual(p, { line: 1, preview: '한미일은 캠프 데이비드에서 공동성명을 발표했다.' });
    assert.strictEqual(stripMarkup('-ke-size="size16">한미일은'), '한미일은');
    assert.strictEqual(stripMarkup('북한은 <span style="color:red"'), '북한은');
  });
  it('drops markdown heading, emphasis, links and entities around a Japanese mention', () => {
    const text = '## **日米**首脳が[共同声明](https://example.jp/a)を発表&amp;確認';
    const [p] = linePreviews(text, [cp(text, '首脳')], 80);
    assert.deepStrictEqual(p, { line: 0, preview: '日米首脳が共同声明を発表&確認' });
  });
  it('keeps English text with comparison signs and cuts long lines around the mention', () => {
    assert.strictEqual(stripMarkup('> Japan and <em>Korea</em> signed; 3 > 2 &#x41;'), 'Japan and Korea signed; 3 > 2 A');
    const text = '<p class="x">' + 'word '.repeat(40) + 'the statement said ' + 'more '.repeat(40) + '</p>';
    const [p] = linePreviews(text, [cp(text, 'statement')], 40);
    assert.ok(p.preview.startsWith('…') && p.preview.endsWith('…') && p.preview.includes('the statement said'), p.preview);
    assert.ok(!/[<>"=]/.test(p.preview), p.preview);
  });
});

describe('workspace/group: white space in previews', () => {
  // Any run of blanks or line breaks (tabs, no-break spaces, ideographic spaces) shows as one space.
  const pieces = ['Japan', ' ', '  ', '\t', '\u00a0', '\u3000', '\r\n', 'x', '日本', ' \t ', '<b>', '**', '&amp;'];
  const reference = (s: string) => s.replace(/[ \t\u00a0]+/g, ' ');
  it('collapses every run, whatever it is made of, and leaves single spaces as they are', () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    for (let i = 0; i < 300; i++) {
      const s = Array.from({ length: 1 + rnd(20) }, () => pieces[rnd(pieces.length)]).join('');
      const whole = stripMarkup(s);
      assert.ok(!/[ \t\u00a0]{2}|[\t\u00a0]/.test(whole), JSON.stringify([s, whole]));
      if (!/[<>&[*_~`#>\-+\d]/.test(s)) assert.strictEqual(stripMarkup(s, 'after'), reference(s).replace(/ $/, ''));
      const text = `${s}Korea${s}\n`;
      const [p] = linePreviews(text, [{ start: [...s].length, end: [...s].length + 5 }]);
      assert.ok(!/\s{2}|[^\S ]/.test(p.preview), JSON.stringify([text, p.preview]));
      assert.ok(p.preview.includes('Korea'));
    }
  });
});

describe('workspace/navigate', () => {
  const spans = [
    { start: 2, end: 5 },
    { start: 8, end: 12 },
    { start: 8, end: 10 },
    { start: 20, end: 22 },
  ];
  it('finds the next and previous span, wrapping around', () => {
    assert.deepStrictEqual(nextSpan(spans, 0, 'next'), spans[0]);
    assert.deepStrictEqual(nextSpan(spans, 2, 'next'), spans[1]);
    assert.deepStrictEqual(nextSpan(spans, 20, 'next'), spans[0]);
    assert.deepStrictEqual(nextSpan(spans, 8, 'previous'), spans[0]);
    assert.deepStrictEqual(nextSpan(spans, 2, 'previous'), spans[3]);
    assert.strictEqual(nextSpan([], 3, 'next'), undefined);
  });
  it('finds the shortest span at an offset, end inclusive or not', () => {
    assert.deepStrictEqual(spanAt(spans, 9), spans[2]);
    assert.deepStrictEqual(spanAt(spans, 5), spans[0]);
    assert.strictEqual(spanAt(spans, 5, false), undefined);
    assert.deepStrictEqual(spanAt(spans, 11, false), spans[1]);
  });
});

describe('workspace/occurrences', () => {
  it('finds whole-word occurrences in code points and skips decided spans', () => {
    const text = '😀 Japan, Japanese, 日本, Japan.\n🇯🇵 Japan';
    const found = findOccurrences(text, 'Japan');
    const cps = Array.from(text);
    assert.deepStrictEqual(found.map((s) => cps.slice(s.start, s.end).join('')), ['Japan', 'Japan', 'Japan']);
    assert.strictEqual(found[0].start, 2);
    assert.deepStrictEqual(findOccurrences(text, 'Japan', [found[1]]), [found[0], found[2]]);
    // CJK has no word boundaries to respect.
    assert.strictEqual(findOccurrences('日本と日本人', '日本').length, 2);
    assert.deepStrictEqual(findOccurrences(text, ''), []);
  });
});
