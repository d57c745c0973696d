/**
 * What an article shows: the recognizer's mentions combined with the user's
 * decisions in the sidecar. Pure: no file access.
 */
import type { Mention } from '../model';
import { anchorAll, spanKey } from './anchor';
import { shownParties } from './parties';
import { TextMapping } from './diff';
import { anchorFromDoc } from './realign';
import { recordFromDoc, type Annotation, type AnnotationRecord } from './records';
import type { SidecarDoc, SidecarEntity } from './schema';
import { TextView } from './text-view';

/** The store (or anything listing annotations and their entities). */
export interface AnnotationSource {
  all(): readonly Annotation[];
  /** The same, by offset (compareRecords), read-only and valid until the next change; saves copies. */
  inOrder?(): readonly Annotation[];
  entity(id: string): SidecarEntity | undefined;
  /** The text its offsets refer to (the store's); when it is not `text`, offsets are mapped by a diff. */
  readonly text?: string;
}

/** Which article a sidecar document is being shown for (to refuse another article's sidecar). */
export interface SidecarPlace {
  /** The article's file name. */
  article: string;
  /** The sidecar's path, named in errors. */
  file: string;
}

export type ShownMention = Mention & { status: 'recognized' | 'confirmed' };

export interface MergedMentions {
  /** Sorted by start, then end. */
  mentions: ShownMention[];
  /** Annotations whose text is not in `text`. */
  orphans: Array<{ id: string; text: string; entity: string }>;
}

/**
 * Confirmed annotations (status confirmed) plus the recognized mentions the
 * user has not decided on. A recognized mention is dropped when a rejected
 * annotation has its span, when a confirmed annotation has its span (it
 * appears once, as confirmed), or when a confirmed annotation of the same kind
 * overlaps it (the user's span wins over the recognizer's).
 * `sidecar` is a parsed sidecar document or the store; its annotations are
 * anchored in `text` here (see realign.ts), so a sidecar saved with an older
 * text still fits. Throws SidecarError 'foreign' for a document that is not
 * the article's (`place` names it; without it the document's own name is trusted).
 */
export function mergeRecognized(
  text: string,
  recognized: Mention[],
  sidecar: SidecarDoc | AnnotationSource | null,
  place?: SidecarPlace,
): MergedMentions {
  const source = sidecar && 'inOrder' in sidecar && typeof sidecar.inOrder === 'function' ? (sidecar as AnnotationSource) : null;
  if (source && (source.text === undefined || source.text === text) && isSorted(recognized)) return mergeInOrder(source, recognized);
  const { records, entity, doc, from } = recordsOf(sidecar);
  if (doc) {
    const view = new TextView(text);
    anchorFromDoc(doc, records, { view, article: place?.article ?? doc.article, file: place?.file ?? 'the annotations file' });
  } else if (from !== undefined && from !== text) {
    anchorAll(new TextView(text), records, { mapping: TextMapping.between(from, text) });
  }
  const anchored = records.filter((r) => r.anchored);
  const confirmed = anchored.filter((r) => r.status === 'confirmed');
  const decided = new Set(anchored.map((r) => spanKey(r.start, r.end)));

  const mentions: ShownMention[] = confirmed.map((r) => ({
    start: r.start,
    end: r.end,
    text: r.quote.exact,
    kind: r.kind,
    type: r.type,
    entity: r.entity,
    qid: entity(r.entity)?.qid ?? null,
    status: 'confirmed',
  }));
  const overlapsConfirmed = overlapIndex(confirmed);
  // Without decisions (most articles of a workspace have no sidecar) every recognized mention is shown.
  const undecided = records.length === 0;
  for (const m of recognized) {
    if (!undecided && (decided.has(spanKey(m.start, m.end)) || overlapsConfirmed(m.kind, m.start, m.end))) continue;
    mentions.push(shownRecognized(m));
  }
  if (!inSpanOrder(mentions)) mentions.sort((a, b) => a.start - b.start || a.end - b.end);
  withDecidedParties(mentions, recognized, entity);
  const orphans = records.filter((r) => !r.anchored).map((r) => ({ id: r.id, text: r.quote.exact, entity: r.entity }));
  return { mentions, orphans };
}

/**
 * Every agreement mention gets its document's parties: the recognizer's suggestions for
 * that entity with the sidecar's decisions applied (parties.ts), one array per entity.
 */
function withDecidedParties(mentions: ShownMention[], recognized: Mention[], entity: (id: string) => SidecarEntity | undefined): void {
  const suggested = new Map<string, string[]>();
  for (const m of recognized) if (m.kind === 'agreement' && m.parties?.length && !suggested.has(m.entity)) suggested.set(m.entity, m.parties);
  const shown = new Map<string, string[]>();
  for (const m of mentions) {
    if (m.kind !== 'agreement') continue;
    let list = shown.get(m.entity);
    if (!list) {
      list = shownParties(suggested.get(m.entity) ?? [], entity(m.entity)?.parties).map((p) => p.entity);
      shown.set(m.entity, list);
    }
    m.parties = list;
  }
}

/**
 * mergeRecognized for a source whose annotations already fit `text`, in one pass over both
 * sorted lists (no copies of the annotations, no span keys); the same result.
 */
