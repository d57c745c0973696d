/**
 * recognize(text, kb) → mentions of actors and agreements, following the
 * annotation guidelines. Matching runs on the normalized view; offsets come
 * back as code points of the original text (BOM excluded by the caller).
 *
 * Order: dictionary names, compounds, fixed patterns and composed
 * organizations compete leftmost-longest (pass 1); the entities found there
 * license contextual forms (surnames such as 岩屋) and decide ambiguous ones;
 * title patterns, surnames and readings fill the gaps (pass 2); agreements
 * are a separate layer that may contain actors (北露条約 → 北, 露).
 */
import type { KnowledgeBase } from '../kb';
import type { Mention } from '../model';
import { kindOf } from '../model';
import { normalize } from '../text/normalize';
import { OffsetIndex } from '../text/offsets';
import { isKanji, isKatakana } from '../text/script';
import { compoundCands, composedOrgCands, dictionaryCands, englishComposedCands, fixedPatternCands, caseOk, part } from './actors';
import { recognizeAgreements } from './agreements';
import { bodyCands } from './bodies';
import { scan } from './candidates';
import { compile } from './compile';
import { boundaryOk, code, type Ctx } from './context';
import { lexicon } from './lexicon';
import { maskMarkup } from './markup';
import { withParties } from './parties';
import { bylineCands, givenNameCands, readingCands, surnameCands, surnameOf, titlePatternCands } from './people';
import { chooseLeftmostLongest, PRIO, type Cand, type Part } from './span';

export { compile } from './compile';

export function recognize(text: string, kb: KnowledgeBase): Mention[] {
  const ckb = compile(kb);
  const { text: normalized, origin } = normalize(text);
  const t = maskMarkup(normalized);
  const ctx: Ctx = { t, raw: normalized, orig: text, origin, ckb, hits: scan(t, ckb) };

  const base = [...dictionaryCands(ctx), ...compoundCands(ctx), ...fixedPatternCands(ctx), ...composedOrgCands(ctx), ...englishComposedCands(ctx)];
  const pass1 = chooseLeftmostLongest([...base]);
  const present = new Set<string>();
  for (const c of pass1) for (const p of c.parts) present.add(p.entity);

  const taken1 = coverage(pass1);
  const extra = [...contextualCands(ctx, present), ...titlePatternCands(ctx, taken1), ...bylineCands(ctx, taken1), ...givenNameCands(ctx, taken1), ...bodyCands(ctx)];
  let chosen = chooseLeftmostLongest([...base, ...extra].map((c) => preferPresent(c, present, ctx)));

  // Surnames of the people found so far, then readings in parentheses.
  const parts = partsOf(chosen);
  const people = parts.filter((p) => p.type === 'person');
  const named = people.map((p) => ({ name: t.slice(p.s, p.e), entity: p }));
  const more = [...surnameCands(ctx, named), ...readingCands(ctx, people), ...afterActorCands(ctx, parts)];
  if (more.length) chosen = fillGaps(chosen, more);

  const actors = linkSurnames(ctx, more.length ? partsOf(chosen) : parts);
  const inOrganization = new Uint8Array(t.length + 1);
  for (const p of actors) if (p.type === 'organization') inOrganization.fill(1, p.s, p.e);
  const agreements = recognizeAgreements(ctx, inOrganization, docKey(text));
  return withParties(text, toMentions(text, origin, [...actors, ...agreements]), kb);
}

function partsOf(cands: Cand[]): Part[] {
  const out: Part[] = [];
  for (const c of cands) for (const p of c.parts) out.push(p);
  return out;
}

/**
 * A short name is the person named in full before it: ベロウソフ氏 after アンドレイ・ベロウソフ,
 * 조 장관 after 조창래, 中谷 after 中谷元 — whatever the knowledge base would have guessed for
 * the bare surname. Several full names with that surname: the most mentioned so far, then the one
 * named first (the article's subject, not a figure of an aside).
 */
function linkSurnames(ctx: Ctx, parts: Part[]): Part[] {
  const t = ctx.t;
  const bySurname = new Map<string, Map<string, { part: Part; count: number; first: number }>>();
  const note = (surname: string, p: Part, at: number) => {
    const m = bySurname.get(surname) ?? bySurname.set(surname, new Map()).get(surname)!;
    const seen = m.get(p.entity);
    m.set(p.entity, { part: p, count: (seen?.count ?? 0) + 1, first: seen?.first ?? at });
  };
  return parts.map((p, at) => {
    if (p.type !== 'person') return p;
    const name = t.slice(p.s, p.e);
    const candidates = bySurname.get(name);
    if (candidates) {
      const best = [...candidates.values()].sort((a, b) => b.count - a.count || a.first - b.first)[0].part;
      return best.entity === p.entity ? p : { ...p, entity: best.entity, qid: best.qid };
    }
    const sur = surnameOf(name);
    if (sur) note(sur, p, at);
    // CJK names start with the surname: 조창래 → 조, 中谷元 → 中谷 (one or two characters);
    // not a transliterated foreign surname (이시바 for Ishiba is a knowledge-base alias, not a full name).
    if (!/[\s・a-z]/.test(name) && name.length >= 3 && isFullCjkName(ctx, p.entity, name)) {
      note(name.slice(0, 1), p, at);
      note(name.slice(0, 2), p, at);
    }
    return p;
  });
}

/** Whether a CJK name is a full name as written (조창래, 中谷元), so its first one or two characters are a surname. */
function isFullCjkName(ctx: Ctx, entity: string, name: string): boolean {
  const i = ctx.ckb.indexOf.get(entity);
  if (i === undefined) return true; // found by a title pattern: written as the article wrote it
  const e = ctx.ckb.entities[i];
  return [e.names.ja, e.names.ko, e.names.zh].some((forms) => forms?.some((f) => f.replace(/\s/g, '') === name && !/\s/.test(f)));
}

