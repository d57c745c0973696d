/**
 * Parties of an agreement as the user sees them: the recognizer's suggestions
 * combined with the decisions stored on the agreement's sidecar entity
 * (`parties: [{ entity, status }]`). Pure: the store and the views call these.
 */
import type { PartyDecision } from './schema';

export type PartyStatus = 'suggested' | 'confirmed';

export interface ShownParty {
  entity: string;
  status: PartyStatus;
}

/** Suggested parties not rejected, then confirmed ones, each once, suggestions' order first. */
export function shownParties(suggested: readonly string[], decisions: readonly PartyDecision[] | undefined): ShownParty[] {
  const decided = new Map((decisions ?? []).map((d) => [d.entity, d.status]));
  const out: ShownParty[] = [];
  const seen = new Set<string>();
  for (const id of suggested) {
    if (seen.has(id) || decided.get(id) === 'rejected') continue;
    seen.add(id);
    out.push({ entity: id, status: decided.get(id) === 'confirmed' ? 'confirmed' : 'suggested' });
  }
  for (const d of decisions ?? []) {
    if (d.status !== 'confirmed' || seen.has(d.entity)) continue;
    seen.add(d.entity);
    out.push({ entity: d.entity, status: 'confirmed' });
  }
  return out;
}

/** The decisions with one party decided anew (replacing an earlier decision on it). */
export function decideParty(decisions: readonly PartyDecision[] | undefined, entity: string, status: PartyDecision['status']): PartyDecision[] {
  const out = (decisions ?? []).filter((d) => d.entity !== entity);
  out.push({ entity, status });
  return out;
}

/**
 * The decisions that make the shown parties exactly `chosen` (Edit Parties…): every chosen
 * party is confirmed, every suggested one not chosen rejected; decisions on actors neither
 * chosen nor suggested are dropped (nothing left to say about them).
 */
export function partiesChosen(suggested: readonly string[], chosen: readonly string[]): PartyDecision[] {
  const out: PartyDecision[] = [];
  const seen = new Set<string>();
  for (const id of chosen) {
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ entity: id, status: 'confirmed' });
  }
  for (const id of suggested) {
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ entity: id, status: 'rejected' });
  }
  return out;
}
