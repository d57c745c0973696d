/**
 * CSV for spreadsheets (RFC 4180: CRLF line ends, a field with a comma, quote or
 * line break in double quotes, quotes doubled): a header, then one row per exported
 * mention of every article with its parties (agreements; ids joined by ";").
 * Offsets are code points, as everywhere in exports.
 */
import { OffsetIndex } from '../text/offsets';
import { entityName, exported, type ExportDocument } from './types';

export const CSV_COLUMNS = ['source', 'start', 'end', 'text', 'kind', 'type', 'entity', 'name', 'qid', 'status', 'parties', 'note'] as const;

export function csvField(value: string | number | null | undefined): string {
  const s = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsvRows(doc: ExportDocument): string[] {
  const index = new OffsetIndex(doc.text);
  return exported(doc).map((a) =>
    [
      doc.source,
      a.start,
      a.end,
      doc.text.slice(index.toUtf16(a.start), index.toUtf16(a.end)),
      a.kind,
      a.type,
      a.entity,
      entityName(doc, a.entity),
      a.qid,
      a.status,
      (a.parties ?? []).join(';'),
      a.note,
    ]
      .map(csvField)
      .join(','),
  );
}

export function toCsv(docs: ExportDocument[]): string {
  return [CSV_COLUMNS.join(','), ...docs.flatMap(toCsvRows)].map((l) => l + '\r\n').join('');
}
