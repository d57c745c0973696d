/**
 * The Corpus Map's data: the workspace's actors and agreements as a network.
 * Pure: the extension feeds it the workspace index and posts the result to
 * the webview, which only lays it out and draws it.
 *
 * - A node per entity, sized by its mentions in the articles kept by the filters.
 * - party-of edges (agreement → actor) from `mention.parties`, weighted by the
 *   articles that name the agreement with that party.
 * - co-mention edges between actors, weighted by the paragraphs naming both.
 *   A paragraph, not the article: news pages carry menus, related-article lists
 *   and passing references, so "same article" links every country of a page to
 *   every other, while actors of one paragraph are usually in one story. A
 *   paragraph is a line of the article (saved pages keep one paragraph a line),
 *   read from the line numbers the index already has; an article without them
 *   counts as one paragraph.
 * - A timeline: each agreement mention's article date.
 */
import { ACTOR_TYPES, AGREEMENT_TYPES, kindOf, type EntityType, type Kind, type Mention } from '../model';
import { lineOf, type LinePreview } from './group';

/** What the map reads of one article (the workspace index's summaries fit). */
export interface CorpusArticle {
  file: string;
  mentions: readonly Mention[];
  /** Aligned with `mentions`: their line numbers mark paragraphs (open articles have `previews`, the others `lines`). */
  previews?: readonly LinePreview[];
  lines?: readonly number[];
  /** ISO YYYY-MM-DD (see text/dates.ts), or null. */
  date?: string | null;
  /** See text/language.ts. */
  language?: string;
}

/** Names and types of entities that are parties but never mentioned (EntityDirectory fits). */
export interface MapNames {
  get(id: string): { name: string; type: EntityType } | undefined;
}

export interface MapFilter {
  /** Entity types to show; all when omitted or empty. */
  types?: readonly EntityType[];
  /** Article languages to read; all when omitted or empty. */
  languages?: readonly string[];
  /** At most this many nodes, the most mentioned; all when omitted. */
  top?: number;
  /** At most this many co-mention edges, the heaviest; all when omitted. */
  maxEdges?: number;
}

export interface MapNode {
  id: string;
  name: string;
  kind: Kind;
  type: EntityType;
  /** Mentions in the articles kept by the language filter (0: a party never named). */
  mentions: number;
  articles: number;
}

export type EdgeKind = 'party' | 'co-mention';

export interface MapEdge {
  /** The agreement for party-of edges; for co-mentions, the lesser id. */
  source: string;
  target: string;
  kind: EdgeKind;
  weight: number;
}

export interface TimelineEntry {
  agreement: string;
  date: string;
  file: string;
}

export interface CorpusMap {
  nodes: MapNode[];
  edges: MapEdge[];
  /** Agreement mentions by article date (shown agreements only), oldest first; one per agreement and article. */
  timeline: TimelineEntry[];
  /** Before top/maxEdges: how many there were. */
  total: { nodes: number; edges: number; articles: number };
  /** What the filters can choose from, with article counts (languages) and entity counts (types). */
  languages: Array<{ language: string; articles: number }>;
  types: Array<{ type: EntityType; entities: number }>;
}

const TYPE_ORDER: readonly EntityType[] = [...ACTOR_TYPES, ...AGREEMENT_TYPES];

/** The parties of an agreement mention (the field lands with agreement parties; absent before). */
function partiesOf(m: Mention): readonly string[] {
  const p = (m as Mention & { parties?: unknown }).parties;
  return Array.isArray(p) ? (p as string[]) : [];
}