function mergeInOrder(source: AnnotationSource, recognized: Mention[]): MergedMentions {
  const all = source.inOrder!();
  const mentions: ShownMention[] = [];
  const confirmed: Annotation[] = [];
  const orphans: MergedMentions['orphans'] = [];
  for (const r of all) {
    if (!r.anchored) {
      orphans.push({ id: r.id, text: r.quote.exact, entity: r.entity });
      continue;
    }
    if (r.status !== 'confirmed') continue;
    confirmed.push(r);
    const qid = source.entity(r.entity)?.qid ?? null;
    mentions.push({ start: r.start, end: r.end, text: r.quote.exact, kind: r.kind, type: r.type, entity: r.entity, qid, status: 'confirmed' });
  }
  // Built on first need: when every recognized span is decided, never.
  let overlapsIndex: ReturnType<typeof overlapIndex> | undefined;
  const overlapsConfirmed = (kind: string, start: number, end: number) => (overlapsIndex ??= overlapIndex(confirmed, true))(kind, start, end);
  let i = 0;
  for (const m of recognized) {
    // Annotations with this start (any status) decide its span.
    while (i < all.length && all[i].start < m.start) i++;
    let decided = false;
    for (let j = i; j < all.length && all[j].start === m.start && !decided; j++) decided = all[j].anchored && all[j].end === m.end;
    if (decided || overlapsConfirmed(m.kind, m.start, m.end)) continue;
    mentions.push(shownRecognized(m));
  }
  if (!inSpanOrder(mentions)) mentions.sort((a, b) => a.start - b.start || a.end - b.end);
  withDecidedParties(mentions, recognized, (id) => source.entity(id));
  return { mentions, orphans };
}

/**
 * `{ ...m, status: 'recognized' }` for a Mention (its keys, in the order the recognizer makes them).
 * A literal of one shape per kind: spread, or copying keys in a loop, is several times slower here
 * (the merge of a 1 MB article makes 20,000 of these on every refresh).
 */
function shownRecognized(m: Mention): ShownMention {
  return m.parties === undefined
    ? { start: m.start, end: m.end, text: m.text, kind: m.kind, type: m.type, entity: m.entity, qid: m.qid, status: 'recognized' }
    : { start: m.start, end: m.end, text: m.text, kind: m.kind, type: m.type, entity: m.entity, qid: m.qid, parties: m.parties, status: 'recognized' };
}

/** Sorted by start, then end (what the sort below makes; the recognizer's order already is, mostly). */
function inSpanOrder(mentions: readonly Mention[]): boolean {
  for (let i = 1; i < mentions.length; i++) {
    const a = mentions[i - 1];
    const b = mentions[i];
    if (b.start < a.start || (b.start === a.start && b.end < a.end)) return false;
  }
  return true;
}

function isSorted(mentions: readonly Mention[]): boolean {
  for (let i = 1; i < mentions.length; i++) if (mentions[i].start < mentions[i - 1].start) return false;
  return true;
}

function recordsOf(sidecar: SidecarDoc | AnnotationSource | null): {
  records: AnnotationRecord[];
  entity: (id: string) => SidecarEntity | undefined;
  doc?: SidecarDoc;
  /** The text a source's anchored records refer to. */
  from?: string;
} {
  if (!sidecar) return { records: [], entity: () => undefined };
  if ('all' in sidecar && typeof sidecar.all === 'function') {
    const source = sidecar as AnnotationSource;
    return {
      records: source.all().map((a) => ({ ...a, quote: { ...a.quote }, raw: {} })),
      entity: (id) => source.entity(id),
      from: source.text,
    };
  }
  const doc = sidecar as SidecarDoc;
  const entities = new Map(doc.entities.map((e) => [e.id, e]));
  return { records: doc.annotations.map(recordFromDoc), entity: (id) => entities.get(id), doc };
}

/**
 * Whether [start, end) overlaps a confirmed annotation of the same kind. Confirmed
 * annotations of one kind do not overlap each other much, so sorting by start and
 * looking back from the binary-search point keeps this near O(log n) per query.
 */
function overlapIndex(confirmed: readonly Annotation[], sorted = false): (kind: string, start: number, end: number) => boolean {
  const byKind = new Map<string, Annotation[]>();
  for (const r of confirmed) (byKind.get(r.kind) ?? byKind.set(r.kind, []).get(r.kind)!).push(r);
  const maxLen = new Map<string, number>();
  for (const [kind, rs] of byKind) {
    if (!sorted) rs.sort((a, b) => a.start - b.start);
    maxLen.set(kind, rs.reduce((n, r) => Math.max(n, r.end - r.start), 0));
  }
  return (kind, start, end) => {
    const rs = byKind.get(kind);
    if (!rs) return false;
    // First record starting at or after `end`; any overlap starts before it and within maxLen of `start`.
    let lo = 0;
    let hi = rs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (rs[mid].start < end) lo = mid + 1;
      else hi = mid;
    }
    const floor = start - maxLen.get(kind)!;
    for (let i = lo - 1; i >= 0 && rs[i].start >= floor; i--) if (rs[i].end > start) return true;
    return false;
  };
}
