import { strict as assert } from 'assert';
import fc from 'fast-check';
import { TextView, toCodePoints } from '../../../src/core/annotations/text-view';
describe('annotations/TextView.contextAgreement', () => {
  it('property: walking the text agrees with comparing code point arrays (emoji, lone surrogates, CRLF, spans past the end)', () => {
    const piece = fc.constantFrom('a', 'b', '日', '😀', '😁', '\ud83d', '\ude00', '\r\n');
    const str = fc.array(piece, { maxLength: 40 }).map((a) => a.join(''));
    fc.assert(fc.property(str, str, str, fc.nat(), fc.nat(), (text, pre, suf, a, b) => {
      const v = new TextView(text);
      const n = v.length;
      const start = a % (n + 3), end = Math.min(start + (b % 5), n + 3);
      const prefix = toCodePoints(pre), suffix = toCodePoints(suf);
      const cps = toCodePoints(text);
      let before = 0; while (before < prefix.length && start - before - 1 >= 0 && cps[start - before - 1] === prefix[prefix.length - before - 1]) before++;
      let after = 0; while (after < suffix.length && end + after < cps.length && cps[end + after] === suffix[after]) after++;
      assert.deepEqual(v.contextAgreement(start, end, prefix, suffix), { before, after });
    }), { numRuns: 3000 });
  });
  it('counts the context shared on each side of a span', () => {
    const text = 'xx😀日本と米国yy';
    const v = new TextView(text);
    assert.deepEqual(v.contextAgreement(4, 6, toCodePoints('x😀日'), toCodePoints('米国y')), { before: 3, after: 3 });
  });
});
