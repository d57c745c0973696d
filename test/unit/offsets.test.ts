import { strict as assert } from 'assert';
import fc from 'fast-check';
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
  it('property: an index updated for an edit converts like one built afresh (emoji, CRLF, BOM-less text)', () => {
    const piece = fc.constantFrom('a', '日', '😀', '🇯🇵', '\r\n', ' ', '한');
    const text = fc.array(piece, { maxLength: 30 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, text, fc.nat(), fc.nat(), (base, inserted, a, b) => {
        const cps = [...base];
        const c0 = a % (cps.length + 1);
        const c1 = c0 + (b % (cps.length - c0 + 1));
        const u0 = cps.slice(0, c0).join('').length;
        const u1 = cps.slice(0, c1).join('').length;
        const after = base.slice(0, u0) + inserted + base.slice(u1);
        const edited = new OffsetIndex(base).edited(after, u0, u1, inserted);
        const fresh = new OffsetIndex(after);
        assert.equal(edited.codePointLength, fresh.codePointLength);
        for (let cp = 0; cp <= fresh.codePointLength; cp++) assert.equal(edited.toUtf16(cp), fresh.toUtf16(cp));
        for (let u = 0; u <= after.length; u++) assert.equal(edited.toCodePoint(u), fresh.toCodePoint(u));
      }),
      { numRuns: 300 },
    );
  });
});
