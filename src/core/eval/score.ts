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
  /** Agreements: entity ids of the parties (gold files without them are not scored on parties). */
  parties?: string[];
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
  /**
   * Parties, per gold agreement mention: each gold party found on its matched mention is a
   * true positive, each other party there a false positive, each one not there a false
   * negative (all of them for an unmatched mention). Undefined when the gold has no parties.
   */
  parties?: Counts;
  /** Mentions whose parties differ from the gold's, described (for --verbose). */
  partyErrors?: string[];
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
  const scoreParties = goldAgr.length > 0 && goldAgr.every((g) => Array.isArray(g.parties));
  const parties: Counts = { tp: 0, fp: 0, fn: 0 };
  const partyErrors: string[] = [];
  const countParties = (gold: string[], pred: string[], m?: ScoredMention) => {
    const g = new Set(gold);
    if (m && (gold.length !== pred.length || gold.some((x) => !pred.includes(x)))) {
      partyErrors.push(`${m.start}-${m.end} ${m.text ?? ''}: gold [${gold.join(', ')}] predicted [${pred.join(', ')}]`);
    }
    const p = new Set(pred);
    for (const x of p) if (g.has(x)) parties.tp++;
    else parties.fp++;
    for (const x of g) if (!p.has(x)) parties.fn++;
  };
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
      if (scoreParties) countParties(g.parties!, [], g);
      continue;
    }
    used.add(best);
    otp++;
    if (scoreParties) countParties(g.parties!, predAgr[best].parties ?? [], g);
    if (g.entity) pairs.push([g.entity, predAgr[best].entity ?? '']);
  }
  predAgr.forEach((p, i) => {
    if (used.has(i)) return;
    spurious.push(p);
    // Parties on a mention the gold does not have are all wrong.
    if (scoreParties) countParties([], p.parties ?? [], p);
  });
  const exactPred = new Set(predAgr.map((p) => `${p.start}:${p.end}`));
  const exactTp = goldAgr.filter((g) => exactPred.has(`${g.start}:${g.end}`)).length;
  return {
    actors,
    agreementsOverlap: { tp: otp, fp: predAgr.length - otp, fn: goldAgr.length - otp },
    agreementsExact: { tp: exactTp, fp: predAgr.length - exactTp, fn: goldAgr.length - exactTp },
    parties: scoreParties ? parties : undefined,
    partyErrors: scoreParties ? partyErrors : undefined,
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

export const precision = (c: Counts): number => (c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp));
export const recall = (c: Counts): number => (c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn));

/** The language of an article for per-language figures: the script most of its letters are in. */
export function languageOf(text: string): 'ja' | 'ko' | 'en' {
  let kana = 0;
  let hangul = 0;
  let han = 0;
  let latin = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0xff66 && c <= 0xff9f)) kana++;
    else if (c >= 0xac00 && c <= 0xd7a3) hangul++;
    else if (c >= 0x4e00 && c <= 0x9fff) han++;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) latin++;
  }
  if (hangul > kana && hangul * 4 > latin) return 'ko';
  if (kana + han > hangul && (kana + han) * 2 > latin) return 'ja';
  return 'en';
}

export function add(a: Counts, b: Counts): Counts {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn };
}
