/**
 * Regions: the recognizer works on runs of whole lines, so an edit only makes
 * the regions around it be recognized again (see session.ts). The cuts are
 * content-defined — once a region has MIN_SIZE code units, after a blank line
 * or a line whose hash picks it; at the latest after MAX_SIZE — so inserting or
 * deleting text moves only the cuts near the edit, and everything else keeps
 * its cached results.
 *
 * No mention crosses a line break, with two exceptions the cuts respect:
 * YAML front matter (one region from the first line to its closing ---) and
 * an HTML tag left open at the end of a line (no cut until it closes, unless
 * the region grew past MAX_SIZE).
 */

/** About one line in PICK ends a region (of at least MIN_SIZE) where no blank line does. */
const PICK = 4;
const MIN_SIZE = 1024;
const MAX_SIZE = 8192;

/** UTF-16 offsets where regions start, ascending, first 0; the last region ends at text.length. */
export function regionStarts(text: string): number[] {
  return cutFrom(text, 0, false).starts;
}

/** Cuts from some point on: where regions start, and whether a tag was open at each (the state cutting goes on with). */
export interface Cuts {
  starts: number[];
  open: boolean[];
  /** Whether `settled` ended the cutting at the last start (the cuts after it are known to the caller). */
  settled: boolean;
}

/**
 * The cuts of `text` from `from` on: 0, or a cut found before with its `open` flag, whose
 * line ends before any change (a cut depends only on the text before it). `settled(cut, open)`
 * ends the cutting early: after an edit, at a cut in the unchanged rest where the old text had
 * one in the same state, everything after is cut as before (session.ts).
 */
export function cutFrom(text: string, from: number, open: boolean, settled?: (cut: number, open: boolean) => boolean): Cuts {
  const starts = [from];
  const opens = [open];
  const n = text.length;
  let pos = from;
  if (from === 0) {
    pos = frontMatterEnd(text);
    if (pos > 0 && pos < n) {
      starts.push(pos);
      opens.push(false);
      if (settled?.(pos, false)) return { starts, open: opens, settled: true };
    }
  }
  // Whether a tag is open is read off the next < and > (found natively), not char by char.
  let lt = text.indexOf('<', pos);
  let gt = text.indexOf('>', pos);
  let openTag = from === 0 ? false : open;
  while (pos < n) {
    let end = text.indexOf('\n', pos);
    if (end === -1) break;
    end++;
    while ((lt !== -1 && lt < end) || (gt !== -1 && gt < end)) {
      if (gt === -1 || (lt !== -1 && lt < gt)) {
        openTag = true;
        lt = text.indexOf('<', lt + 1);
      } else {
        openTag = false;
        gt = text.indexOf('>', gt + 1);
      }
    }
    const line = pos;
    pos = end;
    const size = pos - starts[starts.length - 1];
    if (pos >= n || size < MIN_SIZE) continue;
    // A stray < (a < b) must not hold every cut back: past MAX_SIZE the region ends anyway.
    if (size >= MAX_SIZE || (!openTag && (isBlank(text, line, end) || lineHash(text, line, end) % PICK === 0))) {
      starts.push(pos);
      opens.push(openTag);
      if (settled?.(pos, openTag)) return { starts, open: opens, settled: true };
    }
  }
  return { starts, open: opens, settled: false };
}

/** A text with its cuts: where regions start, whether a tag was open at each, where its front matter ends. */
export interface TextCuts {
  text: string;
  starts: number[];
  open: boolean[];
  frontMatter: number;
}

/**
 * The cuts of `text`, made from those of the last text: the cuts before the first changed code
 * unit are kept (found with the common prefix and suffix, compared natively), cutting goes on
 * from the last of them until a cut falls in the unchanged rest where the last text had one in
 * the same state, and the cuts after it are the last text's, moved. Equal to cutting afresh
 * (property test in test/unit/recognize-incremental.test.ts). `kept`: the last text's first
 * regions that are the new first ones; `tail`: the index of its first region among the new last
 * ones (its region count when none).
 */
