/** What every exporter receives: one article and its annotations. */
import type { Annotation } from '../annotations/records';
import type { SidecarEntity } from '../annotations/schema';
import type { Mention } from '../model';

/** What an export carries: confirmed annotations only, or confirmed ones and the undecided suggestions. */
export const EXPORT_INCLUDES = ['confirmed', 'all'] as const;
export type ExportInclude = (typeof EXPORT_INCLUDES)[number];

export interface ExportDocument {
  /** The article's path as the export names it (relative to the exported folder, or its file name). */
  source: string;
  /** The article text, BOM removed: the text every offset counts in. */
  text: string;
  annotations: readonly Annotation[];
  entity(id: string): SidecarEntity | undefined;
  /** Recognized mentions the user has not decided on; exported only when given (include "all"). */
  suggestions?: readonly Mention[];
  /**
   * The parties of an agreement entity as shown (suggestions with the user's decisions applied:
   * mergeRecognized gives them on every agreement mention); without it, the decided ones only.
   */
  parties?: (agreement: string) => readonly string[];
}

/** One exported span: a confirmed annotation or a suggestion. */
export interface ExportItem {
  id: string;
  entity: string;
  type: Annotation['type'];
  kind: Annotation['kind'];
  status: 'confirmed' | 'suggested';
  /** Agreements: the parties' entity ids. */
  parties?: readonly string[];
  start: number;
  end: number;
  qid: string | null;
  note?: string;
  created?: string;
  modified?: string;
}

/** Confirmed anchored annotations, plus the suggestions when the document has them, by offset. */
export function exported(doc: ExportDocument): ExportItem[] {
  const confirmed: ExportItem[] = doc.annotations
    .filter((a) => a.status === 'confirmed' && a.anchored)
    .map((a) => ({
      id: a.id,
      entity: a.entity,
      type: a.type,
      kind: a.kind,
      status: 'confirmed',
      start: a.start,
      end: a.end,
      qid: doc.entity(a.entity)?.qid ?? null,
      note: a.note,
      created: a.created,
      modified: a.modified,
    }));
  const suggested: ExportItem[] = (doc.suggestions ?? []).map((m) => ({
    id: `suggestion-${m.start}-${m.end}`,
    entity: m.entity,
    type: m.type,
    kind: m.kind,
    status: 'suggested',
    start: m.start,
    end: m.end,
    qid: doc.entity(m.entity)?.qid ?? m.qid,
  }));
  const items = [...confirmed, ...suggested].sort((a, b) => a.start - b.start || a.end - b.end);
  for (const item of items) if (item.kind === 'agreement') item.parties = partiesOf(doc, item.entity);
  return items;
}

/** An agreement's parties as the document gives them (see ExportDocument.parties). */
export function partiesOf(doc: ExportDocument, agreement: string): readonly string[] {
  if (doc.parties) return doc.parties(agreement);
  return (doc.entity(agreement)?.parties ?? []).filter((p) => p.status === 'confirmed').map((p) => p.entity);
}

/**
 * Party relations between exported spans: for each agreement entity, its first exported
 * mention and, per party, that party's exported mention nearest to it. Parties without an
 * exported mention have no span to point at (formats that can name ids list them anyway).
 */
export function partyRelations(items: readonly ExportItem[]): Array<{ agreement: number; party: number }> {
  const out: Array<{ agreement: number; party: number }> = [];
  const seen = new Set<string>();
  items.forEach((a, i) => {
    if (a.kind !== 'agreement' || seen.has(a.entity)) return;
    seen.add(a.entity);
    for (const party of a.parties ?? []) {
      let best = -1;
      items.forEach((x, j) => {
        if (x.entity !== party || x.kind !== 'actor') return;
        if (best < 0 || Math.abs(x.start - a.start) < Math.abs(items[best].start - a.start)) best = j;
      });
      if (best >= 0) out.push({ agreement: i, party: best });
    }
  });
  return out;
}

export function entityName(doc: ExportDocument, id: string): string {
  return doc.entity(id)?.name ?? id;
}
