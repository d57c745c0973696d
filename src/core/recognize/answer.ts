/**
 * What a recognition session answers (session.ts): per region, its mentions in code points from
 * the place the region stood when they were made, and how far it has moved since. A list, once
 * answered, never changes; a region whose mentions change gets a new list. So two answers of the
 * same article differ only where their lists differ, and a keystroke's delta is found by comparing
 * lists by identity, without moving or comparing the thousands of mentions after the edit.
 */
import type { Mention } from '../model';
import { movedBy } from '../workspace/edits';

export interface Answer {
  /** Non-empty lists, in text order. */
  readonly lists: readonly (readonly Mention[])[];
  /** Per list, code points to add to its offsets. */
  readonly shifts: readonly number[];
}

/** One answer as a change to another (the recognizer worker sends these): see applyDelta. */
export interface MentionDelta {
  /** Mentions kept from the start of the last answer, as they were. */
  keep: number;
  /** Mentions kept from its end, moved by `shift` code points. */
  tail: number;
  shift: number;
  /** The mentions between them, new. */
  middle: Mention[];
}

/** The answer's mentions, in order, with absolute offsets. */
export function answerMentions(a: Answer): Mention[] {
  const out: Mention[] = [];
  a.lists.forEach((list, i) => pushMoved(out, list, a.shifts[i]));
  return out;
}

/**
 * `cur` as a change to `last`: the lists both begin with (same list, same place) are kept, those
 * both end with (same lists, all moved by the same amount) are the tail, the rest is sent.
 */
export function answerDelta(last: Answer, cur: Answer): MentionDelta {
  const n = Math.min(last.lists.length, cur.lists.length);
  let i = 0;
  let keep = 0;
  while (i < n && last.lists[i] === cur.lists[i] && last.shifts[i] === cur.shifts[i]) keep += cur.lists[i++].length;
  let j = 0;
  let tail = 0;
  let shift = 0;
  for (; i + j < n; j++) {
    const a = last.lists.length - 1 - j;
    const b = cur.lists.length - 1 - j;
    if (last.lists[a] !== cur.lists[b]) break;
    const d = cur.shifts[b] - last.shifts[a];
    if (j === 0) shift = d;
    else if (d !== shift) break;
    tail += cur.lists[b].length;
  }
  const middle: Mention[] = [];
  for (let k = i; k < cur.lists.length - j; k++) pushMoved(middle, cur.lists[k], cur.shifts[k]);
  return { keep, tail, shift, middle };
}

function pushMoved(out: Mention[], list: readonly Mention[], d: number): void {
  if (d === 0) for (const m of list) out.push(m);
  else for (const m of list) out.push(movedBy(m, d));
}
