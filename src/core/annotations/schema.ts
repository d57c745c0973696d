/**
 * The sidecar file (`<article>.annotations.json`): one zod schema, from which
 * the JSON Schema for editors is generated (see `sidecarJsonSchema`), so the
 * format is written down once.
 *
 * Objects are loose: fields this version does not know are kept on rewrite.
 * Offsets are Unicode code points into the article's text (BOM removed).
 */
import { z } from 'zod';
import { ACTOR_TYPES, AGREEMENT_TYPES, KINDS, kindOf, type EntityType } from '../model';
import { Qid } from '../kb/schema';

export const SIDECAR_VERSION = 1;
export const SIDECAR_SUFFIX = '.annotations.json';
/** Code points of context kept on each side of a quote. */
export const CONTEXT_LENGTH = 32;

export const STATUSES = ['confirmed', 'rejected'] as const;
export type Status = (typeof STATUSES)[number];

const EntityType = z.enum([...ACTOR_TYPES, ...AGREEMENT_TYPES]);
const Offset = z.int().min(0);
const Time = z.iso.datetime({ offset: true });

export const TextPositionSelectorSchema = z.looseObject({
  type: z.literal('TextPositionSelector'),
  start: Offset,
  end: Offset,
});

export const TextQuoteSelectorSchema = z.looseObject({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1),
  prefix: z.string(),
  suffix: z.string(),
});

const SelectorSchema = z.discriminatedUnion('type', [TextPositionSelectorSchema, TextQuoteSelectorSchema]);

/** The user's decision on one party of an agreement: `confirmed` adds or keeps it, `rejected` drops a suggested one. */
export const PartyDecisionSchema = z
  .looseObject({
    /** Entity id of the party (a country or organization). */
    entity: z.string().min(1),
    status: z.enum(STATUSES),
  })
  .meta({ description: 'A decision on one party of an agreement.' });

export const SidecarEntitySchema = z
  .looseObject({
    /** Knowledge-base id, or an id made from the name for entities defined here. */
    id: z.string().min(1),
    kind: z.enum(KINDS),
    type: EntityType,
    /** Canonical display name. */
    name: z.string().min(1).optional(),
    qid: Qid.nullable().optional(),
    /**
     * Agreements: the user's decisions on its parties. Parties the recognizer suggests and
     * nobody decided on are not stored (they come from recognition each time).
     */
    parties: z.array(PartyDecisionSchema).optional(),
  })
  .meta({ description: 'An entity the annotations link to.' });

export const SidecarAnnotationSchema = z
  .looseObject({
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/),
    entity: z.string().min(1),
    kind: z.enum(KINDS),
    type: EntityType,
    /** `rejected`: a recognized mention the user dismissed; it stays suppressed. */
    status: z.enum(STATUSES),
    note: z.string().optional(),
    created: Time,
    modified: Time,
    target: z.looseObject({
      /** One TextPositionSelector and one TextQuoteSelector. */
      selector: z.array(SelectorSchema).min(2),
    }),
  })
  .meta({ description: 'One annotated span.' });

export const SidecarSchema = z
  .looseObject({
    $schema: z.string().optional(),
    version: z.literal(SIDECAR_VERSION),
    /** The article's file name (no folder). */
    article: z.string().min(1),
    /** sha256 (hex) of the article text the offsets refer to, at the last save. */
    textHash: z.string().regex(/^[0-9a-f]{64}$/),
    /**
     * That text itself, gzipped, base64: when the article changes outside the
     * editor, diffing it with the new text maps every offset exactly.
     */
    textSnapshot: z
      .string()
      .regex(/^[A-Za-z0-9+/]*={0,2}$/)
      .optional()
      .meta({ description: 'The article text the offsets refer to (hash textHash): UTF-8, gzip, base64. Used to map offsets exactly when the article changed.' }),
    entities: z.array(SidecarEntitySchema),
    annotations: z.array(SidecarAnnotationSchema),
  })
  .superRefine(checkConsistency, { when: (payload) => typeof payload.value === 'object' && payload.value !== null })
  .meta({ title: 'Article Annotator annotations', description: 'Annotations of one article, stored next to it.' });

export type SidecarDoc = z.infer<typeof SidecarSchema>;
export type SidecarEntity = z.infer<typeof SidecarEntitySchema>;
export type PartyDecision = z.infer<typeof PartyDecisionSchema>;
export type SidecarAnnotation = z.infer<typeof SidecarAnnotationSchema>;
export type TextPositionSelector = z.infer<typeof TextPositionSelectorSchema>;
export type TextQuoteSelector = z.infer<typeof TextQuoteSelectorSchema>;

