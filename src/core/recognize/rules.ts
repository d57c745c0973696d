/**
 * The rules of one region that combine candidates: contextual forms, the
 * present entity between two readings, names right after an actor, and
 * filling gaps. They read the region's text and what the article names.
 */
import { isHangul, isHiragana, isKanji, isKatakana, isLatinWordChar, MIDDLE_DOT } from '../text/script';
import { part, caseOk } from './actors';
import { boundaryOk, code, type Ctx } from './context';
import { foreignNameWord, koreanWordEndsAt } from './korean';
import { patternPersonId } from './people';
import placesData from '../kb/data/places.json';
import { lexicon } from './lexicon';
import { normalizeForm } from '../text/normalize';
import { chooseLeftmostLongest, PRIO, type Cand, type Part } from './span';

export function partsOf(cands: Cand[]): Part[] {
  const out: Part[] = [];
  for (const c of cands) for (const p of c.parts) out.push(p);
  return out;
}

/** The first chosen mention overlapping [s, e), if any (chosen spans are sorted and disjoint: binary search). */
export function coverage(chosen: Cand[]): (s: number, e: number) => Part | undefined {
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

/** 【ワシントン共同】, 【アスタナ時事】: the agency's short name right after the place, closing the bracket. */
function placeDateline(ctx: Ctx, s: number, e: number): boolean {
  if (ctx.t[e] !== '】') return false;
  const open = ctx.t.lastIndexOf('【', s - 1);
  if (open < 0 || s - open < 2 || s - open > 13) return false;
  for (let i = open + 1; i < s; i++) {
    const c = code(ctx, i);
    if (!(isKatakana(c) || isKanji(c) || c === MIDDLE_DOT)) return false;
  }
  return true;
}

/** Follow us on X and Facebook: another platform's name right before or after, joined by a list word. */
function besidePlatform(ctx: Ctx, s: number, e: number): boolean {
  const platform = (h: { ref: { entity: number } }) => lexicon.platforms.has(ctx.ckb.entities[h.ref.entity].id);
  for (const h of ctx.hits.free) {
    if (!platform(h)) continue;
    const between = h.s >= e ? ctx.t.slice(e, h.s) : h.e <= s ? ctx.t.slice(h.e, s) : null;
    if (between !== null && LIST_JOINS.has(between)) return true;
  }
  return false;
}
const LIST_JOINS = new Set([' and ', ' & ', ', ', ',', ' or ', ' · ', ' | ', ' / ', '/', '、', '・', ' ', '와 ', '과 ', 'と']);

/** …と述べた。（共同）: a body's short name alone in brackets after a sentence, ending its line, credits the story to it. */
function credit(ctx: Ctx, s: number, e: number): boolean {
  if (ctx.t[s - 1] !== '(' || ctx.t[e] !== ')') return false;
  const before = ctx.t[s - 2];
  const after = ctx.t[e + 1];
  return (before === undefined || '。.!?！？」\n '.includes(before)) && (after === undefined || after === '\n' || after === ' ');
}

/**
 * Contextual forms count after a title or honorific (岩屋外相, 林氏) or when
 * their entity is already present in the article.
 */
export function contextualCands(ctx: Ctx, present: Set<string>): Cand[] {
  const out: Cand[] = [];
  const titleStarts = new Set(ctx.hits.titles.map((h) => h.s));
  const actorEnds = new Map<number, number>();
  for (const h of ctx.hits.free) if (ctx.ckb.entities[h.ref.entity].kind === 'actor') actorEnds.set(h.s, Math.max(h.e, actorEnds.get(h.s) ?? 0));
  for (const h of ctx.hits.contextual) {
    const ent = ctx.ckb.entities[h.ref.entity];
    if (!boundaryOk(ctx, h.s, h.e) || !caseOk(ctx, h.s, h.e, h.ref)) continue;
    // 【ソウル=共同】: an agency's short name in a dateline is as good as a title.
    const dateline =
      (ctx.t[h.s - 1] === '=' && '】)'.includes(ctx.t[h.e] ?? '')) || placeDateline(ctx, h.s, h.e) || (ent.type === 'organization' && credit(ctx, h.s, h.e)) ||
      (lexicon.platforms.has(ent.id) && besidePlatform(ctx, h.s, h.e));
    // Titles license people's short names only (共同 before 記者会見 is not the agency).
    // 박진, GCC 사무총장과 면담: a person's short name opening a headline before a comma is its subject.
    const headline = ent.type === 'person' && (h.s === 0 || ctx.t[h.s - 1] === '\n') && ctx.t[h.e] === ',' && h.e - h.s >= 2;
    const titled = dateline || headline || (ent.type === 'person' && titleAfter(ctx, h.e, titleStarts, actorEnds));
    if (!titled && !present.has(ent.id)) continue;
    // 김 대변인: a one-syllable Korean surname and a title name someone of that name, not the one the
    // knowledge base knows, unless the article names that person (김민석 총리 … 김 총리).
    if (!present.has(ent.id) && h.e - h.s === 1 && isHangul(code(ctx, h.s)) && ent.type === 'person') {
      const name = ctx.t.slice(h.s, h.e);
      out.push({ s: h.s, e: h.e, prio: PRIO.contextual, parts: [{ s: h.s, e: h.e, entity: patternPersonId(name), type: 'person', qid: null }] });
      continue;
    }
    // One-syllable surnames (이, 시, 조, 林) are ordinary words unless a title follows; a Hanja
    // surname standing alone among Hangul, spaces or punctuation is the press's short form of a
    // person the article names (尹, 한미동맹 강화 / 尹 "…" / 尹정부), never a word there.
    if (!titled && h.e - h.s === 1 && !(present.has(ent.id) && lonelyHanja(ctx, h.s))) continue;
    if (isKatakana(code(ctx, h.e)) && !titled) continue;
    out.push({ s: h.s, e: h.e, prio: present.has(ent.id) ? PRIO.dictionary + 0.5 : PRIO.contextual, parts: [part(ctx, h.s, h.e, h.ref.entity)] });
  }
  return out;
}

/** A kanji with no kanji, kana or Latin letter on either side (a Hanja abbreviation in Korean text or a headline). */
function lonelyHanja(ctx: Ctx, s: number): boolean {
  if (!isKanji(code(ctx, s))) return false;
  const word = (c: number) => isKanji(c) || isKatakana(c) || isHiragana(c) || isLatinWordChar(c);
  // Not a credit (文＝山田, 写真: …).
  const next = ctx.t[s + 1] ?? '';
  return !word(code(ctx, s - 1)) && !word(code(ctx, s + 1)) && next !== '=' && next !== ':';
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
export function preferPresent(c: Cand, present: Set<string>, ctx: Ctx): Cand {
  if (!c.alternatives || present.has(c.parts[0].entity)) return c;
  const other = c.alternatives.find((i) => present.has(ctx.ckb.entities[i].id) && ctx.ckb.entities[i].kind === 'actor');
  return other === undefined ? c : { ...c, parts: [part(ctx, c.s, c.e, other)] };
}

/**
 * 中谷元日本国防衛大臣: a kanji name right after another actor's name is a name, although a
 * kanji before a kanji name normally means it sits inside a longer word.
 */
export function afterActorCands(ctx: Ctx, parts: Part[]): Cand[] {
  const ends = new Set(parts.map((p) => p.e));
  const out: Cand[] = [];
  for (const h of ctx.hits.free) {
    if (!ends.has(h.s) || !isKanji(code(ctx, h.s)) || ctx.ckb.entities[h.ref.entity].kind !== 'actor') continue;
    out.push({ s: h.s, e: h.e, prio: PRIO.dictionary, parts: [part(ctx, h.s, h.e, h.ref.entity)] });
  }
  return out;
}

/** Add candidates only where nothing was chosen. */
export function fillGaps(chosen: Cand[], more: Cand[]): Cand[] {
  const taken = coverage(chosen);
  const add = chooseLeftmostLongest(more.filter((c) => !taken(c.s, c.e)));
  return [...chosen, ...add].sort((a, b) => a.s - b.s);
}

/**
 * 중국 외교부장, 国防部長: a title word that begins with the whole last word of an organization's
 * name and runs on past it (외교부 + 장 = 외교부장, the foreign minister) makes that name no body:
 * a span never ends inside a word. A title that begins inside the body's word leaves the body
 * (국가안보실 + 실장), and so does a title right after the body that runs at least as far
 * (国防部 + 長官 in 国防部長官, 국방부 + 장관 in 국방부장관).
 */
export function withoutTitleCuts(ctx: Ctx, cands: Cand[]): Cand[] {
  if (!ctx.hits.titles.length) return cands;
  const titlesAt = new Map<number, number[]>();
  // Positions strictly inside a title word: only a name ending there can be cut.
  const inside = new Set<number>();
  for (const h of ctx.hits.titles) {
    const a = titlesAt.get(h.s);
    if (a) a.push(h.e);
    else titlesAt.set(h.s, [h.e]);
    for (let p = h.s + 1; p < h.e; p++) inside.add(p);
  }
  let freeEnds: Set<number> | undefined;
  const cut = (c: Cand): boolean => {
    if (!inside.has(c.e) || c.parts.length !== 1 || c.parts[0].type !== 'organization') return false;
    const last = code(ctx, c.e - 1);
    const hangul = isHangul(last);
    if (!hangul && !isKanji(last)) return false;
    // The last word of the name: after its last space (중국 외교부 → 외교부), or a known actor's end (中国外交部 → 外交部).
    const space = ctx.t.lastIndexOf(' ', c.e - 1);
    const starts = [space >= c.s ? space + 1 : c.s];
    if (!hangul) {
      freeEnds ??= new Set(ctx.hits.free.map((h) => h.e));
      for (let p = c.s + 1; p < c.e - 1; p++) if (freeEnds.has(p)) starts.push(p);
    }
    // 国防部長官, 외교부장관: a title right after the name that runs at least as far (長官, 장관) reads the name as a body.
    const after = Math.max(0, ...(titlesAt.get(c.e) ?? []));
    return starts.some((w) => (titlesAt.get(w) ?? []).some((te) => te > c.e && te > after && (!hangul || koreanWordEndsAt(ctx.t, te))));
  };
  return cands.filter((c) => !cut(c));
}

/** Cities and places (kb/data/places.json), normalized: a name in parentheses that is one is the body's seat. */
const PLACES = new Set(placesData.places.flatMap((p) => [...p.ja, ...p.ko]).map(normalizeForm));

/**
 * 카자흐스탄 국영광물공사(타우켄 삼루크), 国際協力機構（ジャイカ）: a name of one to three words in
 * Hangul or katakana in parentheses right after an organization is its own name, a mention of
 * the same body (guidelines, Actor spans 8). Words of the language (현지시간, 가칭, 옛, 사장)
 * make no name; Latin short names are the acronym step's.
 */
export function orgReadingCands(ctx: Ctx, parts: Part[]): Cand[] {
  const out: Cand[] = [];
  for (const p of parts) {
    if (p.type !== 'organization' || ctx.t[p.e] !== '(') continue;
    const close = ctx.t.indexOf(')', p.e + 1);
    if (close < 0 || close - p.e > 24) continue;
    const inner = ctx.t.slice(p.e + 1, close);
    const words = inner.split(' ');
    if (words.length > 3) continue;
    const hangul = words.every((w) => /^[\uac00-\ud7a3]{2,8}$/.test(w));
    const kana = /^[\u30a1-\u30fa\u30fc\u30fb]{2,16}$/.test(inner);
    if ((!hangul && !kana) || words.some((w) => lexicon.parentheticalWords.has(w))) continue;
    // 한국석유공사(울산), 国際協力機構（東京）: a place (the city of its seat) is no other name; one Korean word of
    // two syllables, or one ending in an administrative unit (창원시, 살타주), is a place or an abbreviation as
    // often as a name (무협 and 울산 read the same).
    if (PLACES.has(inner) || (hangul && words.length === 1 && (inner.length < 3 || /[시군구도동읍면주성현]$/.test(inner)))) continue;
    if (hangul) {
      // One Korean word must look foreign (no common noun, title or particle ending); two or more each be name words.
      if (!words.every((w) => foreignNameWord(w, true) && !lexicon.titles.ko.includes(w) && !lexicon.genericBodyNames.ko.has(w))) continue;
      if (words.some((w) => lexicon.koreanEndings.some((x) => w.endsWith(x)))) continue;
    }
    out.push({ s: p.e + 1, e: close, prio: PRIO.pattern, parts: [{ ...p, s: p.e + 1, e: close }] });
  }
  return out;
}
