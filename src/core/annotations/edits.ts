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
  const delta = e.inserted - e.deleted;
  const editEnd = e.offset + e.deleted;
  if (e.deleted === 0 ? e.offset <= start : editEnd <= start) return { start: start + delta, end: end + delta };
  if (e.offset >= end) return { start, end };
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
