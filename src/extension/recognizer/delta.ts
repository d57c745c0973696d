/**
 * What the recognizer worker sends back for an article it answered before: only the mentions that
 * differ from its last answer. After a keystroke, the mentions before the edit are the same, those
 * after it the same but moved; structured clone of every mention of a 1 MB article (20,000) takes
 * 20 ms or more on each side, the changed ones alone well under one. Exact: applyDelta(last,
 * mentionDelta(last, cur)) equals `cur`, field by field; equality is checked, never assumed. No vscode here.
 */
import type { Mention } from '../../core/model';
import { sameList } from '../../core/recognize/parties';
import { movedBy } from '../../core/workspace/edits';

export interface MentionDelta {
  /** Mentions kept from the start of the last answer, as they were. */
  keep: number;
  /** Mentions kept from its end, moved by `shift` code points. */
  tail: number;
  shift: number;
  /** The mentions between them, new. */
  middle: Mention[];
}

export function mentionDelta(last: readonly Mention[], cur: readonly Mention[]): MentionDelta {
  const max = Math.min(last.length, cur.length);
  let keep = 0;
  while (keep < max && same(last[keep], cur[keep], 0)) keep++;
  let tail = 0;
  const shift = max > keep ? cur[cur.length - 1].start - last[last.length - 1].start : 0;
  while (tail < max - keep && same(last[last.length - 1 - tail], cur[cur.length - 1 - tail], shift)) tail++;
  return { keep, tail, shift, middle: cur.slice(keep, cur.length - tail) };
}

/**
 * The answer a delta stands for. A document's mentions share one parties array (model.ts): the
 * kept and the new mentions of one document are given the same array again.
 */
export function applyDelta(last: readonly Mention[], d: MentionDelta): Mention[] {
  if (d.keep + d.tail > last.length) throw new Error(`recognizer delta does not fit its base (${d.keep} + ${d.tail} of ${last.length} mentions)`);
  const out: Mention[] = last.slice(0, d.keep);
  for (const m of d.middle) out.push(m);
  for (let i = last.length - d.tail; i < last.length; i++) {
    const m = last[i];
    out.push(d.shift === 0 ? m : movedBy(m, d.shift));
  }
  const parties = new Map<string, string[]>();
  for (let i = 0; i < out.length; i++) {
    const m = out[i];
    if (!m.parties) continue;
    const first = parties.get(m.entity);
    if (!first) parties.set(m.entity, m.parties);
    else if (first !== m.parties && sameList(first, m.parties)) out[i] = { ...m, parties: first };
  }
  return out;
}

function same(a: Mention, b: Mention, shift: number): boolean {
  if (a === b) return shift === 0;
  return (
    a.start + shift === b.start && a.end + shift === b.end && a.text === b.text && a.kind === b.kind && a.type === b.type &&
    a.entity === b.entity && a.qid === b.qid && (a.parties === b.parties || (!!a.parties && !!b.parties && sameList(a.parties, b.parties)))
  );
}
