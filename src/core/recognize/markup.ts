/**
 * Markup left in saved pages: only text content is annotated. Tags (with
 * their names and attributes), comments, entities, URLs, e-mail addresses and
 * YAML front-matter keys are blanked in the normalized view (same length, so
 * offsets are unchanged), which also makes them word boundaries.
 */
/** Each pattern with a substring it cannot match without, so most articles skip most patterns. */
const PATTERNS: Array<{ re: RegExp; needs: string }> = [
  { re: /<!--[\s\S]*?-->/g, needs: '<!--' },
  { re: /<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>/g, needs: '<' },
  { re: /&(?:[a-z]+|#[0-9]+|#x[0-9a-f]+);/g, needs: '&' },
  { re: /\b(?:https?|ftp):\/\/[^\s<>"'）」』\]]+/g, needs: '://' },
  { re: /\bwww\.[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:\/[^\s<>"'）」』\]]*)?/g, needs: 'www.' },
  { re: /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+/g, needs: '@' },
  { re: /!\[[^\]\n]*\]\([^)\n]*\)/g, needs: '](' },
  { re: /\]\([^)\n]*\)/g, needs: '](' },
];

/** Blank markup in an already normalized (lowercased) text; `atStart`: the text starts the article (front matter). */
export function maskMarkup(text: string, atStart = true): string {
  const ranges: Array<[number, number]> = [];
  const fm = atStart && /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (fm) {
    ranges.push([0, 3]);
    // Keys of the front matter (title:, categories:) are structure, not text.
    const body = fm.index + fm[0].indexOf(fm[1]);
    const key = /^([ \t]*(?:- )?)([a-z_][a-z0-9_-]*)[ \t]*:/gm;
    for (let m; (m = key.exec(fm[1])); ) ranges.push([body + m.index + m[1].length, body + m.index + m[0].length]);
    ranges.push([fm.index + fm[0].lastIndexOf('---'), fm.index + fm[0].lastIndexOf('---') + 3]);
  }
  for (const { re, needs } of PATTERNS) {
    if (!text.includes(needs)) continue;
    re.lastIndex = 0;
    for (let m; (m = re.exec(text)); ) ranges.push([m.index, m.index + m[0].length]);
  }
  if (!ranges.length) return text;
  ranges.sort((a, b) => a[0] - b[0]);
  let out = '';
  let pos = 0;
  for (const [s, e] of ranges) {
    if (e <= pos) continue;
    const from = Math.max(s, pos);
    out += text.slice(pos, from) + ' '.repeat(e - from);
    pos = e;
  }
  return out + text.slice(pos);
}
