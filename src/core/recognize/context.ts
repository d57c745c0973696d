/** What every rule of one recognize() call reads: the texts, the offset map and the compiled KB. */
import type { CompiledKb } from './compile';
import type { Hits } from './candidates';
import { isHangul, isKanji, isKatakana, isLatinLetter, isLatinWordChar } from '../text/script';

export interface Ctx {
  /** Normalized text with markup blanked. */
  t: string;
  /** Normalized text before blanking, in the region that starts the article (front-matter keys such as author: are read from it); elsewhere `t`. */
  raw: string;
  /** Original text (UTF-16) and the normalized → original map. */
  orig: string;
  origin: Int32Array;
  ckb: CompiledKb;
  hits: Hits;
  /** Whether this text starts the article (front matter can only be there). */
  atStart: boolean;
}

export const code = (ctx: Ctx, i: number): number => (i >= 0 && i < ctx.t.length ? ctx.t.charCodeAt(i) : 0);

/** The original text behind a normalized span, NFKC'd (for case checks). */
export function originalSlice(ctx: Ctx, s: number, e: number): string {
  return ctx.orig.slice(ctx.origin[s], ctx.origin[e]).normalize('NFKC');
}

/**
 * Script-aware word boundaries for a name at [s, e): Latin names stand
 * between non-letters; katakana and hangul names never start inside a word of
 * their script; kanji names never start right after another kanji (中 in 中谷
 * is not China) unless that kanji is one of the given prefixes (対, 訪).
 */
export function boundaryOk(ctx: Ctx, s: number, e: number, kanjiPrefixes?: ReadonlySet<string>, acronym = false): boolean {
  const first = code(ctx, s);
  const last = code(ctx, e - 1);
  const prev = code(ctx, s - 1);
  const next = code(ctx, e);
  if (isLatinWordChar(first) && isLatinWordChar(prev)) return false;
  // An acronym may run into digits (ASEAN2045, UNCLOS1982, G20), never into letters.
  if (isLatinWordChar(last) && (acronym ? isLatinLetter(next) : isLatinWordChar(next))) return false;
  if (isKatakana(first) && isKatakana(prev)) return false;
  // Short katakana names (マリ) inside a longer katakana word (マリオ) are not names.
  if (isKatakana(last) && isKatakana(next) && e - s <= 2) return false;
  if (isKanji(first) && isKanji(prev) && !kanjiPrefixes?.has(String.fromCharCode(prev))) return false;
  if (isHangul(first) && isHangul(prev)) return false;
  return true;
}

/** The normalized position of an original UTF-16 offset (origin is non-decreasing: binary search). */
export function normalizedAt(ctx: Ctx, o: number): number | undefined {
  let lo = 0;
  let hi = ctx.t.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ctx.origin[mid] < o) lo = mid + 1;
    else hi = mid;
  }
  return ctx.origin[lo] === o ? lo : undefined;
}
