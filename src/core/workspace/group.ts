/**
 * The entity outline of one article or many: kind → type → entity →
 * mentions, with counts, narrowed by a text filter. Pure: the sidebar only
 * turns these groups into tree items.
 */
import type { ShownMention } from '../annotations';
import { ACTOR_TYPES, AGREEMENT_TYPES, KINDS, type EntityType, type Kind } from '../model';
import { OffsetIndex } from '../text/offsets';
import type { EntityInfo } from './entities';

export interface ArticleMentions {
  /** Opaque key of the article (a URI string in the editor). */
  file: string;
  mentions: readonly ShownMention[];
  orphans: readonly Orphan[];
  /** Line number (0-based) and text of the line of each mention, aligned with `mentions`. */
  previews?: readonly LinePreview[];
}

export interface Orphan {
  id: string;
  text: string;
  entity: string;
}

export interface LinePreview {
  line: number;
  preview: string;
}

export interface MentionRef {
  file: string;
  mention: ShownMention;
  preview?: LinePreview;
}

export interface EntityGroup {
  entity: string;
  name: string;
  kind: Kind;
  type: EntityType;
  qid: string | null;
  mentions: MentionRef[];
  confirmed: number;
  suggested: number;
}

export interface TypeGroup {
  kind: Kind;
  type: EntityType;
  entities: EntityGroup[];
  count: number;
}

export interface KindGroup {
  kind: Kind;
  types: TypeGroup[];
  count: number;
}

export interface Outline {
  kinds: KindGroup[];
  orphans: Array<Orphan & { file: string }>;
  confirmed: number;
  suggested: number;
}

/** What the outline needs to know about entities (EntityDirectory fits). */
export interface EntityNames {
  get(id: string): Pick<EntityInfo, 'name' | 'aliases' | 'qid'> | undefined;
}

const TYPE_ORDER: readonly EntityType[] = [...ACTOR_TYPES, ...AGREEMENT_TYPES];

/**
 * Groups the mentions of `articles`. With a filter, an entity stays when its
 * name, an alias, its id or QID, or one of its mentions' text contains the
 * filter (case and width insensitive); it then keeps all its mentions.
 */
export function outline(articles: readonly ArticleMentions[], names: EntityNames, filter = ''): Outline {
  const needle = fold(filter.trim());
  const groups = new Map<string, EntityGroup>();
  for (const a of articles) {
    a.mentions.forEach((m, i) => {
      const key = `${m.type}\u0000${m.entity}`;
      let g = groups.get(key);
      if (!g) {
        const info = names.get(m.entity);
        g = { entity: m.entity, name: info?.name ?? m.text, kind: m.kind, type: m.type, qid: m.qid ?? info?.qid ?? null, mentions: [], confirmed: 0, suggested: 0 };
        groups.set(key, g);
      }
      g.mentions.push({ file: a.file, mention: m, preview: a.previews?.[i] });
      if (m.status === 'confirmed') g.confirmed++;
      else g.suggested++;
    });
  }
  const kept = [...groups.values()].filter((g) => !needle || entityMatches(g, names, needle));
  kept.sort((a, b) => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name));

  const kinds: KindGroup[] = [];
  for (const kind of KINDS) {
    const types: TypeGroup[] = [];
    for (const type of TYPE_ORDER) {
      const entities = kept.filter((g) => g.kind === kind && g.type === type);
      if (entities.length) types.push({ kind, type, entities, count: sum(entities) });
    }
    if (types.length) kinds.push({ kind, types, count: types.reduce((n, t) => n + t.count, 0) });
  }
  const orphans = articles
    .flatMap((a) => a.orphans.map((o) => ({ ...o, file: a.file })))
    .filter((o) => !needle || fold(o.text).includes(needle) || fold(names.get(o.entity)?.name ?? o.entity).includes(needle));
  return {
    kinds,
    orphans,
    confirmed: kept.reduce((n, g) => n + g.confirmed, 0),
    suggested: kept.reduce((n, g) => n + g.suggested, 0),
  };
}

/** Line number and a short, single-line excerpt around each span (code point offsets), for lists of mentions. */
export function linePreviews(text: string, spans: readonly { start: number; end: number }[], width = 80): LinePreview[] {
  const index = new OffsetIndex(text);
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  return spans.map((span) => {
    const start = index.toUtf16(span.start);
    const end = index.toUtf16(span.end);
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (lineStarts[mid] <= start) lo = mid;
      else hi = mid - 1;
    }
    const lineStart = lineStarts[lo];
    const lineEnd = lo + 1 < lineStarts.length ? lineStarts[lo + 1] - 1 : text.length;
    // Keep the mention visible on long lines: start a little before it.
    const from = snap(text, Math.max(lineStart, Math.min(start - 20, lineEnd - width)));
    const to = snap(text, Math.min(lineEnd, Math.max(from + width, end)));
    const excerpt = text.slice(from, to).replace(/\s+/g, ' ').trim();
    return { line: lo, preview: (from > lineStart ? '…' : '') + excerpt + (to < lineEnd ? '…' : '') };
  });
}

/** Never cut a surrogate pair in half. */
function snap(text: string, u: number): number {
  const c = text.charCodeAt(u);
  return c >= 0xdc00 && c <= 0xdfff ? u - 1 : u;
}

function entityMatches(g: EntityGroup, names: EntityNames, needle: string): boolean {
  const info = names.get(g.entity);
  const fields = [g.name, g.entity, g.qid ?? '', ...(info?.aliases ?? []), ...g.mentions.map((m) => m.mention.text)];
  return fields.some((f) => fold(f).includes(needle));
}

function fold(s: string): string {
  return s.normalize('NFKC').toLowerCase();
}

function sum(entities: EntityGroup[]): number {
  return entities.reduce((n, g) => n + g.mentions.length, 0);
}
