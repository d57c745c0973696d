/** What every exporter receives: one article and its annotations. */
import type { Annotation } from '../annotations/records';
import type { SidecarEntity } from '../annotations/schema';

export interface ExportDocument {
  /** The article's path as the export names it (relative to the exported folder, or its file name). */
  source: string;
  /** The article text, BOM removed: the text every offset counts in. */
  text: string;
  annotations: readonly Annotation[];
  entity(id: string): SidecarEntity | undefined;
}

/** Exports carry the user's accepted annotations: confirmed and anchored, by offset. */
export function exported(doc: ExportDocument): Annotation[] {
  return doc.annotations.filter((a) => a.status === 'confirmed' && a.anchored).sort((a, b) => a.start - b.start || a.end - b.end);
}

export function entityName(doc: ExportDocument, id: string): string {
  return doc.entity(id)?.name ?? id;
}
