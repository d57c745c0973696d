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
  const starts = [0];
  const n = text.length;
  let pos = frontMatterEnd(text);
  if (pos > 0 && pos < n) starts.push(pos);
  // Whether a tag is open is read off the next < and > (found natively), not char by char.
  let lt = text.indexOf('<', pos);
  let gt = text.indexOf('>', pos);
  let openTag = false;
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
    if (size >= MAX_SIZE || (!openTag && (isBlank(text, line, end) || lineHash(text, line, end) % PICK === 0))) starts.push(pos);
  }
  return starts;
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
function frontMatterEnd(text: string): number {
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
