/** Random edits of real articles for the recognizer's property tests. */

/** An edit as applied: [at, at + length) (UTF-16) became `text`. */
export type Edit = { at: number; length: number; text: string };

/** Apply an edit at a fraction `e.at` of the text, never splitting a surrogate pair. */
export function applyAt(text: string, e: { at: number; length: number; text: string }): { text: string; edit: Edit } {
  let at = Math.floor(e.at * (text.length + 1));
  const isLow = (i: number) => i > 0 && i < text.length && text.charCodeAt(i) >= 0xdc00 && text.charCodeAt(i) <= 0xdfff;
  if (isLow(at)) at--;
  let end = Math.min(text.length, at + e.length);
  if (isLow(end)) end++;
  return { text: text.slice(0, at) + e.text + text.slice(end), edit: { at, length: end - at, text: e.text } };
}
