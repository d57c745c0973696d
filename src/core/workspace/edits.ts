/**
 * Editor changes → code point edits. An editor reports the changes of one
 * event in UTF-16 offsets, all relative to the text before the event; the
 * store and the mention lists speak code points and apply edits one by one.
 */
import { spanShift } from '../annotations/edits';
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
    const d = spanShift(m.start, m.end, edit);
    if (d !== null) out.push(d === 0 ? m : movedBy(m, d));
  }
  return out;
}

/**
 * `{ ...m, start: m.start + d, end: m.end + d }` for a mention of the editor's lists (a Mention, or
 * one shown with its status: those keys, in that order), as one literal per shape: after a keystroke
 * every mention after it moves, 20,000 on a 1 MB article, and spread is several times slower.
 */
export function movedBy<M extends Mention>(m: M, d: number): M {
  const start = m.start + d;
  const end = m.end + d;
  const status = (m as { status?: string }).status;
  if (status === undefined) {
    return (m.parties === undefined
      ? { start, end, text: m.text, kind: m.kind, type: m.type, entity: m.entity, qid: m.qid }
      : { start, end, text: m.text, kind: m.kind, type: m.type, entity: m.entity, qid: m.qid, parties: m.parties }) as M;
  }
  return (m.parties === undefined
    ? { start, end, text: m.text, kind: m.kind, type: m.type, entity: m.entity, qid: m.qid, status }
    : { start, end, text: m.text, kind: m.kind, type: m.type, entity: m.entity, qid: m.qid, parties: m.parties, status }) as unknown as M;
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
