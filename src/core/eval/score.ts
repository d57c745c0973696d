/**
 * Scoring of predicted mentions against gold, as the annotation guidelines
 * define it: actors by exact span and type (strict F1), agreements by
 * one-to-one overlap (overlap F1, exact F1 beside it), linking accuracy on
 * QIDs, and entity consistency (one gold entity ↔ one predicted id).
 */
export interface ScoredMention {
  start: number;
  end: number;
  kind: string;
  type: string;
  entity: string | null;
  qid: string | null;
  text?: string;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export const f1 = (c: Counts): number => (c.tp === 0 ? (c.fp + c.fn === 0 ? 1 : 0) : (2 * c.tp) / (2 * c.tp + c.fp + c.fn));

export interface FileScore {
  actors: Counts;
  agreementsOverlap: Counts;
  agreementsExact: Counts;
  linked: { right: number; total: number };
  /** Pairs (gold entity, predicted id) of matched mentions, for consistency across files. */
  pairs: Array<[string, string]>;
  missed: ScoredMention[];
  spurious: ScoredMention[];
}

export function scoreFile(gold: ScoredMention[], predicted: ScoredMention[]): FileScore {
  const goldActors = gold.filter((m) => m.kind === 'actor');
  const predActors = predicted.filter((m) => m.kind === 'actor');
  const key = (m: ScoredMention) => `${m.start}:${m.end}:${m.type}`;
  const predByKey = new Map(predActors.map((m) => [key(m), m]));
  const goldKeys = new Set(goldActors.map(key));
  const pairs: Array<[string, string]> = [];
  let tp = 0;
  const linked = { right: 0, total: 0 };
  const missed: ScoredMention[] = [];
  for (const g of goldActors) {
    const p = predByKey.get(key(g));
    if (!p) {
      missed.push(g);
      continue;
    }
    tp++;
    if (g.qid) {
      linked.total++;
      if (p.qid === g.qid) linked.right++;
    }
    if (g.entity) pairs.push([g.entity, p.entity ?? '']);
  }
  const spurious = predActors.filter((p) => !goldKeys.has(key(p)));
  const actors = { tp, fp: predActors.length - tp, fn: goldActors.length - tp };

  // Agreements: greedy one-to-one matching by largest overlap.
  const goldAgr = gold.filter((m) => m.kind === 'agreement');
  const predAgr = predicted.filter((m) => m.kind === 'agreement');
  const used = new Set<number>();
  let otp = 0;
  for (const g of goldAgr) {
    let best = -1;
    let bestOverlap = 0;
    predAgr.forEach((p, i) => {
      if (used.has(i)) return;
      const overlap = Math.min(g.end, p.end) - Math.max(g.start, p.start);
      if (overlap > bestOverlap) {
        best = i;
        bestOverlap = overlap;
      }
    });
    if (best < 0) {
      missed.push(g);
      continue;
    }
    used.add(best);
    otp++;
    if (g.entity) pairs.push([g.entity, predAgr[best].entity ?? '']);
  }
  predAgr.forEach((p, i) => used.has(i) || spurious.push(p));
  const exactPred = new Set(predAgr.map((p) => `${p.start}:${p.end}`));
  const exactTp = goldAgr.filter((g) => exactPred.has(`${g.start}:${g.end}`)).length;
  return {
    actors,
    agreementsOverlap: { tp: otp, fp: predAgr.length - otp, fn: goldAgr.length - otp },
    agreementsExact: { tp: exactTp, fp: predAgr.length - exactTp, fn: goldAgr.length - exactTp },
    linked,
    pairs,
    missed,
    spurious,
  };
}

/** Share of gold entities whose matched mentions all got one id that serves no other gold entity. */
export function consistency(pairs: Array<[string, string]>): number {
  const idsOf = new Map<string, Set<string>>();
  const goldsOf = new Map<string, Set<string>>();
  for (const [g, p] of pairs) {
    (idsOf.get(g) ?? idsOf.set(g, new Set()).get(g)!).add(p);
    (goldsOf.get(p) ?? goldsOf.set(p, new Set()).get(p)!).add(g);
  }
  if (!idsOf.size) return 1;
  let ok = 0;
  for (const ids of idsOf.values()) {
    if (ids.size === 1 && goldsOf.get([...ids][0])!.size === 1) ok++;
  }
  return ok / idsOf.size;
}

export function add(a: Counts, b: Counts): Counts {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn };
}
