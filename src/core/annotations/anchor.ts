/**
 * Re-anchoring: finding an annotation's text again after the article changed.
 *
 * Order of preference: the quote where it was; the exact quote elsewhere,
 * chosen by how much of the remembered prefix/suffix agrees and then by
 * nearness to the old position; an approximate match (edit distance at most
 * 20% of the quote) near the old position. A match elsewhere must agree with
 * at least a few code points of the remembered context on one side: landing
 * on another mention of the same name would silently move the analyst's
 * decision, while an orphan is reported and can be re-attached. Otherwise the
 * annotation is an orphan, and it is never dropped.
 */
import { TextView, codePointLength, toCodePoints, type Quote } from './text-view';

export type AnchorHow = 'in-place' | 'exact' | 'fuzzy';

export interface Anchor {
  start: number;
  end: number;
  how: AnchorHow;
}

export interface AnchorOptions {
  /** Spans already held by another annotation: a re-anchored one must not land on them. */
  isTaken?: (start: number, end: number) => boolean;
  /** Code points searched on each side of the old position for an approximate match. */
  window?: number;
  /** Largest edit distance accepted, as a share of the quote's length. */
  maxErrorRate?: number;
}

const DEFAULT_WINDOW = 1000;
const DEFAULT_ERROR_RATE = 0.2;
/** Context (code points, on one side) a match away from the old position must share. */
const MIN_CONTEXT = 8;

interface Candidate {
  start: number;
  end: number;
  cost: number;
  context: number;
  distance: number;
}

/** Where `quote` (last seen at `oldStart`) is in `view` now, or null for an orphan. */
export function anchorQuote(view: TextView, quote: Quote, oldStart: number, options: AnchorOptions = {}): Anchor | null {
  const isTaken = options.isTaken ?? (() => false);
  const exactCps = toCodePoints(quote.exact);
  const len = exactCps.length;
  if (len === 0) return null;
  if (view.reads(oldStart, oldStart + len, quote.exact) && !isTaken(oldStart, oldStart + len)) {
    return { start: oldStart, end: oldStart + len, how: 'in-place' };
  }
  const prefix = toCodePoints(quote.prefix);
  const suffix = toCodePoints(quote.suffix);
  const score = (start: number, end: number, cost: number): Candidate | null => {
    const { before, after } = view.contextAgreement(start, end, prefix, suffix);
    // No remembered context on a side means the quote touched the text's edge there.
    const agrees = (n: number, context: number[], atEdge: boolean) => (context.length ? n >= Math.min(context.length, MIN_CONTEXT) : atEdge);
    if (!agrees(before, prefix, start === 0) && !agrees(after, suffix, end === view.length)) return null;
    return { start, end, cost, context: before + after, distance: Math.abs(start - oldStart) };
  };

  const exact = view
    .occurrences(quote.exact)
    .filter((s) => !isTaken(s, s + len))
    .map((s) => score(s, s + len, 0))
    .filter((c) => c !== null);
  const bestExact = best(exact);
  if (bestExact) return { start: bestExact.start, end: bestExact.end, how: 'exact' };

  const maxCost = Math.floor(len * (options.maxErrorRate ?? DEFAULT_ERROR_RATE));
  if (maxCost < 1) return null;
  const window = options.window ?? DEFAULT_WINDOW;
  const from = Math.max(0, Math.min(oldStart, view.length) - window);
  const to = Math.min(view.length, oldStart + len + window);
  const fuzzy = approximateMatches(exactCps, view.codePoints, from, to, maxCost)
    .filter((m) => !isTaken(m.start, m.end))
    .map((m) => score(m.start, m.end, m.cost))
    .filter((c) => c !== null);
  const bestFuzzy = best(fuzzy);
  return bestFuzzy ? { start: bestFuzzy.start, end: bestFuzzy.end, how: 'fuzzy' } : null;
}

/** Fewest edits, then most context agreeing, then nearest to the old position. */
function best(candidates: Candidate[]): Candidate | undefined {
  let top: Candidate | undefined;
  for (const c of candidates) {
    if (
      !top ||
      c.cost < top.cost ||
      (c.cost === top.cost && (c.context > top.context || (c.context === top.context && c.distance < top.distance)))
    ) {
      top = c;
    }
  }
  return top;
}

/**
 * Substrings of text[from, to) within `maxCost` edits of `pattern` (semi-global
 * edit distance, one column per text position), each with the start of its
 * cheapest alignment. O(pattern length × window).
 */
