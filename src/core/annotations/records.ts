/**
 * The in-memory model of a sidecar and its conversion to and from the file's
 * document. Each record keeps the JSON object it was read from, so fields
 * this version does not know survive a rewrite.
 */
import type { EntityType, Kind } from '../model';
import {
  SIDECAR_VERSION,
  selectorsOf,
  type SidecarAnnotation,
  type SidecarDoc,
  type SidecarEntity,
  type Status,
} from './schema';
import type { Quote } from './text-view';

/** An annotation as the store's users see it. Offsets are code points. */
export interface Annotation {
  readonly id: string;
  readonly entity: string;
  readonly kind: Kind;
  readonly type: EntityType;
  readonly status: Status;
  readonly note?: string;
  readonly created: string;
  readonly modified: string;
  /** Where it is; for an orphan, where it was last seen. */
  readonly start: number;
  readonly end: number;
  /** Its text and context; for an orphan, as last seen. */
  readonly quote: Readonly<Quote>;
  /** False for an orphan: its quote is not found in the text. */
  readonly anchored: boolean;
}

export type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export interface AnnotationRecord extends Mutable<Annotation> {
  quote: Quote;
  /** The object read from the file (empty for new ones): unknown fields are written back. */
  raw: Record<string, unknown>;
}

/** Root fields that are not the model's, kept as read. */
export type RootExtras = Record<string, unknown>;

const ROOT_KEYS = ['$schema', 'version', 'article', 'textHash', 'textSnapshot', 'entities', 'annotations'];
const ANNOTATION_KEYS = ['id', 'entity', 'kind', 'type', 'status', 'note', 'created', 'modified', 'target'];

export function recordFromDoc(a: SidecarAnnotation): AnnotationRecord {
  const { position, quote } = selectorsOf(a);
  return {
    id: a.id,
    entity: a.entity,
    kind: a.kind,
    type: a.type,
    status: a.status,
    ...(a.note !== undefined ? { note: a.note } : {}),
    created: a.created,
    modified: a.modified,
    start: position.start,
    end: position.end,
    quote: { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
    anchored: false,
    raw: a as Record<string, unknown>,
  };
}

export function rootExtrasOf(doc: SidecarDoc): RootExtras {
  return pick(doc as Record<string, unknown>, (k) => k === '$schema' || !ROOT_KEYS.includes(k));
}

/** The document for records and entities: annotations sorted by offset, entities by id, unknown fields kept. */
export function buildDoc(
  article: string,
  textHash: string,
  records: Iterable<AnnotationRecord>,
  entities: Iterable<SidecarEntity>,
  extras: RootExtras,
  textSnapshot?: string,
): SidecarDoc {
  const annotations = [...records].sort(compareRecords).map(annotationToDoc);
  const sortedEntities = [...entities].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map(entityToDoc);
  const { $schema, ...rest } = extras;
  return {
    ...($schema !== undefined ? { $schema } : {}),
    version: SIDECAR_VERSION,
    article,
    textHash,
    entities: sortedEntities,
    annotations,
    ...rest,
    // Last: the one field nobody reads by eye.
    ...(textSnapshot !== undefined ? { textSnapshot } : {}),
  } as SidecarDoc;
}

export function compareRecords(a: Annotation, b: Annotation): number {
  return a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function annotationToDoc(r: AnnotationRecord): SidecarAnnotation {
  const raw = r.raw;
  const rawTarget = (raw.target ?? {}) as Record<string, unknown>;
  const rawSelectors = (Array.isArray(rawTarget.selector) ? rawTarget.selector : []) as Record<string, unknown>[];
  const rawPosition = rawSelectors.find((s) => s.type === 'TextPositionSelector') ?? {};
  const rawQuote = rawSelectors.find((s) => s.type === 'TextQuoteSelector') ?? {};
  const known = ['type', 'start', 'end', 'exact', 'prefix', 'suffix'];
  return {
    id: r.id,
    entity: r.entity,
    kind: r.kind,
    type: r.type,
    status: r.status,
    ...(r.note !== undefined ? { note: r.note } : {}),
    created: r.created,
    modified: r.modified,
    target: {
      selector: [
        { type: 'TextPositionSelector', start: r.start, end: r.end, ...pick(rawPosition, (k) => !known.includes(k)) },
        { type: 'TextQuoteSelector', exact: r.quote.exact, prefix: r.quote.prefix, suffix: r.quote.suffix, ...pick(rawQuote, (k) => !known.includes(k)) },
      ],
      ...pick(rawTarget, (k) => k !== 'selector'),
    },
    ...pick(raw, (k) => !ANNOTATION_KEYS.includes(k)),
  };
}

function entityToDoc(e: SidecarEntity): SidecarEntity {
  const { id, kind, type, name, qid, ...rest } = e;
  return { id, kind, type, ...(name !== undefined ? { name } : {}), ...(qid !== undefined ? { qid } : {}), ...rest };
}

/** Public, detached copy of a record. */
export function snapshot(r: AnnotationRecord): Annotation {
  const { raw: _raw, ...rest } = r;
  return Object.freeze({ ...rest, quote: Object.freeze({ ...r.quote }) });
}

/** Canonical text of an annotation or entity as written, to tell whether another writer changed it. */
export function canonical(value: unknown): string {
  return JSON.stringify(value);
}

function pick(obj: Record<string, unknown>, keep: (key: string) => boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) if (keep(k)) out[k] = v;
  return out;
}
