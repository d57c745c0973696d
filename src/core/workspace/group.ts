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
  /** Line number (0-based) and text of the line of each mention, aligned with `mentions` (open articles). */
  previews?: readonly LinePreview[];
  /**
   * Without `previews`, the line number of each mention, aligned with `mentions` (articles summarized
   * from disk: their excerpts are made when a list shows them, see readPreviews in summary.ts).
   */
  lines?: readonly number[];
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
  /** 0-based, when known. */
  line?: number;
  /** The excerpt of its line (LinePreview.preview); filled in when first shown for articles summarized from disk. */
  preview?: string;
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
  /** Agreements: their parties (from their mentions' `parties`), named. */
  parties?: NamedRef[];
  /** Countries and organizations: the agreements of the outline they are party to. */
  partyTo?: NamedRef[];
}

/** Another entity as a group lists it. */
export interface NamedRef {
  entity: string;
  name: string;
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
      g.mentions.push({ file: a.file, mention: m, ...lineOf(a, i) });
      if (m.status === 'confirmed') g.confirmed++;
      else g.suggested++;
    });
  }
  linkParties(groups, names);
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

/** Agreements' parties and actors' agreements, both ways, in order of first mention. */
function linkParties(groups: Map<string, EntityGroup>, names: EntityNames): void {
  const byEntity = new Map<string, EntityGroup>();
  const actorsOf = new Map<string, EntityGroup[]>();
  for (const g of groups.values()) {
    if (!byEntity.has(g.entity)) byEntity.set(g.entity, g);
    if (g.kind === 'actor') (actorsOf.get(g.entity) ?? actorsOf.set(g.entity, []).get(g.entity)!).push(g);
  }
  const nameOf = (id: string) => names.get(id)?.name ?? byEntity.get(id)?.name ?? id;
  for (const g of groups.values()) {
    if (g.kind !== 'agreement') continue;
    // Mentions of one document share one array: each distinct array is read once.
    const ids: string[] = [];
    const read = new Set<readonly string[]>();
    for (const ref of g.mentions) {
      const list = ref.mention.parties;
      if (!list || read.has(list)) continue;
      read.add(list);
      for (const p of list) if (!ids.includes(p)) ids.push(p);
    }
    if (ids.length) g.parties = ids.map((id) => ({ entity: id, name: nameOf(id) }));
    describeUnnamed(g, names);
    if (!ids.length) continue;
    for (const id of ids) {
      for (const actor of actorsOf.get(id) ?? []) {
        actor.partyTo ??= [];
        if (!actor.partyTo.some((r) => r.entity === g.entity)) actor.partyTo.push({ entity: g.entity, name: g.name });
      }
    }
  }
}

/**
 * A document found by its head noun only (성명, 協定: a generated id, with a colon) is named
 * by its fullest mention and its parties — 공동성명 (South Korea, United States, Japan) —
 * not by its first bare head, so that two such documents read apart.
 */
function describeUnnamed(g: EntityGroup, names: EntityNames): void {
  if (!g.entity.includes(':')) return;
  const texts = g.mentions.map((r) => r.mention.text);
  const info = names.get(g.entity);
  if (info && !texts.includes(info.name)) return;
  const fullest = texts.reduce((a, b) => (b.length > a.length ? b : a), texts[0] ?? g.name);
  g.name = g.parties?.length ? `${fullest} (${g.parties.map((p) => p.name).join(', ')})` : fullest;
}

/** Mention i's line and, where the article has previews (open articles), its excerpt. */
export function lineOf(a: Pick<ArticleMentions, 'previews' | 'lines'>, i: number): { line?: number; preview?: string } {
  const p = a.previews?.[i];
  return p ? { line: p.line, preview: p.preview } : { line: a.lines?.[i] };
}

/** The line number (0-based) of each span (code point offsets): linePreviews' lines without their excerpts. */
export function mentionLines(text: string, spans: readonly { start: number }[]): number[] {
  const index = new OffsetIndex(text);
  const lineStarts = lineStartsOf(text);
  return spans.map((span) => lineAt(lineStarts, index.toUtf16(span.start)));
}

/** UTF-16 offset where each line starts. */
function lineStartsOf(text: string): number[] {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  return lineStarts;
}

