/**
 * Exact offset mapping between two versions of a text, from a character diff.
 *
 * The diff comes from @sanity/diff-match-patch, chosen by measurement on our
 * articles (`npm run bench`, "diff" lines; README "Reliability"): it maps as
 * many untouched spans as fast-diff, jsdiff or fast-myers-diff, is the fastest
 * on whole articles, and, unlike fast-diff, has a deadline, so two unrelated
 * large texts cannot hang a command (past the deadline the diff is coarser:
 * fewer spans map, none maps wrongly).
 *
 * A span maps only when it lies wholly inside one run of equal text, so a
 * mapped span always reads the same text as before.
 */
import { makeDiff, DIFF_EQUAL, DIFF_DELETE } from '@sanity/diff-match-patch';
import { OffsetIndex } from '../text/offsets';

/** A run of equal text: `length` code points at `from` in the old text and `to` in the new one. */
export interface EqualRun {
  from: number;
  to: number;
  length: number;
}

/** Seconds the diff may take before it settles for a coarser answer. */
const DIFF_DEADLINE_S = 0.5;

export class TextMapping {
  private constructor(
    /** Sorted by `from`, disjoint. */
    readonly runs: EqualRun[],
    readonly oldLength: number,
  ) {}

  /** Mapping from `oldText` to `newText`; texts, not offsets, in UTF-16 as JavaScript holds them. */
  static between(oldText: string, newText: string): TextMapping {
    const oldIndex = new OffsetIndex(oldText);
    if (oldText === newText) return new TextMapping([{ from: 0, to: 0, length: oldIndex.codePointLength }], oldIndex.codePointLength);
    const newIndex = new OffsetIndex(newText);
    const runs: EqualRun[] = [];
    let a = 0;
    let b = 0;
    for (const [op, chunk] of makeDiff(oldText, newText, { checkLines: false, timeout: DIFF_DEADLINE_S })) {
      const n = chunk.length;
      if (op === DIFF_EQUAL) {
        const run = equalRun(oldText, newText, oldIndex, newIndex, a, b, n);
        if (run) runs.push(run);
        a += n;
        b += n;
      } else if (op === DIFF_DELETE) a += n;
      else b += n;
    }
    return new TextMapping(runs, oldIndex.codePointLength);
  }

  /** Identity mapping (the text did not change). */
  static identity(length: number): TextMapping {
    return new TextMapping(length ? [{ from: 0, to: 0, length }] : [], length);
  }

  /** Where old [start, end) is now, or null when an edit touched it. */
  map(start: number, end: number): { start: number; end: number } | null {
    const run = this.runAt(start);
    if (!run || end > run.from + run.length) return null;
    const shift = run.to - run.from;
    return { start: start + shift, end: end + shift };
  }

  /**
   * Where an old position is now, as best it can be said (for orphans: a
   * point inside an edit goes to the end of the equal text before it).
   */
  mapPoint(p: number): number {
    const r = this.lastFrom(p);
    return r ? r.to + Math.min(p - r.from, r.length) : 0;
  }

  /** Share of the old text's code points that survive unchanged (1 for identical texts). */
  get kept(): number {
    if (this.oldLength === 0) return 1;
    return this.runs.reduce((n, r) => n + r.length, 0) / this.oldLength;
  }

  private runAt(p: number): EqualRun | undefined {
    const r = this.lastFrom(p);
    return r && p < r.from + r.length ? r : undefined;
  }

  /** The last run starting at or before `p`. */
  private lastFrom(p: number): EqualRun | undefined {
    let lo = 0;
    let hi = this.runs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.runs[mid].from <= p) lo = mid + 1;
      else hi = mid;
    }
    return this.runs[lo - 1];
  }
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * The equal chunk at UTF-16 [a, a + n) / [b, b + n) in code points. The diff
 * works on UTF-16 units and may cut a surrogate pair; a cut pair at either
 * end belongs to an edit, so it is left out of the run.
 */
function equalRun(oldText: string, newText: string, oldIndex: OffsetIndex, newIndex: OffsetIndex, a: number, b: number, n: number): EqualRun | null {
  const cutAt = (t: string, u: number) => u > 0 && u < t.length && isHigh(t.charCodeAt(u - 1)) && isLow(t.charCodeAt(u));
  let head = 0;
  while (head < n && (cutAt(oldText, a + head) || cutAt(newText, b + head))) head++;
  let tail = n;
  while (tail > head && (cutAt(oldText, a + tail) || cutAt(newText, b + tail))) tail--;
  if (tail <= head) return null;
  const from = oldIndex.toCodePoint(a + head);
  const length = oldIndex.toCodePoint(a + tail) - from;
  return length > 0 ? { from, to: newIndex.toCodePoint(b + head), length } : null;
}
