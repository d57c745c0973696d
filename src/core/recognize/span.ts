/** A candidate span competing in the leftmost-longest choice. */
import type { EntityType } from '../model';

export interface Part {
  s: number;
  e: number;
  entity: string;
  type: EntityType;
  qid: string | null;
}

export interface Cand {
  s: number;
  e: number;
  /** Higher wins a tie of start and length. */
  prio: number;
  /** Mentions this candidate yields when chosen (a compound yields one per country; a blocker none). */
  parts: Part[];
  /** Dictionary candidates: other entities with the same form at the same span, if any. */
  alternatives?: readonly number[];
}

export const PRIO = { pattern: 0, abbreviation: 1, compound: 2, composed: 3, contextual: 4, dictionary: 5, blocker: 6 } as const;

/**
 * Leftmost-longest: at each position the longest candidate (then the higher
 * priority) is taken, and the scan resumes at its end.
 */
export function chooseLeftmostLongest(cands: Cand[]): Cand[] {
  cands.sort((a, b) => a.s - b.s || b.e - a.e || b.prio - a.prio);
  const out: Cand[] = [];
  let pos = 0;
  for (const c of cands) {
    if (c.s < pos) continue;
    out.push(c);
    pos = c.e;
  }
  return out;
}
