/**
 * Per-language and per-type figures beside the totals of `npm run eval`, so a
 * gain in one language or type cannot hide a loss in another.
 */
import { add, type Counts, type FileScore, type ScoredMention } from './score';

const zero: Counts = { tp: 0, fp: 0, fn: 0 };

export interface Breakdown {
  /** Language → actor counts (strict) and agreement counts (overlap). */
  languages: Map<string, { actors: Counts; agreements: Counts; files: number }>;
  /** Type → counts: actors strict, agreements by overlap (recall by the gold's type, precision by the predicted type). */
  types: Map<string, Counts>;
}

export function newBreakdown(): Breakdown {
  return { languages: new Map(), types: new Map() };
}

/** The language of a gold file: the file-name prefix (ja-, ko-, en-) where there is one, else the given fallback. */
export function languageOfFile(file: string, fallback: () => string): string {
  const m = /^(ja|ko|en)[-_]/.exec(file.replace(/^.*[\\/]/, ''));
  return m ? m[1] : fallback();
}

/** Add one file's score: its gold mentions and what scoreFile found missed and spurious. */
export function addFile(b: Breakdown, lang: string, gold: ScoredMention[], s: FileScore): void {
  const l = b.languages.get(lang) ?? { actors: zero, agreements: zero, files: 0 };
  b.languages.set(lang, { actors: add(l.actors, s.actors), agreements: add(l.agreements, s.agreementsOverlap), files: l.files + 1 });
  const bump = (type: string, c: Partial<Counts>) => b.types.set(type, add(b.types.get(type) ?? zero, { ...zero, ...c }));
  const missed = new Set(s.missed);
  for (const g of gold) bump(g.type, missed.has(g) ? { fn: 1 } : { tp: 1 });
  for (const p of s.spurious) bump(p.type, { fp: 1 });
}
