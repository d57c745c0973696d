/**
 * Re-anchoring: where each annotation is after the text changed. An
 * annotation never points at other words than its own: every answer reads
 * exactly its quote, or it is an orphan (kept, reported, re-attachable).
 *
 * 1. When the text the offsets refer to is known (the editor's buffer before
 *    an edit, or the sidecar's `textSnapshot`), a diff maps each span exactly
 *    (TextMapping); a span the diff touched is not mapped.
 * 2. The rest are searched by quote and context (32 code points each side):
 *    a candidate whose whole context agrees is taken when it is the only one
 *    (a moved line); one whose context agrees in part only when it is clearly
 *    the best, and, when the old text is known, lies between the annotation's
 *    neighbours so that no two annotations swap. Ties are orphans: a guess
 *    would silently move the analyst's decision.
 * No span may land on a span another annotation holds, nor overlap one of its kind.
 */
import type { Kind } from '../model';
import type { TextMapping } from './diff';
import { CONTEXT_LENGTH } from './schema';
import { TextView, codePointLength, toCodePoints, type Quote } from './text-view';

/** What anchoring moves: an annotation's span, quote and state. */
export interface Anchorable {
  id: string;
  kind: Kind;
  start: number;
  end: number;
  quote: Quote;
  /** On input: the span reads the quote in the OLD text. On output: in the new one. */
  anchored: boolean;
}

/** Ids found again by quote search (not by the diff), and ids orphaned. */
export interface AnchorReport {
  moved: string[];
  orphaned: string[];
}

/** One key per span: a number while offsets fit in 26 bits each (exact in a double), else a string. */
export const spanKey = (start: number, end: number): number | string => (start < 0x4000000 && end < 0x4000000 ? start * 0x4000000 + end : `${start}:${end}`);

/** Context agreement (code points, both sides together) a partly matching candidate needs. */
const MIN_PARTIAL_CONTEXT = 16;
/** How much more context the best partial candidate must share than the next. */
const MIN_MARGIN = 4;
/** Occurrences of a quote weighed per annotation, nearest its old place first (bounds the work on repetitive texts). */
const MAX_CANDIDATES = 64;

/** Spans held by anchored annotations: no two on one span, none overlapping another of its kind. */
export class HeldSpans {
  private readonly keys = new Set<number | string>();
  /** Per kind, sorted by start. */
  private readonly byKind = new Map<Kind, { start: number; end: number }[]>();
  private maxLength = 0;

  add(kind: Kind, start: number, end: number): void {
    this.keys.add(spanKey(start, end));
    const list = this.byKind.get(kind) ?? this.byKind.set(kind, []).get(kind)!;
    // Spans mostly come in text order: appending is the common case.
    if (!list.length || list[list.length - 1].start <= start) list.push({ start, end });
    else list.splice(firstAtOrAfter(list, start), 0, { start, end });
    this.maxLength = Math.max(this.maxLength, end - start);
  }

  blocks(kind: Kind, start: number, end: number): boolean {
    if (this.keys.has(spanKey(start, end))) return true;
    const list = this.byKind.get(kind);
    if (!list) return false;
    for (let i = firstAtOrAfter(list, end) - 1; i >= 0 && list[i].start >= start - this.maxLength; i--) {
      if (list[i].end > start) return true;
    }
    return false;
  }
}

