/** Moving between mentions: the next one starting after an offset, or the previous one, wrapping around. */

export interface Span {
  start: number;
  end: number;
}

/** `spans` sorted by start. Returns undefined only when there are none. */
export function nextSpan<S extends Span>(spans: readonly S[], offset: number, direction: 'next' | 'previous'): S | undefined {
  if (!spans.length) return undefined;
  if (direction === 'next') return spans.find((s) => s.start > offset) ?? spans[0];
  for (let i = spans.length - 1; i >= 0; i--) if (spans[i].start < offset) return spans[i];
  return spans[spans.length - 1];
}

/**
 * The span containing `offset`, the shortest when several do. A cursor sits
 * between characters, so by default the end counts too (right after a word
 * still finds it); a character under the mouse is `inclusiveEnd: false`.
 */
export function spanAt<S extends Span>(spans: readonly S[], offset: number, inclusiveEnd = true): S | undefined {
  let best: S | undefined;
  for (const s of spans) {
    const inside = s.start <= offset && (inclusiveEnd ? offset <= s.end : offset < s.end);
    if (inside && (!best || s.end - s.start < best.end - best.start)) best = s;
  }
  return best;
}
