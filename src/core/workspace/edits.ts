/**
 * Editor changes → code point edits. An editor reports the changes of one
 * event in UTF-16 offsets, all relative to the text before the event; the
 * store and the mention lists speak code points and apply edits one by one.
 */
import { mapSpan } from '../annotations/edits';
import type { Mention } from '../model';
import type { OffsetIndex } from '../text/offsets';

/** One replaced range as an editor reports it (UTF-16, relative to the text before the event). */
export interface Utf16Change {
  offset: number;
  length: number;
  text: string;
}

/** [offset, offset + deleted) (code points) became `text`, which is `inserted` code points long. */
export interface CodePointEdit {
  offset: number;
  deleted: number;
  text: string;
  inserted: number;
}

/**
 * Converts with the index of the text BEFORE the event and orders the edits
 * last first: applying them in that order, each offset is still valid when
 * its turn comes (the changes of one event never overlap).
 */
export function toCodePointEdits(before: OffsetIndex, changes: readonly Utf16Change[]): CodePointEdit[] {
  return [...changes]
    .sort((a, b) => b.offset - a.offset)
    .map((c) => {
      const start = before.toCodePoint(c.offset);
      const end = before.toCodePoint(c.offset + c.length);
      return { offset: start, deleted: end - start, text: c.text, inserted: codePointCount(c.text) };
    });
}

/** Mentions after an edit: those before or after it shift, those it touches are dropped until recognized again. */
export function shiftMentions<M extends Mention>(mentions: readonly M[], edit: CodePointEdit): M[] {
  const out: M[] = [];
  for (const m of mentions) {
    const moved = mapSpan(m.start, m.end, edit);
    if (moved) out.push(moved.start === m.start ? m : { ...m, start: moved.start, end: moved.end });
  }
  return out;
}

export function codePointCount(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}