/** The position and quote selectors of an annotation (the schema guarantees exactly one of each). */
export function selectorsOf(a: SidecarAnnotation): { position: TextPositionSelector; quote: TextQuoteSelector } {
  const position = a.target.selector.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector');
  const quote = a.target.selector.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
  if (!position || !quote) throw new Error('annotation without position or quote selector');
  return { position, quote };
}

/**
 * Rules a JSON Schema cannot say; the model relies on them, so a file breaking
 * one is not loaded. They run even when other fields are malformed (so every
 * problem is listed at once), hence the defensive reading of `value`.
 */
function checkConsistency(value: unknown, ctx: z.RefinementCtx): void {
  const doc = value as { entities?: unknown; annotations?: unknown };
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  const entityIds = new Set<string>();
  list(doc.entities).forEach((e, i) => {
    if (typeof e.id !== 'string') return;
    if (entityIds.has(e.id)) issue(['entities', i, 'id'], `duplicate entity id '${e.id}'`);
    entityIds.add(e.id);
    if (mismatched(e.kind, e.type)) issue(['entities', i, 'kind'], `kind '${e.kind}' does not fit type '${e.type}'`);
    if (e.parties !== undefined && e.kind === 'actor') issue(['entities', i, 'parties'], 'only agreements have parties');
    const seen = new Set<unknown>();
    list(e.parties).forEach((p, j) => {
      if (seen.has(p.entity)) issue(['entities', i, 'parties', j, 'entity'], `party '${String(p.entity)}' decided twice`);
      seen.add(p.entity);
    });
  });
  const ids = new Set<string>();
  list(doc.annotations).forEach((a, i) => {
    const at = (...path: (string | number)[]) => ['annotations', i, ...path];
    if (typeof a.id === 'string') {
      if (ids.has(a.id)) issue(at('id'), `duplicate annotation id '${a.id}'`);
      ids.add(a.id);
    }
    if (Array.isArray(doc.entities) && typeof a.entity === 'string' && !entityIds.has(a.entity)) {
      issue(at('entity'), `entity '${a.entity}' is not in "entities"`);
    }
    if (mismatched(a.kind, a.type)) issue(at('kind'), `kind '${a.kind}' does not fit type '${a.type}'`);
    const selectors = list((a.target as { selector?: unknown } | undefined)?.selector);
    const p = selectors.findIndex((x) => x.type === 'TextPositionSelector');
    const q = selectors.findIndex((x) => x.type === 'TextQuoteSelector');
    for (const t of ['TextPositionSelector', 'TextQuoteSelector']) {
      const n = selectors.filter((x) => x.type === t).length;
      if (n !== 1 && Array.isArray((a.target as { selector?: unknown } | undefined)?.selector)) {
        issue(at('target', 'selector'), `needs exactly one ${t}, found ${n}`);
      }
    }
    if (p < 0 || q < 0) return;
    const { start, end } = selectors[p];
    const { exact } = selectors[q];
    // Offsets the schema rejects are reported there; comparing them would only echo that.
    if (!Number.isInteger(start) || !Number.isInteger(end) || (start as number) < 0) return;
    const [s0, e0] = [start as number, end as number];
    if (e0 <= s0) {
      issue(at('target', 'selector', p, 'end'), `end (${e0}) must be greater than start (${s0})`);
    } else if (typeof exact === 'string' && [...exact].length !== e0 - s0) {
      issue(at('target', 'selector', q, 'exact'), `quote is ${[...exact].length} code points but the position spans ${e0 - s0}`);
    }
  });
}

/** The objects of an array (other items are the schema's to report). */
function list(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.map((x) => (typeof x === 'object' && x !== null ? (x as Record<string, unknown>) : {})) : [];
}

function mismatched(kind: unknown, type: unknown): boolean {
  const types: readonly unknown[] = [...ACTOR_TYPES, ...AGREEMENT_TYPES];
  return (KINDS as readonly unknown[]).includes(kind) && types.includes(type) && kindOf(type as EntityType) !== kind;
}

/** JSON Schema (draft 2020-12) of the sidecar, for editors; generated from the zod schema. */
export function sidecarJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(SidecarSchema, { io: 'input' }) as Record<string, unknown>;
}
