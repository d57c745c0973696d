import { strict as assert } from 'assert';
import { OffsetIndex, decodeArticle } from '../../src/core/text/offsets';

describe('text/offsets', () => {
  it('round-trips code points and UTF-16 across emoji', () => {
    const text = '💡 日本と💡ロシア\r\n🇯🇵x';
    const ix = new OffsetIndex(text);
    const cps = [...text];
    assert.equal(ix.codePointLength, cps.length);
    for (let cp = 0; cp <= cps.length; cp++) {
      const u = ix.toUtf16(cp);
      assert.equal(u, cps.slice(0, cp).join('').length);
      assert.equal(ix.toCodePoint(u), cp);
    }
  });
  it('drops a leading BOM and keeps CRLF as two code points', () => {
    const bytes = new TextEncoder().encode('\ufeffa\r\nb');
    const { text, hadBom } = decodeArticle(bytes);
    assert.equal(hadBom, true);
    assert.equal(text, 'a\r\nb');
    assert.equal(new OffsetIndex(text).codePointLength, 4);
  });
  it('rejects invalid UTF-8', () => {
    assert.throws(() => decodeArticle(new Uint8Array([0x61, 0xff, 0x62])));
  });
});
