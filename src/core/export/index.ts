/** Exports of confirmed annotations (and, when asked, suggestions) to formats other tools read. */
export { toBrat } from './brat';
export { toW3c, toW3cItems, ANNO_CONTEXT } from './w3c';
export { toJsonl, toJsonlLine } from './jsonl';
export { toCsv, toCsvRows, csvField, CSV_COLUMNS } from './csv';
export { EXPORT_INCLUDES, exported, partiesOf, partyRelations } from './types';
export type { ExportDocument, ExportInclude, ExportItem } from './types';
export { planOutputs, type OutputFile, type PlannedOutput } from './outputs';

export const EXPORT_FORMATS = ['brat', 'w3c', 'jsonl', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