export function recut(last: TextCuts | undefined, text: string): TextCuts & { kept: number; tail: number } {
  if (!last) {
    const { starts, open } = cutFrom(text, 0, false);
    return { text, starts, open, frontMatter: frontMatterEnd(text), kept: 0, tail: 0 };
  }
  const old = last.text;
  const p = commonPrefix(old, text);
  const q = commonSuffix(old, text, Math.min(old.length, text.length) - p);
  const d = text.length - old.length;
  // Resume at the last old cut at or before the first change and inside the new text; front
  // matter whose end could move with the edit (not closed before it) is cut again from the start.
  let keep = lastAtMost(last.starts, p);
  while (keep > 0 && last.starts[keep] >= text.length) keep--;
  const fm = last.frontMatter;
  if (keep > 0 && (old.startsWith('---') || text.startsWith('---')) && !(fm > 0 && fm <= p)) keep = 0;
  const rest = text.length - q;
  let j = -1;
  const cuts = cutFrom(text, last.starts[keep], last.open[keep], (cut, open) => {
    if (cut < rest) return false;
    j = indexOf(last.starts, cut - d);
    // Never the old first region: it was read as the article's start.
    return j > 0 && last.open[j] === open;
  });
  const starts = [...last.starts.slice(0, keep), ...cuts.starts];
  const open = [...last.open.slice(0, keep), ...cuts.open];
  let tail = last.starts.length;
  if (cuts.settled) {
    starts.pop();
    open.pop();
    for (let i = j; i < last.starts.length; i++) {
      starts.push(last.starts[i] + d);
      open.push(last.open[i]);
    }
    tail = j;
  }
  return { text, starts, open, frontMatter: frontMatterEnd(text), kept: keep, tail };
}

/** How many leading code units `a` and `b` share (compared natively, a chunk at a time). */
function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i + CHUNK <= n && a.slice(i, i + CHUNK) === b.slice(i, i + CHUNK)) i += CHUNK;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** How many trailing code units `a` and `b` share, at most `max`. */
function commonSuffix(a: string, b: string, max: number): number {
  let i = 0;
  while (i + CHUNK <= max && a.slice(a.length - i - CHUNK, a.length - i) === b.slice(b.length - i - CHUNK, b.length - i)) i += CHUNK;
  while (i < max && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

const CHUNK = 2048;

/** The index of the last element ≤ x in ascending `xs` (xs[0] ≤ x). */
export function lastAtMost(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (xs[mid] <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The index of x in ascending `xs`, or -1. */
function indexOf(xs: readonly number[], x: number): number {
  const i = lastAtMost(xs, x);
  return xs[i] === x ? i : -1;
}

function isBlank(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d && c !== 0x0a) return false;
  }
  return true;
}

/** FNV-1a of the line's length and first 32 code units: which lines end regions depends on their text only. */
function lineHash(text: string, s: number, e: number): number {
  let h = Math.imul(0x811c9dc5 ^ (e - s), 0x01000193);
  for (let i = s, stop = Math.min(e, s + 32); i < stop; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Where front matter at the very start ends (after its closing --- line), or 0. */
export function frontMatterEnd(text: string): number {
  if (!text.startsWith('---')) return 0;
  const open = /^---[ \t]*\r?\n/.exec(text);
  if (!open) return 0;
  // The closing --- line, found natively (a lazy regex over a long article with a rule "---" at its
  // top and no closing line backtracks at every line, on every keystroke).
  for (let i = text.indexOf('\n---', open[0].length); i !== -1; i = text.indexOf('\n---', i + 1)) {
    let e = i + 4;
    while (text[e] === ' ' || text[e] === '\t') e++;
    if (e === text.length) return e;
    if (text[e] === '\n') return e + 1;
    if (text[e] === '\r' && text[e + 1] === '\n') return e + 2;
  }
  return 0;
}
