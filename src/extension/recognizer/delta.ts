/**
 * The host's side of the recognizer worker's deltas: the worker sends, for an article it answered
 * before, only the mentions that differ from its last answer (answerDelta, core/recognize/answer.ts);
 * structured clone of every mention of a 1 MB article (20,000) takes 20 ms or more on each side, the
 * changed ones alone well under one. Exact: applyDelta(last, answerDelta(lastAnswer, answer)) equals
 * the answer's mentions (property test in test/unit/recognizer-delta.test.ts). No vscode here.
 */
import type { Mention } from '../../core/model';
import type { MentionDelta } from '../../core/recognize/answer';
import { sameList } from '../../core/recognize/parties';
import { movedBy } from '../../core/workspace/edits';

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
