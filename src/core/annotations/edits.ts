/**
 * How a text edit moves spans. Offsets are code points; an edit replaces
 * [offset, offset + deleted) with `inserted` code points.
 */
export interface Edit {
  offset: number;
  deleted: number;
  inserted: number;
}

/**
 * An anchored span after an edit: shifted when the edit is before it, left
 * alone when after, null when the edit touches its text (any change inside a
 * span changes its text). Inserting exactly at either boundary does not
 * extend the span.
 */
export function mapSpan(start: number, end: number, e: Edit): { start: number; end: number } | null {
  const d = spanShift(start, end, e);
  return d === null ? null : { start: start + d, end: end + d };
}

/** How far mapSpan moves [start, end): 0, the edit's length change, or null. No object: for lists of thousands. */
export function spanShift(start: number, end: number, e: Edit): number | null {
  if (e.deleted === 0 ? e.offset <= start : e.offset + e.deleted <= start) return e.inserted - e.deleted;
  if (e.offset >= end) return 0;
  return null;
}

/**
 * A remembered position after an edit (for orphans): points inside the
 * replaced text collapse to its start, so an undo that re-inserts the text
 * puts it back where the orphan waits.
 */
export function mapPoint(p: number, e: Edit): number {
  if (p <= e.offset) return p;
  if (p >= e.offset + e.deleted) return p + e.inserted - e.deleted;
  return e.offset;
}
