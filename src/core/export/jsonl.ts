/**
 * NER training JSONL, one line per article: `{"text", "entities": [[start,
 * end, label]], "meta": {"source"}}` with the type as label. Offsets are code
 * points (what Python string indices count), end exclusive, in the text
 * without its BOM — the `text` field on the same line.
 */
import { exported, type ExportDocument } from './types';

export function toJsonlLine(doc: ExportDocument): string {
  const entities = exported(doc).map((a) => [a.start, a.end, a.type]);
  return JSON.stringify({ text: doc.text, entities, meta: { source: doc.source } });
}

export function toJsonl(docs: ExportDocument[]): string {
  return docs.map((d) => toJsonlLine(d) + '\n').join('');
}