/** The line of UTF-16 offset `u`: the last line starting at or before it. */
function lineAt(lineStarts: readonly number[], u: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (lineStarts[mid] <= u) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Line number and a short, single-line excerpt around each span (code point offsets), for lists of mentions. */
export function linePreviews(text: string, spans: readonly { start: number; end: number }[], width = 80): LinePreview[] {
  const index = new OffsetIndex(text);
  const lineStarts = lineStartsOf(text);
  return spans.map((span) => {
    const start = index.toUtf16(span.start);
    const end = index.toUtf16(span.end);
    const lo = lineAt(lineStarts, start);
    const lineStart = lineStarts[lo];
    const lineEnd = lo + 1 < lineStarts.length ? lineStarts[lo + 1] - 1 : text.length;
    // Markup on either side is read for its text only; the mention itself is kept as written. Only
    // a window of the line is read: a paragraph-long line with many mentions would be quadratic.
    // A short window first (most lines are mostly text); the long one where markup left too little
    // of it (a preview keeps at most `width` characters on a side, so twice that is plenty).
    const side = (w: number) => ({
      before: stripMarkup(text.slice(Math.max(lineStart, start - w), start), 'before'),
      after: stripMarkup(text.slice(end, Math.min(lineEnd, end + w)), 'after'),
    });
    let { before, after } = side(3 * width);
    const short = (s: string, from: number, to: number) => s.length < 2 * width && to - from > 3 * width;
    if (short(before, lineStart, start) || short(after, end, lineEnd)) ({ before, after } = side(12 * width));
    const mention = text.slice(start, end).replace(SPACES, ' ');
    // Keep the mention visible on long lines: start a little before it.
    const room = Math.max(0, width - mention.length);
    const lead = Math.min(before.length, Math.max(20, room - after.length));
    const from = snap(before, before.length - lead);
    const head = before.slice(from);
    const to = snap(after, Math.min(after.length, Math.max(0, room - head.length)));
    const excerpt = (head + mention + after.slice(0, to)).replace(SPACES, ' ').trim();
    return { line: lo, preview: (from > 0 ? '…' : '') + excerpt + (to < after.length ? '…' : '') };
  });
}

const INLINE = new Set(['a', 'b', 'i', 'u', 's', 'em', 'strong', 'span', 'mark', 'code', 'small', 'sup', 'sub', 'ruby', 'rt', 'rp', 'font']);
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * The readable text of a piece of a line of HTML or markdown: tags (with
 * their attributes), a tag cut by the line's edge, comments, entities,
 * heading, quote and list markers, emphasis, code ticks, links and images.
 * `side` says which end touches the mention, where nothing is trimmed.
 */
export function stripMarkup(s: string, side: 'before' | 'after' | 'whole' = 'whole'): string {
  // Plain text (most of it) has none of the characters the markup rules look for.
  let t = !MARKUP_CHAR.test(s) ? s : s
    .replace(/<!--.*?(-->|$)/g, ' ')
    // Inline tags join the words they wrap (공동성명</b>을); others separate them.
    .replace(/<\/?([A-Za-z][A-Za-z0-9]*)[^<>]*>/g, (_, tag: string) => (INLINE.has(tag.toLowerCase()) ? '' : ' '))
    // A tag that began on an earlier line or goes on to the next one.
    .replace(/^[^<>]*?(?:="[^"]*"|='[^']*'|["'])\/?>/, ' ')
    .replace(/<\/?[A-Za-z][^<>]*$/, ' ')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (m, e: string) => decodeEntity(e) ?? m)
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|~~|`)/g, '');
  if (side !== 'after') t = t.replace(/^\s*(?:#{1,6}\s+|>\s*|[-*+]\s+|\d+[.)]\s+)+/, '');
  t = t.replace(BLANKS, ' ');
  if (side === 'before') return t.replace(/^ /, '');
  if (side === 'after') return t.replace(/ $/, '');
  return t.trim();
}

const MARKUP_CHAR = /[<>&[*_~`]/;

// Every run of white space (SPACES) or of blanks (BLANKS) as one space, written so that a single
// space, most of them, is no match: such a replace copies nothing when there is nothing to change.
const SPACES = / \s+|[^\S ]\s*/g;
const BLANKS = / [ \t\u00a0]+|[\t\u00a0][ \t\u00a0]*/g;

function decodeEntity(e: string): string | undefined {
  if (e[0] === '#') {
    const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : undefined;
  }
  return ENTITIES[e.toLowerCase()];
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
