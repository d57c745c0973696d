/**
 * NER training JSONL, one line per article: `{"text", "entities": [[start,
 * end, label]], "meta": {"source"}}` with the type as label. Offsets are code
 * points (what Python string indices count), end exclusive, in the text
 * without its BOM — the `text` field on the same line. Parties:
 * `"relations": [[agreement, party, "Party"]]` with indexes into `entities`
 * (see partyRelations), and every agreement's party ids in `meta.parties`.
 */
import { exported, partyRelations, type ExportDocument } from './types';

export function toJsonlLine(doc: ExportDocument): string {
  const items = exported(doc);
  const entities = items.map((a) => [a.start, a.end, a.type]);
  const relations = partyRelations(items).map((r) => [r.agreement, r.party, 'Party']);
  const parties: Record<string, readonly string[]> = {};
  for (const a of items) if (a.kind === 'agreement' && a.parties?.length) parties[a.entity] = a.parties;
  return JSON.stringify({ text: doc.text, entities, ...(relations.length ? { relations } : {}), meta: { source: doc.source, ...(Object.keys(parties).length ? { parties } : {}) } });
}

export function toJsonl(docs: ExportDocument[]): string {
  return docs.map((d) => toJsonlLine(d) + '\n').join('');
}
