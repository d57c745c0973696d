/**
 * The vocabulary shared by every layer: what a mention is, which kinds and
 * types exist. Offsets in a Mention are Unicode code points (see
 * text/offsets.ts for the one place that converts to and from UTF-16).
 */
export const ACTOR_TYPES = ['country', 'person', 'organization'] as const;
export const AGREEMENT_TYPES = [
  'treaty', 'agreement', 'statement', 'plan', 'roadmap', 'memorandum', 'protocol', 'charter', 'other',
] as const;
export const KINDS = ['actor', 'agreement'] as const;

export type ActorType = (typeof ACTOR_TYPES)[number];
export type AgreementType = (typeof AGREEMENT_TYPES)[number];
export type EntityType = ActorType | AgreementType;
export type Kind = (typeof KINDS)[number];

export function kindOf(type: EntityType): Kind {
  return type === 'country' || type === 'person' || type === 'organization' ? 'actor' : 'agreement';
}

/** One recognized span in an article. `start`/`end` are code points, end exclusive. */
export interface Mention {
  start: number;
  end: number;
  text: string;
  kind: Kind;
  type: EntityType;
  /** Knowledge-base entity id; for agreements found only by their head noun, a generated id. */
  entity: string;
  qid: string | null;
  /** Agreements: entity ids of the document's parties (countries, organizations); the same array on every mention of one document. */
  parties?: string[];
}
