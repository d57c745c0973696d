/**
 * Other places the same words appear, for "tag all occurrences": exact
 * matches, never inside a longer Latin word (Japan in Japanese), never where
 * something of the same kind is already annotated.
 */
import { isLatinWordChar } from '../text/script';
import { OffsetIndex } from '../text/offsets';
import type { Span } from './navigate';

export function findOccurrences(text: string, needle: string, skip: readonly Span[] = []): Span[] {
  if (!needle) return [];
  const index = new OffsetIndex(text);
  const out: Span[] = [];
  for (let u = text.indexOf(needle); u >= 0; u = text.indexOf(needle, u + 1)) {
    const end = u + needle.length;
    if (u > 0 && isLatinWordChar(text.charCodeAt(u - 1)) && isLatinWordChar(text.charCodeAt(u))) continue;
    if (end < text.length && isLatinWordChar(text.charCodeAt(end - 1)) && isLatinWordChar(text.charCodeAt(end))) continue;
    const span = { start: index.toCodePoint(u), end: index.toCodePoint(end) };
    if (skip.some((s) => s.start < span.end && span.start < s.end)) continue;
    out.push(span);
  }
  return out;
}