export function buildCorpusMap(articles: readonly CorpusArticle[], names: MapNames, filter: MapFilter = {}): CorpusMap {
  const languageCounts = new Map<string, number>();
  for (const a of articles) {
    const l = a.language ?? 'und';
    languageCounts.set(l, (languageCounts.get(l) ?? 0) + 1);
  }
  const langs = filter.languages?.length ? new Set(filter.languages) : null;
  const kept = langs ? articles.filter((a) => langs.has(a.language ?? 'und')) : articles;

  // Every entity of the kept articles, with its counts.
  const all = new Map<string, MapNode>();
  const nodeFor = (id: string, type: EntityType, fallbackName: string) => {
    let n = all.get(id);
    if (!n) all.set(id, (n = { id, name: names.get(id)?.name ?? fallbackName, kind: kindOf(type), type, mentions: 0, articles: 0 }));
    return n;
  };
  const party = new Map<string, number>(); // "agreement\0actor" → articles
  const comention = new Map<string, number>(); // "a\0b" (a < b) → paragraphs
  const dated = new Map<string, TimelineEntry>(); // "agreement\0file"
  for (const a of kept) {
    const inArticle = new Set<string>();
    const partyInArticle = new Set<string>();
    const paragraphs = new Map<number, Set<string>>();
    a.mentions.forEach((m, i) => {
      const n = nodeFor(m.entity, m.type, m.text);
      n.mentions++;
      if (!inArticle.has(m.entity)) {
        inArticle.add(m.entity);
        n.articles++;
      }
      if (m.kind === 'actor') {
        const line = lineOf(a, i).line ?? 0;
        let p = paragraphs.get(line);
        if (!p) paragraphs.set(line, (p = new Set()));
        p.add(m.entity);
      } else {
        for (const id of partiesOf(m)) if (id !== m.entity) partyInArticle.add(`${m.entity}\u0000${id}`);
        if (a.date) dated.set(`${m.entity}\u0000${a.file}`, { agreement: m.entity, date: a.date, file: a.file });
      }
    });
    for (const key of partyInArticle) party.set(key, (party.get(key) ?? 0) + 1);
    for (const p of paragraphs.values()) {
      if (p.size < 2) continue;
      const ids = [...p].sort();
      for (let i = 0; i < ids.length; i++)
        for (let j = i + 1; j < ids.length; j++) {
          const key = `${ids[i]}\u0000${ids[j]}`;
          comention.set(key, (comention.get(key) ?? 0) + 1);
        }
    }
  }
  // Parties never mentioned themselves still get a node (日米比… names three countries in one word).
  for (const key of party.keys()) {
    const id = key.slice(key.indexOf('\u0000') + 1);
    if (!all.has(id)) {
      const info = names.get(id);
      if (info) nodeFor(id, info.type, info.name);
    }
  }

  const typeCounts = new Map<EntityType, number>();
  for (const n of all.values()) typeCounts.set(n.type, (typeCounts.get(n.type) ?? 0) + 1);
  const types = filter.types?.length ? new Set(filter.types) : null;
  const candidates = [...all.values()].filter((n) => !types || types.has(n.type));
  candidates.sort((x, y) => y.mentions - x.mentions || y.articles - x.articles || x.name.localeCompare(y.name) || (x.id < y.id ? -1 : 1));
  const nodes = filter.top !== undefined && filter.top >= 0 ? candidates.slice(0, filter.top) : candidates;
  const shown = new Set(nodes.map((n) => n.id));

  // Keys are "source\0target"; sorted heaviest first, then by key, so equal input gives equal output.
  const edgesAmong = (weights: Map<string, number>, kind: EdgeKind, among: Set<string>) => {
    const out: Array<MapEdge & { key: string }> = [];
    for (const [key, weight] of weights) {
      const cut = key.indexOf('\u0000');
      const source = key.slice(0, cut);
      const target = key.slice(cut + 1);
      if (among.has(source) && among.has(target)) out.push({ source, target, kind, weight, key });
    }
    out.sort((x, y) => y.weight - x.weight || cmp(x.key, y.key));
    return out.map(({ source, target, weight }): MapEdge => ({ source, target, kind, weight }));
  };
  const partyEdges = edgesAmong(party, 'party', shown);
  const coEdges = edgesAmong(comention, 'co-mention', shown);
  const candidateIds = nodes.length === candidates.length ? shown : new Set(candidates.map((n) => n.id));
  const totalEdges = nodes.length === candidates.length ? partyEdges.length + coEdges.length : countAmong(party, candidateIds) + countAmong(comention, candidateIds);
  const keptCo = filter.maxEdges !== undefined && filter.maxEdges >= 0 ? coEdges.slice(0, filter.maxEdges) : coEdges;

  const timeline = [...dated.values()]
    .filter((t) => shown.has(t.agreement))
    .sort((x, y) => cmp(x.date, y.date) || cmp(x.agreement, y.agreement) || cmp(x.file, y.file));

  return {
    nodes,
    edges: [...partyEdges, ...keptCo],
    timeline,
    total: { nodes: candidates.length, edges: totalEdges, articles: kept.length },
    languages: [...languageCounts].map(([language, n]) => ({ language, articles: n })).sort((x, y) => y.articles - x.articles || x.language.localeCompare(y.language)),
    types: TYPE_ORDER.filter((t) => typeCounts.has(t)).map((t) => ({ type: t, entities: typeCounts.get(t)! })),
  };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function countAmong(weights: Map<string, number>, among: Set<string>): number {
  let n = 0;
  for (const key of weights.keys()) {
    const cut = key.indexOf('\u0000');
    if (among.has(key.slice(0, cut)) && among.has(key.slice(cut + 1))) n++;
  }
  return n;
}

/**
 * The mentions of one entity in the articles kept by the language filter, article by article, in text
 * order, with their line and, where the article has them (open articles), their preview.
 */
export function mentionsOf<A extends CorpusArticle>(
  articles: readonly A[],
  entity: string,
  filter: Pick<MapFilter, 'languages'> = {},
): Array<{ article: A; mention: Mention; line?: number; preview?: string }> {
  const langs = filter.languages?.length ? new Set(filter.languages) : null;
  const out: Array<{ article: A; mention: Mention; line?: number; preview?: string }> = [];
  for (const a of articles) {
    if (langs && !langs.has(a.language ?? 'und')) continue;
    a.mentions.forEach((m, i) => {
      if (m.entity === entity) out.push({ article: a, mention: m, ...lineOf(a, i) });
    });
  }
  return out;
}
