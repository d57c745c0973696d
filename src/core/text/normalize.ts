/**
 * The normalized view the recognizer matches on: NFKC, width folding, Latin
 * case folding, one middle dot (・), one long-vowel mark (ー) inside katakana,
 * one space. `origin[i]` is the UTF-16 offset in the original text where
 * normalized unit i comes from, and origin[length] is the original length,
 * so a normalized span [i, j) covers original [origin[i], origin[j]).
 *
 * Almost every unit folds to exactly one unit; the few that expand (ﬁ, ㍻)
 * repeat their origin, and half-width kana + sound mark contract to one.
 */
import { isKatakana, LONG_VOWEL, MIDDLE_DOT } from './script';

export interface NormalizedText {
  readonly text: string;
  readonly origin: Int32Array;
}

const MIDDLE_DOTS = new Set([0x00b7, 0x2027, 0x22c5, 0x2219, 0x318d, 0x119e, 0x30fb, 0xff65, 0x2022, 0x16eb]);
const DASH_LIST = [0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xff0d, 0xff70, 0x30fc, 0x2500, 0x2501, 0xfe63, 0x002d];
const IS_DASH = new Uint8Array(0x10000);
for (const d of DASH_LIST) IS_DASH[d] = 1;
const SPACES = new Set([0x00a0, 0x3000, 0x2002, 0x2003, 0x2009, 0x200a, 0x202f, 0x205f]);
const VOICED = 0x3099;
const SEMI_VOICED = 0x309a;

const UTF16 = new TextDecoder('utf-16le');

/** Per-unit fold cache: 0 = not computed, 0xffff = multi-unit (slow path), else the folded unit. */
const cache = new Uint16Array(0x10000);
const MULTI = 0xffff;

function foldSlow(ch: string): string {
  return ch.normalize('NFKC').toLowerCase();
}

function foldUnit(c: number): number {
  let f = cache[c];
  if (f !== 0) return f;
  if (MIDDLE_DOTS.has(c)) f = MIDDLE_DOT;
  else if (SPACES.has(c)) f = 0x20;
  else if (c >= 0xd800 && c <= 0xdfff) f = c; // surrogate halves pass through
  else {
    const s = foldSlow(String.fromCharCode(c));
    f = s.length === 1 ? s.charCodeAt(0) : MULTI;
    if (f === 0) f = MULTI; // NUL cannot be cached as 0
  }
  cache[c] = f;
  return f;
}

export function normalize(original: string): NormalizedText {
  const n = original.length;
  const out = new Uint16Array(n * 2 + 4);
  const origin = new Int32Array(n * 2 + 5);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const c = original.charCodeAt(i);
    if (IS_DASH[c]) {
      // A dash right after katakana is a long-vowel mark (machine translation mixes them up).
      const prev = k > 0 ? out[k - 1] : 0;
      out[k] = isKatakana(prev) && prev !== LONG_VOWEL ? LONG_VOWEL : prev === LONG_VOWEL && c !== 0x2d ? LONG_VOWEL : 0x2d;
      origin[k++] = i;
      continue;
    }
    // ASCII: only capitals change (the common case in English text and markup).
    if (c < 0x80 && c !== 0x2d && c !== 0) {
      out[k] = c >= 0x41 && c <= 0x5a ? c | 0x20 : c;
      origin[k++] = i;
      continue;
    }
    const f = c === 0 ? MULTI : foldUnit(c);
    if (f === VOICED || f === SEMI_VOICED) {
      // Half-width sound marks: compose with the previous kana when NFC can.
      if (k > 0) {
        const composed = (String.fromCharCode(out[k - 1]) + String.fromCharCode(f)).normalize('NFC');
        if (composed.length === 1) {
          out[k - 1] = composed.charCodeAt(0);
          continue;
        }
      }
    }
    if (f !== MULTI) {
      out[k] = f;
      origin[k++] = i;
      continue;
    }
    const s = c === 0 ? '\0' : foldSlow(String.fromCharCode(c));
    for (let j = 0; j < s.length; j++) {
      out[k] = s.charCodeAt(j);
      origin[k++] = i;
    }
  }
  origin[k] = n;
  let text = '';
  if (k <= 64) {
    // Short strings (knowledge-base forms): a plain loop beats a decoder call.
    for (let i = 0; i < k; i++) text += String.fromCharCode(out[i]);
  } else {
    text = UTF16.decode(out.subarray(0, k));
  }
  // A copy of the used part: a view would keep the buffer of twice the text's length alive with it.
  return { text, origin: origin.slice(0, k + 1) };
}

/** Normalize a knowledge-base form the same way as article text. */
export function normalizeForm(form: string): string {
  const f = form.trim();
  // Most forms are already normal (kana, kanji, hangul, lowercase): skip the offset map.
  for (let i = 0; i < f.length; i++) {
    const c = f.charCodeAt(i);
    if (IS_DASH[c] || c === 0 || foldUnit(c) !== c) return normalize(f).text;
  }
  return f;
}