/** The first chosen mention overlapping [s, e), if any (chosen spans are sorted and disjoint: binary search). */
function coverage(chosen: Cand[]): (s: number, e: number) => Part | undefined {
  const spans = chosen.filter((c) => c.parts.length);
  return (s, e) => {
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (spans[mid].e <= s) lo = mid + 1;
      else hi = mid;
    }
    return lo < spans.length && spans[lo].s < e ? spans[lo].parts[0] : undefined;
  };
}

/**
 * Contextual forms count after a title or honorific (岩屋外相, 林氏) or when
 * their entity is already present in the article.
 */
function contextualCands(ctx: Ctx, present: Set<string>): Cand[] {
  const out: Cand[] = [];
  const titleStarts = new Set(ctx.hits.titles.map((h) => h.s));
  const actorEnds = new Map<number, number>();
  for (const h of ctx.hits.free) if (ctx.ckb.entities[h.ref.entity].kind === 'actor') actorEnds.set(h.s, Math.max(h.e, actorEnds.get(h.s) ?? 0));
  for (const h of ctx.hits.contextual) {
    const ent = ctx.ckb.entities[h.ref.entity];
    if (!boundaryOk(ctx, h.s, h.e) || !caseOk(ctx, h.s, h.e, h.ref)) continue;
    // 【ソウル=共同】: an agency's short name in a dateline is as good as a title.
    const dateline = ctx.t[h.s - 1] === '=' && '】)'.includes(ctx.t[h.e] ?? '');
    // Titles license people's short names only (共同 before 記者会見 is not the agency).
    const titled = dateline || (ent.type === 'person' && titleAfter(ctx, h.e, titleStarts, actorEnds));
    if (!titled && !present.has(ent.id)) continue;
    // One-syllable surnames (이, 시, 조, 林) are ordinary words unless a title follows.
    if (!titled && h.e - h.s === 1) continue;
    if (isKatakana(code(ctx, h.e)) && !titled) continue;
    out.push({ s: h.s, e: h.e, prio: present.has(ent.id) ? PRIO.dictionary + 0.5 : PRIO.contextual, parts: [part(ctx, h.s, h.e, h.ref.entity)] });
  }
  return out;
}

/**
 * Whether a title follows `e`: right after it (岩屋外相), after a space (조 장관), or after
 * words that name a body or country (조현 외교부 장관, 王毅中国外相).
 */
function titleAfter(ctx: Ctx, e: number, titleStarts: Set<number>, actorEnds: Map<number, number>): boolean {
  let pos = e;
  for (let hops = 0; hops < 3; hops++) {
    if (ctx.t[pos] === ' ') pos++;
    if (titleStarts.has(pos)) return true;
    const next = actorEnds.get(pos);
    if (next === undefined) return false;
    pos = next;
  }
  return false;
}

/** Between two readings of the same span, the entity already present in the article wins (林鄭月娥 for To Lam in a To Lam story). */
function preferPresent(c: Cand, present: Set<string>, ctx: Ctx): Cand {
  if (!c.alternatives || present.has(c.parts[0].entity)) return c;
  const other = c.alternatives.find((i) => present.has(ctx.ckb.entities[i].id) && ctx.ckb.entities[i].kind === 'actor');
  return other === undefined ? c : { ...c, parts: [part(ctx, c.s, c.e, other)] };
}

/**
 * 中谷元日本国防衛大臣: a kanji name right after another actor's name is a name, although a
 * kanji before a kanji name normally means it sits inside a longer word.
 */
function afterActorCands(ctx: Ctx, parts: Part[]): Cand[] {
  const ends = new Set(parts.map((p) => p.e));
  const out: Cand[] = [];
  for (const h of ctx.hits.free) {
    if (!ends.has(h.s) || !isKanji(code(ctx, h.s)) || ctx.ckb.entities[h.ref.entity].kind !== 'actor') continue;
    out.push({ s: h.s, e: h.e, prio: PRIO.dictionary, parts: [part(ctx, h.s, h.e, h.ref.entity)] });
  }
  return out;
}

/** Add candidates only where nothing was chosen. */
function fillGaps(chosen: Cand[], more: Cand[]): Cand[] {
  const taken = coverage(chosen);
  const add = chooseLeftmostLongest(more.filter((c) => !taken(c.s, c.e)));
  return [...chosen, ...add].sort((a, b) => a.s - b.s);
}

/** A short key of the article, so local ids of unnamed agreements never collide across files (a sampled hash: ids, not integrity). */
function docKey(text: string): string {
  let h = Math.imul(0x811c9dc5 ^ text.length, 0x01000193);
  for (let i = 0; i < text.length; i += 7) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return 'doc-' + (h >>> 0).toString(16).padStart(8, '0');
}

function toMentions(text: string, origin: Int32Array, parts: Part[]): Mention[] {
  const index = new OffsetIndex(text);
  const out: Mention[] = [];
  const seen = new Set<number>();
  for (const p of parts) {
    const s16 = origin[p.s];
    const e16 = origin[p.e];
    if (e16 <= s16) continue;
    const kind = kindOf(p.type);
    const key = (s16 * 4096 + (e16 - s16)) * 2 + (kind === 'actor' ? 0 : 1);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      start: index.toCodePoint(s16),
      end: index.toCodePoint(e16),
      text: text.slice(s16, e16),
      kind,
      type: p.type,
      entity: p.entity,
      qid: p.qid,
    });
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