/** First index in [0, length) for which `before(i)` is false (`before` true on a prefix of the range). */
function lowerBound(length: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const firstAtOrAfter = (list: { start: number }[], p: number) => lowerBound(list.length, (i) => list[i].start < p);

export interface AnchorOptions {
  /** Old text -> `view`; null when the old text is unknown (quotes only). */
  mapping: TextMapping | null;
  /** Spans of annotations not in the list, already anchored in `view`. */
  held?: HeldSpans;
}

interface Candidate {
  start: number;
  /** Code points of context agreeing, both sides. */
  score: number;
  /** Both sides agree wholly. */
  full: boolean;
}

/**
 * Anchor `records` in `view`. Mutates them: offsets, `anchored`, and, for
 * anchored ones, nothing else (their text is their quote). Orphans keep their
 * quote and a best guess of where they were, for a later undo to find them.
 */
export function anchorAll(view: TextView, records: Anchorable[], options: AnchorOptions): AnchorReport {
  const { mapping } = options;
  const held = options.held ?? new HeldSpans();
  const report: AnchorReport = { moved: [], orphaned: [] };
  /** In old-text order: where mapped annotations landed, to keep searched ones between their neighbours. */
  const landmarks: { old: number; now: number }[] = [];
  /** `old`: its old start when a diff could have mapped it (it was anchored); null otherwise. */
  const pending: { r: Anchorable; old: number | null; wasOrphan: boolean }[] = [];

  for (const r of records) {
    const wasAnchored = r.anchored;
    const m = wasAnchored && mapping ? mapping.map(r.start, r.end) : null;
    // Old text unknown: a quote still at its offset with its whole context is where it was.
    const inPlace = !mapping && wasAnchored && view.reads(r.start, r.end, r.quote.exact) && score(view, r.quote, r.start).full;
    if (inPlace && !held.blocks(r.kind, r.start, r.end)) {
      r.anchored = true;
      held.add(r.kind, r.start, r.end);
    } else if (m && view.reads(m.start, m.end, r.quote.exact) && !held.blocks(r.kind, m.start, m.end)) {
      landmarks.push({ old: r.start, now: m.start });
      r.start = m.start;
      r.end = m.end;
      r.anchored = true;
      held.add(r.kind, r.start, r.end);
    } else {
      pending.push({ r, old: wasAnchored && mapping ? r.start : null, wasOrphan: !wasAnchored });
    }
  }
  if (!pending.length) return report;
  landmarks.sort((a, b) => a.old - b.old);

  const exactOf = new Map<string, number[]>();
  const occurrences = (exact: string) => exactOf.get(exact) ?? exactOf.set(exact, view.occurrences(exact)).get(exact)!;
  const decided = pending.map(({ r, old, wasOrphan }) => {
    const cps = contextOf(r.quote);
    // An orphan's words were gone already: only its whole context brings it back (an undo), never a likeness.
    const candidates = nearest(occurrences(r.quote.exact), old ?? r.start, MAX_CANDIDATES)
      .map((s) => score(view, r.quote, s, cps))
      .filter((c) => !wasOrphan || c.full);
    const bounds = old === null ? null : between(landmarks, old);
    return { r, old, candidates, bounds, top: candidates.reduce((n, c) => Math.max(n, c.score), -1) };
  });
  // Strongest claims first, so a weaker one cannot take the place of a stronger one.
  decided.sort((a, b) => b.top - a.top || a.r.start - b.r.start);
  for (const { r, old, candidates, bounds } of decided) {
    const len = codePointLength(r.quote.exact);
    const free = candidates.filter((c) => !held.blocks(r.kind, c.start, c.start + len));
    const chosen = choose(free, bounds);
    if (chosen === null) {
      r.anchored = false;
      if (old !== null && mapping) r.start = mapping.mapPoint(old);
      r.start = Math.max(0, Math.min(r.start, view.length));
      r.end = r.start + len;
      report.orphaned.push(r.id);
      continue;
    }
    if (chosen !== r.start || !r.anchored) report.moved.push(r.id);
    r.start = chosen;
    r.end = chosen + len;
    r.anchored = true;
    held.add(r.kind, r.start, r.end);
  }
  return report;
}

/** The `n` values of sorted `starts` nearest `p`. */
function nearest(starts: number[], p: number, n: number): number[] {
  if (starts.length <= n) return starts;
  let lo = lowerBound(starts.length, (i) => starts[i] < p);
  let hi = lo;
  while (hi - lo < n) {
    if (lo > 0 && (hi >= starts.length || p - starts[lo - 1] <= starts[hi] - p)) lo--;
    else hi++;
  }
  return starts.slice(lo, hi);
}

/** Where a searched annotation may land: between the new places of its mapped neighbours. */
function between(landmarks: { old: number; now: number }[], old: number): { min: number; max: number } {
  const lo = lowerBound(landmarks.length, (i) => landmarks[i].old < old);
  return { min: lo > 0 ? landmarks[lo - 1].now : 0, max: lo < landmarks.length ? landmarks[lo].now : Number.MAX_SAFE_INTEGER };
}

function choose(candidates: Candidate[], bounds: { min: number; max: number } | null): number | null {
  const full = candidates.filter((c) => c.full);
  if (full.length === 1) return full[0].start;
  const inOrder = (c: Candidate) => !bounds || (c.start >= bounds.min && c.start <= bounds.max);
  if (full.length > 1) {
    const ordered = full.filter(inOrder);
    return ordered.length === 1 ? ordered[0].start : null;
  }
  const ranked = candidates.filter(inOrder).sort((a, b) => b.score - a.score);
  if (!ranked.length || ranked[0].score < MIN_PARTIAL_CONTEXT) return null;
  if (ranked.length > 1 && ranked[0].score - ranked[1].score < MIN_MARGIN) return null;
  return ranked[0].start;
}

/**
 * How much of the remembered context agrees around `start`. Context shorter
 * than CONTEXT_LENGTH means the quote was that close to an edge of the text;
 * to agree wholly, the candidate must be just as close.
 */
function score(view: TextView, quote: Quote, start: number, cps = contextOf(quote)): Candidate {
  const end = start + cps.length;
  const { before, after } = view.contextAgreement(start, end, cps.prefix, cps.suffix);
  const wholeBefore = before === cps.prefix.length && (cps.prefix.length === CONTEXT_LENGTH || start === before);
  const wholeAfter = after === cps.suffix.length && (cps.suffix.length === CONTEXT_LENGTH || end + after === view.length);
  return { start, score: before + after, full: wholeBefore && wholeAfter };
}

function contextOf(quote: Quote): { prefix: number[]; suffix: number[]; length: number } {
  return { prefix: toCodePoints(quote.prefix), suffix: toCodePoints(quote.suffix), length: codePointLength(quote.exact) };
}

/**
 * After a small edit: whether an orphan's text is back near where it was
 * (undo, or retyping the same word), with its whole remembered context.
 * Cheap enough to run on every keystroke; it never guesses.
 */
export function recheckOrphan(view: TextView, r: Anchorable, radius: number, held: HeldSpans): number | null {
  let top: { start: number; distance: number } | undefined;
  let ties = 0;
  const cps = contextOf(r.quote);
  for (const s of view.occurrences(r.quote.exact, r.start - radius, r.start + radius)) {
    const c = score(view, r.quote, s, cps);
    if (!c.full || held.blocks(r.kind, s, s + codePointLength(r.quote.exact))) continue;
    const distance = Math.abs(s - r.start);
    if (!top || distance < top.distance) {
      top = { start: s, distance };
      ties = 0;
    } else if (distance === top.distance) ties++;
  }
  return top && ties === 0 ? top.start : null;
}