export function approximateMatches(
  pattern: number[],
  text: number[],
  from: number,
  to: number,
  maxCost: number,
): { start: number; end: number; cost: number }[] {
  const m = pattern.length;
  let cost = Array.from({ length: m + 1 }, (_, i) => i);
  let start = new Array<number>(m + 1).fill(from);
  let nextCost = new Array<number>(m + 1);
  let nextStart = new Array<number>(m + 1);
  const found: { start: number; end: number; cost: number }[] = [];
  for (let j = from; j < to; j++) {
    nextCost[0] = 0;
    nextStart[0] = j + 1;
    for (let i = 1; i <= m; i++) {
      // Prefer the diagonal on ties, so alignments do not grow stray edges.
      let c = cost[i - 1] + (pattern[i - 1] === text[j] ? 0 : 1);
      let s = start[i - 1];
      if (nextCost[i - 1] + 1 < c) {
        c = nextCost[i - 1] + 1;
        s = nextStart[i - 1];
      }
      if (cost[i] + 1 < c) {
        c = cost[i] + 1;
        s = start[i];
      }
      nextCost[i] = c;
      nextStart[i] = s;
    }
    [cost, nextCost] = [nextCost, cost];
    [start, nextStart] = [nextStart, start];
    if (cost[m] <= maxCost && start[m] < j + 1) found.push({ start: start[m], end: j + 1, cost: cost[m] });
  }
  return found;
}

/**
 * After a small edit: whether an orphan's text is back near where it was
 * (undo, or retyping the same word), with its whole remembered context.
 * Cheap enough to run on every keystroke; it never guesses.
 */
export function recheckOrphan(view: TextView, quote: Quote, lastStart: number, radius: number, isTaken: (s: number, e: number) => boolean): Anchor | null {
  const len = toCodePoints(quote.exact).length;
  const prefix = toCodePoints(quote.prefix);
  const suffix = toCodePoints(quote.suffix);
  let top: { start: number; distance: number } | undefined;
  for (const s of view.occurrences(quote.exact, lastStart - radius, lastStart + radius)) {
    if (isTaken(s, s + len)) continue;
    const { before, after } = view.contextAgreement(s, s + len, prefix, suffix);
    if (before !== prefix.length || after !== suffix.length) continue;
    const distance = Math.abs(s - lastStart);
    if (!top || distance < top.distance) top = { start: s, distance };
  }
  return top ? { start: top.start, end: top.start + len, how: 'exact' } : null;
}

/** What anchorAll moves: an annotation's span, quote and state. */
export interface Anchorable {
  id: string;
  start: number;
  end: number;
  quote: Quote;
  anchored: boolean;
}

/** Ids whose annotation moved, was matched approximately (its quote now differs), or is orphaned. */
export interface AnchorReport {
  moved: string[];
  fuzzy: string[];
  orphaned: string[];
}

export const spanKey = (start: number, end: number): string => `${start}:${end}`;

/**
 * Anchor annotations in `view`: those still in place first, so the others
 * cannot land on their spans (nor on `taken`, spans held by annotations not in
 * the list). Mutates the records; a fuzzy match takes the text it found as its quote.
 */
export function anchorAll(view: TextView, records: Anchorable[], taken: Set<string> = new Set()): AnchorReport {
  const report: AnchorReport = { moved: [], fuzzy: [], orphaned: [] };
  const pending: Anchorable[] = [];
  for (const r of records) {
    r.anchored = view.reads(r.start, r.end, r.quote.exact);
    if (r.anchored) taken.add(spanKey(r.start, r.end));
    else pending.push(r);
  }
  pending.sort((a, b) => a.start - b.start || a.end - b.end);
  for (const r of pending) {
    const a = anchorQuote(view, r.quote, r.start, { isTaken: (s, e) => taken.has(spanKey(s, e)) });
    if (!a) {
      r.end = r.start + codePointLength(r.quote.exact);
      report.orphaned.push(r.id);
      continue;
    }
    if (a.how === 'fuzzy') {
      r.quote = view.quote(a.start, a.end);
      report.fuzzy.push(r.id);
    } else {
      report.moved.push(r.id);
    }
    r.start = a.start;
    r.end = a.end;
    r.anchored = true;
    taken.add(spanKey(a.start, a.end));
  }
  return report;
}
