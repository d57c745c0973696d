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
 * an HTML tag left open at the end of a line (no cut until it closes).
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
  let openTag = false;
  while (pos < n) {
    let end = text.indexOf('\n', pos);
    if (end === -1) break;
    end++;
    // A hash of the line (FNV-1a): which lines end regions depends on their text only.
    let h = 0x811c9dc5;
    let blank = true;
    for (let i = pos; i < end; i++) {
      const c = text.charCodeAt(i);
      h = Math.imul(h ^ c, 0x01000193);
      if (c === 0x3c) openTag = true; // <
      else if (c === 0x3e) openTag = false; // >
      else if (c !== 0x20 && c !== 0x09 && c !== 0x0d && c !== 0x0a) blank = false;
    }
    pos = end;
    const size = pos - starts[starts.length - 1];
    if (openTag || pos >= n || size < MIN_SIZE) continue;
    if (blank || (h >>> 0) % PICK === 0 || size >= MAX_SIZE) starts.push(pos);
  }
  return starts;
}

/** Where front matter at the very start ends (after its closing --- line), or 0. */
function frontMatterEnd(text: string): number {
  if (!text.startsWith('---')) return 0;
  const m = /^---[ \t]*\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  return m ? m[0].length : 0;
}
