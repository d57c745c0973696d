import { strict as assert } from 'assert';
import { normalize } from '../../src/core/text/normalize';

/** Original span behind normalized [s, e). */
const back = (src: string, s: number, e: number) => {
  const { origin } = normalize(src);
  return src.slice(origin[s], origin[e]);
};

describe('text/normalize', () => {
  it('folds full-width Latin and case while mapping back to the original', () => {
    const src = 'ＮＡＴＯとＲｕｓｓｉａ';
    const n = normalize(src);
    assert.equal(n.text, 'natoとrussia');
    assert.equal(back(src, 0, 4), 'ＮＡＴＯ');
    assert.equal(back(src, 5, 11), 'Ｒｕｓｓｉａ');
  });
  it('contracts half-width kana with sound marks and maps the span to both units', () => {
    const src = 'xﾎﾟｰﾗﾝﾄﾞy';
    const n = normalize(src);
    assert.equal(n.text, 'xポーランドy');
    assert.equal(back(src, 1, 6), 'ﾎﾟｰﾗﾝﾄﾞ');
  });
  it('unifies middle dots and long-vowel marks after katakana only', () => {
    assert.equal(normalize('한·미ㆍ일').text, '한・미・일');
    assert.equal(normalize('ゼレンスキ―').text, 'ゼレンスキー');
    assert.equal(normalize('Russia—Ukraine').text, 'russia-ukraine');
  });
  it('keeps emoji, CRLF and expansions aligned', () => {
    const src = '💡\r\n㍻ロシア';
    const n = normalize(src);
    assert.equal(n.text, '💡\r\n平成ロシア');
    const i = n.text.indexOf('ロシア');
    assert.equal(back(src, i, i + 3), 'ロシア');
    assert.equal(back(src, 4, 6), '㍻'); // both units of 平成 come from the one original unit
    assert.equal(n.origin[n.text.length], src.length);
  });
});
