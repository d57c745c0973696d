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
}

/** One exported span: a confirmed annotation or a suggestion. */
export interface ExportItem {
  id: string;
  entity: string;
  type: Annotation['type'];
  status: 'confirmed' | 'suggested';
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
    status: 'suggested',
    start: m.start,
    end: m.end,
    qid: doc.entity(m.entity)?.qid ?? m.qid,
  }));
  return [...confirmed, ...suggested].sort((a, b) => a.start - b.start || a.end - b.end);
}

export function entityName(doc: ExportDocument, id: string): string {
  return doc.entity(id)?.name ?? id;
}
