/** Exports of confirmed annotations to formats other tools read. */
export { toBrat } from './brat';
export { toW3c, toW3cItems, ANNO_CONTEXT } from './w3c';
export { toJsonl, toJsonlLine } from './jsonl';
export type { ExportDocument } from './types';

export const EXPORT_FORMATS = ['brat', 'w3c', 'jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
