/**
 * People the knowledge base does not know: a name before a title (ノ・グァンチョル
 * 国防相, 조구래 외교부 본부장) or after one (President Jane Doe), then later
 * mentions of the same surname in the article (ベロウソフ, Doe). Also the
 * reading in parentheses after a person's name (中谷元(なかたに・げん)).
 */
import { isDigit, isHangul, isHiragana, isKanji, isKatakana, isLatinLetter, LONG_VOWEL, MIDDLE_DOT } from '../text/script';
import { code, boundaryOk, normalizedAt, type Ctx } from './context';
import { foreignNameAfter, foreignNameBefore, foreignNameWord, koreanEnding, koreanNameWord } from './korean';
import { lexicon } from './lexicon';
import { PRIO, type Cand, type Part } from './span';

const isNameKana = (c: number) => isKatakana(c) || c === MIDDLE_DOT || c === LONG_VOWEL;

/** Id of a person found by pattern: stable across articles for the same spelling. */
export function patternPersonId(name: string): string {
  return 'person:' + name.replace(/\s+/g, ' ').trim();
}

function person(s: number, e: number, name: string): Cand {
  const p: Part = { s, e, entity: patternPersonId(name), type: 'person', qid: null };
  return { s, e, prio: PRIO.pattern, parts: [p] };
}

/** What the dictionary already found overlapping a span (a country before 国防相 is a country, not a name). */
export type Taken = (s: number, e: number) => Part | undefined;

export function titlePatternCands(ctx: Ctx, taken: Taken): Cand[] {
  const out: Cand[] = [];
  // Only the longest title ending at a position counts: 防衛大臣, not 大臣 after 中谷防衛.
  const longestStart = new Map<number, number>();
  for (const h of ctx.hits.titles) longestStart.set(h.e, Math.min(h.s, longestStart.get(h.e) ?? h.s));
  for (const h of ctx.hits.titles) {
    if (longestStart.get(h.e)! < h.s) continue;
    if (h.ref.lang === 'ja') {
      // 主要国首脳会議: a group's title follows no one's name.
      if (lexicon.groupTitles.ja.has(ctx.t.slice(h.s, h.e))) continue;
      const c = japaneseNameBefore(ctx, h.s, taken);
      if (c) out.push(c);
    } else if (h.ref.lang === 'ko') {
      const c = koreanNameBefore(ctx, h.s, h.e, taken) ?? koreanNameAfter(ctx, h.s, h.e, taken);
      if (c) out.push(c);
    } else {
      const c = englishNameAfter(ctx, h.s, h.e, taken);
      if (c) out.push(c);
    }
  }
  if (ctx.t.includes('相')) out.push(...ministerTitleCands(ctx, taken));
  return out;
}

/**
 * シルアノフ財務相, ゴヤル商工相, ジャベル産業・先端技術相: Japanese names a minister by the portfolio and 相,
 * an open class of titles; a katakana name right before such a run of kanji (and dots) is a person.
 * 相 must end its word (相次ぐ, 相手 and 相互 are other words).
 */
const KATAKANA_PORTFOLIOS = [...lexicon.ministryWords.ja].filter((w) => /^[\u30a1-\u30fc]+$/.test(w));

function ministerTitleCands(ctx: Ctx, taken: Taken): Cand[] {
  const out: Cand[] = [];
  const t = ctx.t;
  for (let i = t.indexOf('相'); i !== -1; i = t.indexOf('相', i + 1)) {
    const next = code(ctx, i + 1);
    if (isKanji(next) || isKatakana(next)) continue;
    let k = i;
    while (k > 0 && i - k < 12 && (isKanji(code(ctx, k - 1)) || code(ctx, k - 1) === MIDDLE_DOT)) k--;
    // アブドルアジズ・エネルギー相: a katakana portfolio word (lexicon ministryWords) after the name's dot.
    if (k === i) {
      const w = KATAKANA_PORTFOLIOS.find((x) => t.startsWith(x, i - x.length) && code(ctx, i - x.length - 1) === MIDDLE_DOT);
      if (w) k = i - w.length;
      if (k === i || !isNameKana(code(ctx, k - 2))) continue;
    } else if (code(ctx, k) === MIDDLE_DOT || !isNameKana(code(ctx, k - 1)) || code(ctx, k - 1) === MIDDLE_DOT) continue;
    const c = japaneseNameBefore(ctx, k, taken);
    if (c) out.push(c);
  }
  return out;
}

function japaneseNameBefore(ctx: Ctx, titleStart: number, taken: Taken): Cand | null {
  let e = titleStart;
  // A country between name and title (バイデン米大統領, 習近平中国国家主席) stays outside the name.
  // An actor a particle away belongs to another phrase: アルゼンチンのウェルノ外相.
  for (let back = 1; back <= 6 && e - back >= 0; back++) {
    const p = taken(e - back, e);
    if (!p) continue;
    if (![...ctx.t.slice(p.e, e)].some((ch) => isHiragana(ch.charCodeAt(0)))) e -= back;
    break;
  }
  // …or a body's Latin short name (クワメ・アサンテECOWAS委員長): the name ends before all of it.
  while (e > 0 && isLatinLetter(code(ctx, e - 1)) && taken(e - 1, e)) e--;
  if (ctx.t[e - 1] === MIDDLE_DOT_CHAR) e--;
  const last = code(ctx, e - 1);
  let s = e;
  if (isNameKana(last)) {
    while (s > 0 && isNameKana(code(ctx, s - 1))) s--;
    while (s < e && code(ctx, s) === MIDDLE_DOT) s++;
    if (e - s < 2 || isKatakana(code(ctx, s - 1))) return null;
  } else if (isKanji(last)) {
    while (s > 0 && isKanji(code(ctx, s - 1)) && e - s < 4) s--;
    if (isKanji(code(ctx, s - 1))) return null; // a longer kanji run is a phrase, not a name
    // 岸田前首相: 前/元/現 belong to the title.
    while (e - s > 2 && lexicon.titleBlockers.ja.has(ctx.t[e - 1])) e--;
    const run = ctx.t.slice(s, e);
    if (e - s < 2 || lexicon.titleBlockers.ja.has(ctx.t[s]) || lexicon.titleBlockers.ja.has(run)) return null;
  } else return null;
  // 東アジア首脳会議, アフリカ首脳: a region before the title names no one.
  if (lexicon.regions.ja.includes(ctx.t.slice(s, e))) return null;
  const known = taken(s, e);
  // アヌティン・チャーンウィーラクーン首相: the full name of a person the dictionary knows by part of it.
  if (known && known.type === 'person' && isNameKana(last)) return { s, e, prio: PRIO.pattern, parts: [{ ...known, s, e }] };
  if (known) return null;
  return person(s, e, ctx.t.slice(s, e));
}
const MIDDLE_DOT_CHAR = String.fromCharCode(MIDDLE_DOT);

function koreanNameBefore(ctx: Ctx, titleStart: number, titleEnd: number, taken: Taken): Cand | null {
  // The title ends its word (본부장, 장관은): otherwise it is part of another word.
  const next = code(ctx, titleEnd);
  if (isHangul(next) && !lexicon.particles.ko.some((p) => ctx.t.startsWith(p, titleEnd))) return null;
  let wordStart = titleStart;
  while (wordStart > 0 && isHangul(code(ctx, wordStart - 1))) wordStart--;
  // 박윤주 1차관: an ordinal before the title is part of it.
  while (wordStart > 0 && wordStart === titleStart && isDigit(code(ctx, wordStart - 1)) && ctx.t[wordStart - 2] !== undefined) wordStart--;
  // Walk back over words that are organizations or countries (외교부, 러시아) to the name.
  let pos = wordStart;
  // 압둘아지즈 빈 살만 에너지장관: a portfolio joined to the title (에너지장관, 산업장관) stands for the body.
  let crossed = titleStart - wordStart >= 2 && !lexicon.titleBlockers.ko.has(ctx.t.slice(wordStart, titleStart));
  for (let hops = 0; hops < 4; hops++) {
    // 걸프협력회의(GCC) 사무총장: a short name in parentheses after the body belongs to it.
    const close = ctx.t[pos - 1] === ')' ? pos - 1 : ctx.t[pos - 1] === ' ' && ctx.t[pos - 2] === ')' ? pos - 2 : -1;
    if (close >= 0) {
      const open = ctx.t.lastIndexOf('(', close);
      let w = open;
      while (w > 0 && isHangul(code(ctx, w - 1))) w--;
      if (open < 0 || close - open > 12 || w === open || !taken(w, open)) return null;
      pos = w;
      crossed = true;
      continue;
    }
    if (ctx.t[pos - 1] !== ' ') return null;
    const e = pos - 1;
    let s = e;
    while (s > 0 && isHangul(code(ctx, s - 1))) s--;
    if (s === e) {
      // A body in Latin letters (ADB 총재, AU 집행위원장) is crossed like one in hangul.
      while (s > 0 && (isLatinLetter(code(ctx, s - 1)) || isDigit(code(ctx, s - 1)))) s--;
      const body = s < e && !isHangul(code(ctx, s - 1)) ? taken(s, e) : undefined;
      if (!body || body.type === 'person') return null;
      pos = s;
      crossed = true;
      continue;
    }
    const before = taken(s, e);
    if (before) {
      if (before.type === 'person') {
        // 압바스 아락치 이란 외무장관: a known name with a given name the dictionary spells otherwise before it.
        if (!crossed || before.entity.startsWith('person:') || ctx.t[before.s - 1] !== ' ') return null;
        const f = foreignNameBefore(ctx.t, before.s - 1, (a, b) => !!taken(a, b), 1);
        // Each word a bare name word: 맡은 모하메드 … is a verb form before the name.
        return f && ctx.t.slice(f[0], before.s - 1).split(' ').every((w) => !koreanEnding(w)) ? { s: f[0], e: before.e, prio: PRIO.pattern, parts: [{ ...before, s: f[0], e: before.e }] } : null;
      }
      pos = s;
      crossed = true;
      continue;
    }
    const word = ctx.t.slice(s, e);
    const surname = lexicon.koreanSurnames.has(word.slice(0, 2)) ? 2 : lexicon.koreanSurnames.has(word[0]) ? 1 : 0;
    // NAME BODY TITLE with a foreign name in hangul: 아미나 벨로 남아프리카개발공동체(SADC) 사무총장.
    // A three-syllable word after a foreign-looking one ends a foreign name too (마흐무드 알리 유수프 AU 집행위원장).
    if (crossed) {
      // 무함마드 빈 자이드 알나하얀 UAE 대통령: a known name with one more word of it after.
      const known = ctx.t[s - 1] === ' ' ? taken(s - 2, s - 1) : undefined;
      if (known && known.type === 'person' && known.e === s - 1 && !known.entity.startsWith('person:') && foreignNameWord(word, false)) {
        return { s: known.s, e, prio: PRIO.pattern, parts: [{ ...known, s: known.s, e }] };
      }
      const f = foreignNameBefore(ctx.t, e, (a, b) => !!taken(a, b));
      if (f && (!(surname && word.length === 3 && koreanNameWord(word)) || foreignLead(ctx.t.slice(f[0], s - 1)))) return person(f[0], f[1], ctx.t.slice(f[0], f[1]));
    }
    // AfCFTA 사무국의 웜켈레 메네 사무총장, AU의 하미드 오마르 위원장: a foreign name of two or more words after
    // a body with 의 (a known actor, or a word ending in a body word) and before the title.
    if (!crossed && hops === 0 && ctx.t.lastIndexOf('의 ', s) > s - 40) {
      const f = foreignNameBefore(ctx.t, e, (a, b) => !!taken(a, b));
      // After a body and 의 a lead word of two syllables is foreign enough (아람코의 아민 나세르 최고경영자).
      const foreign = f && (!(surname && word.length === 3 && koreanNameWord(word)) || f[0] < s - 1);
      // No word of it a region or a title of its own (기구의 아프리카 담당 국장, 위원회의 부위원장 겸 대변인).
      const words = f ? ctx.t.slice(f[0], f[1]).split(' ') : [];
      // Portfolio words of two syllables each read the same (사무국의 법률 자문 국장): one word of three or more.
      const nameLike = words.every((w) => !lexicon.regions.ko.includes(w) && !lexicon.titles.ko.some((x) => w.endsWith(x))) && words.some((w) => w.length >= 3);
      if (f && foreign && nameLike && ctx.t[f[0] - 1] === ' ' && ctx.t[f[0] - 2] === '의' && bodyBefore(ctx, f[0] - 2, taken)) return person(f[0], f[1], ctx.t.slice(f[0], f[1]));
    }
    // 조창래 본부장, or 조 본부장 after the full name (linked to it later).
    if (!surname || lexicon.titleBlockers.ko.has(word) || (word.length !== 3 && !(word.length === 1 && hops === 0))) return null;
    if (!boundaryOk(ctx, s, e) || (word.length === 3 && !koreanNameWord(word))) return null;
    // 국 장관: a bare surname needs its full name nearby (조 장관 after 조창래).
    if (word.length === 1 && !fullNameNearby(ctx, word, taken)) return null;
    return person(s, e, word);
  }
  return null;
}

/** Whether a body ends at `e` (before its 의): a known organization or country, or a word ending in a body word (사무국, 위원회). */
function bodyBefore(ctx: Ctx, e: number, taken: Taken): boolean {
  // 미주기구(OAS)의: the short name in parentheses is the body's.
  if (ctx.t[e - 1] === ')') {
    const open = ctx.t.lastIndexOf('(', e - 1);
    const q = open >= 0 && e - open < 14 ? taken(open + 1, e - 1) : undefined;
    return !!q && q.type !== 'person';
  }
  const p = taken(e - 1, e);
  if (p && p.e === e && p.type !== 'person') return true;
  let s = e;
  while (s > 0 && isHangul(code(ctx, s - 1))) s--;
  const word = ctx.t.slice(s, e);
  return word.length >= 2 && [...lexicon.bodySuffixes.ko, ...lexicon.orgSubBodies.ko.keys()].some((b) => word.endsWith(b));
}

/**
 * Whether the words before a Korean-looking last word make a foreign name: two or more, or one of three
 * or more syllables (마흐무드 유수프). foreignNameBefore found them, so none is a common noun, adverb or title word.
 */
function foreignLead(words: string): boolean {
  const ws = words.split(' ');
  return ws.length >= 2 || ws[0].length >= 3;
}

/**
 * BODY TITLE NAME: 국제에너지기구(IEA) 사무총장 파티 비롤은, 외교부 장관 조태열은 — a name after a title
 * that follows a body, ending in a particle.
 */
function koreanNameAfter(ctx: Ctx, titleStart: number, titleEnd: number, taken: Taken): Cand | null {
  const t = ctx.t;
  if (t[titleEnd] !== ' ' || t[titleStart - 1] !== ' ') return null;
  let b = titleStart - 1;
  if (t[b - 1] === ')') b = t.lastIndexOf('(', b - 1);
  let w = b;
  while (w > 0 && (isHangul(code(ctx, w - 1)) || isLatinLetter(code(ctx, w - 1)))) w--;
  const body = w < b ? taken(w, b) : undefined;
  if (!body || body.type === 'person') return null;
  const start = titleEnd + 1;
  if (taken(start, start + 1)) return null;
  let e = start;
  while (isHangul(code(ctx, e))) e++;
  const word = t.slice(start, e);
  for (const p of lexicon.particles.ko) {
    const stem = word.slice(0, word.length - p.length);
    if (word.endsWith(p) && stem.length === 3 && lexicon.koreanSurnames.has(stem[0]) && koreanNameWord(stem) && !lexicon.koreanCommonNouns.has(stem.slice(0, 2))) {
      return person(start, start + 3, stem);
    }
  }
  const f = foreignNameAfter(t, start);
  return f ? person(f[0], f[1], t.slice(f[0], f[1])) : null;
}

/** Whether the region names a person whose name starts with this surname: a known one, or a three-syllable word before a title. */
function fullNameNearby(ctx: Ctx, surname: string, taken: Taken): boolean {
  for (const h of ctx.hits.free) {
    if (ctx.t[h.s] === surname && h.e - h.s >= 2 && ctx.ckb.entities[h.ref.entity].type === 'person') return true;
  }
  for (const h of ctx.hits.titles) {
    if (h.ref.lang !== 'ko') continue;
    let e = h.s;
    while (e > 0 && isHangul(code(ctx, e - 1))) e--; // 정책실장: the title's word
    for (let hops = 0; hops < 3 && ctx.t[e - 1] === ' '; hops++) {
      let s = e - 1;
      while (s > 0 && isHangul(code(ctx, s - 1))) s--;
      const word = ctx.t.slice(s, e - 1);
      if (word.length === 3 && word[0] === surname && koreanNameWord(word)) return true;
      if (!taken(s, e - 1)) break;
      e = s;
    }
  }
  return false;
}

const NAME_WORD = /^[A-Z][a-zA-Z'\u00c0-\u024f-]*[a-z\u00e0-\u024f]/;
const NOT_NAMES = new Set(['Assembly', 'Council', 'Staff', 'Secretary', 'Minister', 'Affairs', 'Office', 'Committee', 'Commission', 'Department', 'Ministry', 'Union', 'Nations', 'The', 'Of', 'And', 'For', 'Motors', 'Electric', 'Dynamics', 'Atomics', 'Prosecutor', 'Court', 'Director', 'State', 'House', 'Party', 'Forces', 'Army', 'Navy']);

/** Titles that stand right before a name after another title (Foreign Minister Prince …): the English titles of one word. */
const HONORIFICS = new Set(lexicon.titles.en.filter((t) => /^\p{Lu}[\p{L}.]*$/u.test(t)));

function englishNameAfter(ctx: Ctx, titleStart: number, titleEnd: number, taken: Taken): Cand | null {
  // The title itself must be capitalized in the original (President, not president).
  const orig = ctx.orig.slice(ctx.origin[titleStart], ctx.origin[titleEnd]);
  if (orig[0] !== orig[0].toUpperCase() || isLatinLetter(code(ctx, titleStart - 1))) return null;
  if (ctx.t[titleEnd] !== ' ') return null;
  let pos = titleEnd + 1;
  const words: Array<[number, number]> = [];
  let named = 0;
  while (named < 3) {
    let rest = ctx.orig.slice(ctx.origin[pos], ctx.origin[Math.min(ctx.t.length, pos + 40)]);
    // Inside a name, lower-case particles run on to the next capitalized word (Alberto van Klaveren).
    if (named) {
      const p = particlesAt(rest);
      const next = p ? NAME_WORD.exec(rest.slice(p)) : null;
      if (next && !NOT_NAMES.has(next[0])) {
        pos += p;
        rest = rest.slice(p);
      }
    }
    const m = NAME_WORD.exec(rest);
    if (!m || NOT_NAMES.has(m[0])) break;
    // Foreign Minister Prince Faisal bin Farhan: an honorific title before the name stays outside it.
    if (!named && HONORIFICS.has(m[0]) && ctx.t[pos + m[0].length] === ' ') {
      pos += m[0].length + 1;
      continue;
    }
    named++;
    const len = m[0].length;
    if (rest.slice(len).startsWith("'s") || rest.slice(len).startsWith('’s')) {
      words.push([pos, pos + len]);
      break;
    }
    words.push([pos, pos + len]);
    pos += len;
    if (ctx.t[pos] !== ' ') break;
    pos++;
  }
  if (!words.length) return null;
  const s = words[0][0];
  const e = words[words.length - 1][1];
  const known = taken(s, e);
  // President Tayyip Erdogan: more of a known person's name than the dictionary spells is that person.
  if (known && known.type === 'person' && known.e === e && known.s > s && !known.entity.startsWith('person:') && !taken(s, known.s - 1)) return { s, e, prio: PRIO.pattern, parts: [{ ...known, s, e }] };
  if (known) return null;
  return person(s, e, ctx.orig.slice(ctx.origin[s], ctx.origin[e]));
}

/** The length of the lower-case name particles, each with its space, at the start of `s` (0 if none): 'van ', 'von der '. */
function particlesAt(s: string): number {
  let n = 0;
  for (let k = 0; k < 3; k++) {
    const m = /^([a-z]+) /.exec(s.slice(n));
    if (!m || !lexicon.nameParticles.en.has(m[1])) break;
    n += m[0].length;
  }
  return n;
}

/** The surname a later mention may use alone: the last part of a katakana name with dots, the last word of a Latin name with the particles before it (van Klaveren). */
export function surnameOf(name: string): string | null {
  const dot = name.lastIndexOf(MIDDLE_DOT_CHAR);
  if (dot > 0) {
    const last = name.slice(dot + 1);
    return last.length >= 2 ? last : null;
  }
  const space = name.lastIndexOf(' ');
  if (space > 0 && /^[A-Za-z\u00c0-\u024f'-]{3,}$/.test(name.slice(space + 1))) {
    let from = space + 1;
    const words = name.slice(0, space).split(' ');
    // Not the first word: a given name stays out even when it looks like a particle.
    for (let k = words.length - 1; k > 0 && lexicon.nameParticles.en.has(words[k]); k--) from -= words[k].length + 1;
    return name.slice(from);
  }
  // Foreign names in hangul keep the given-name-first order: 카심-조마르트 토카예프 → 토카예프.
  if (space > 0 && /^[\uac00-\ud7a3]{2,}$/.test(name.slice(space + 1)) && /^[\uac00-\ud7a3 -]+$/.test(name)) return name.slice(space + 1);
  return null;
}

/** A string whose later standalone uses mention a person named in the article (a surname, or a name found by pattern). */
export interface SurnameNeedle {
  needle: string;
  entity: Part;
  /** Index, in the people given to surnameNeedles, of the mention it comes from (its own span is no later use). */
  from: number;
  /** A two-word short form (shortForms): no use of it where another name word follows (Abdel Fattah al-Burhan). */
  short?: boolean;
}

/** The needles of the article's people, in order, each string once (the first person with it wins). */
export function surnameNeedles(people: Array<{ name: string; entity: Part }>): SurnameNeedle[] {
  const out: SurnameNeedle[] = [];
  const seen = new Set<string>();
  const add = (needle: string, entity: Part, from: number, short = false) => {
    if (seen.has(needle)) return;
    seen.add(needle);
    out.push(short ? { needle, entity, from, short } : { needle, entity, from });
  };
  people.forEach((p, from) => {
    // A name found by a pattern recurs in full elsewhere (佐伯健太郎 in the byline and the signature).
    if (p.entity.entity.startsWith('person:')) add(p.name, p.entity, from);
    const sur = surnameOf(p.name);
    if (sur) add(sur, p.entity, from);
    for (const short of shortForms(p.name)) add(short, p.entity, from, true);
    const given = patronymicGiven(p.name);
    if (given) add(given, p.entity, from, true);
  });
  return out;
}

/**
 * Faisal for Faisal bin Farhan, ムハンマド for ムハンマド・ビン・サルマン, 타밈 for 타밈 빈 하마드: an Arabic name with a
 * patronymic (bin, ibn, bint) is shortened to its first word (Prince Faisal said), not its last.
 */
export function patronymicGiven(name: string): string | null {
  const m = /^([a-z\u00c0-\u024f'-]{3,}) (?:bin|ibn|bint) /i.exec(name) ?? /^([\u30a0-\u30ff]{3,})・(?:ビン|イブン|ビント)・/.exec(name) ?? /^([\uac00-\ud7a3]{2,}) (?:빈|이븐|빈트) /.exec(name);
  return m ? m[1] : null;
}

/**
 * The two-word forms the press shortens a name of three or more words to: its first two words
 * (무사 파키 for 무사 파키 마하마트, Moussa Faki for Moussa Faki Mahamat) and its last two (술루후 하산).
 * A form with a name particle or a one-syllable word in it (Ursula von, 팜 민) is no name.
 */
export function shortForms(name: string): string[] {
  if (!/^(?:[\uac00-\ud7a3-]+|[A-Za-z\u00c0-\u024f'-]+)(?: (?:[\uac00-\ud7a3-]+|[A-Za-z\u00c0-\u024f'-]+)){2,}$/.test(name)) return [];
  const words = name.split(' ');
  // Romanized East Asian names of short syllables (Kim Jong Un, Nguyen Phu Trong's kin) are shortened to no two words.
  if (/[A-Za-z]/.test(name) && words.some((w) => w.length < 3 && !lexicon.nameParticles.en.has(w.toLowerCase()))) return [];
  const word = (w: string) => w.length >= 2 && !lexicon.nameParticles.en.has(w.toLowerCase());
  const out: string[] = [];
  const first = words.slice(0, 2);
  const last = words.slice(-2);
  if (first.every(word)) out.push(first.join(' '));
  if (last.every(word)) out.push(last.join(' '));
  return out;
}

/** Standalone uses of the needles in this text; `skip[k]` is needle k's own position here, or -1. */
export function surnameCands(ctx: Ctx, needles: readonly SurnameNeedle[], skip: ReadonlyMap<number, number>): Cand[] {
  const out: Cand[] = [];
  let titleStarts: Set<number> | undefined;
  needles.forEach(({ needle: raw, entity, short }, k) => {
    const needle = raw.toLowerCase();
    const own = skip.get(k) ?? -1;
    for (let i = ctx.t.indexOf(needle); i !== -1; i = ctx.t.indexOf(needle, i + 1)) {
      if (i === own) continue;
      const e = i + needle.length;
      if (!boundaryOk(ctx, i, e) || isKatakana(code(ctx, e)) || code(ctx, i - 1) === MIDDLE_DOT) continue;
      if (short && ctx.t[e] === ' ') {
        // A short form is the whole name only where no name word follows: a title (무사 파키 위원장) or a
        // lower-case word (Moussa Faki said) may; Abdel Fattah al-Burhan is another person.
        const next = ctx.orig.slice(ctx.origin[e + 1] ?? ctx.orig.length, (ctx.origin[e + 1] ?? ctx.orig.length) + 8);
        if (isHangul(code(ctx, e + 1))) {
          titleStarts ??= new Set(ctx.hits.titles.map((h) => h.s));
          if (!titleStarts.has(e + 1)) continue;
        } else if (/^[A-Z]|^(?:al|el|bin|ibn|ould|ag)[- ]/.test(next)) continue;
      }
      if (isLatinLetter(code(ctx, i))) {
        // Capitalized, or opening with a name particle (dos Prazeres).
        const first = ctx.orig[ctx.origin[i]];
        if (first !== first.toUpperCase() && !particlesAt(needle)) continue;
      }
      out.push({ s: i, e, prio: PRIO.pattern, parts: [{ ...entity, s: i, e }] });
    }
  });
  return out;
}

/** 中谷元(なかたに・げん): the reading right after a person's name is a mention of the same person. */
export function readingCands(ctx: Ctx, people: Part[]): Cand[] {
  const out: Cand[] = [];
  for (const p of people) {
    const open = ctx.t[p.e];
    if (open !== '(') continue;
    let e = p.e + 1;
    while (e < ctx.t.length && e - p.e < 30 && ctx.t[e] !== ')') {
      const c = code(ctx, e);
      if (!(isHiragana(c) || isNameKana(c) || isHangul(c) || isLatinLetter(c) || c === 0x20 || c === 0x2d)) break;
      e++;
    }
    if (ctx.t[e] !== ')' || e - p.e < 3) continue;
    out.push({ s: p.e + 1, e, prio: PRIO.pattern, parts: [{ ...p, s: p.e + 1, e }] });
  }
  return out;
}

const DATELINE = /^[ \t]*【?(?:[^=【】]{1,16}=|[^=【】・]{0,10}[部局課室]・)[ \t]*([^=・\s【】]{2,8})[ \t]*】?[ \t]*\r?$/;
const CJK_NAME = /^[\u4e00-\u9fff\u3041-\u309f\u30a1-\u30fa\u30fc\u30fb\uac00-\ud7a3]{2,8}$/;

/**
 * Bylines and datelines: front-matter author fields, "Manila=NAME" / "政治部・NAME"
 * lines, and "By NAME (and NAME)" lines. The name is a person mention.
 */
export function bylineCands(ctx: Ctx, taken: Taken): Cand[] {
  const out: Cand[] = [];
  const add = (s: number, e: number) => {
    while (s < e && ctx.t[s] === ' ') s++;
    while (e > s && ctx.t[e - 1] === ' ') e--;
    if (e - s >= 2 && !taken(s, e)) out.push(person(s, e, ctx.orig.slice(ctx.origin[s], ctx.origin[e])));
  };
  const fm = ctx.atStart ? /^---[ \t]*\r?\n([\s\S]*?)\r?\n---/.exec(ctx.raw) : null;
  if (fm) {
    const field = /^(?:author|authors|byline|writer|reporter|journalist)[ \t]*:[ \t]*["']?([^"'\r\n]+?)["']?[ \t]*\r?$/gm;
    for (let m; (m = field.exec(fm[0])); ) {
      const s = m.index + m[0].indexOf(m[1]);
      if (nameLike(ctx, s, s + m[1].length)) add(s, s + m[1].length);
    }
  }
  // クアラルンプール＝森下拓海, 政治部・高田真一, 워싱턴=정다은 (a title after it is handled by the title rule).
  // Only short lines can be datelines: test those alone rather than run a multiline pattern over the text.
  for (let start = 0; start < ctx.t.length; ) {
    let end = ctx.t.indexOf('\n', start);
    if (end === -1) end = ctx.t.length;
    if (end - start <= 40) {
      const m = DATELINE.exec(ctx.t.slice(start, end));
      if (m && CJK_NAME.test(m[1])) {
        const s = start + m[0].lastIndexOf(m[1]);
        add(s, s + m[1].length);
      }
    }
    start = end + 1;
  }
  const by = /(?:^|\n)[ \t]*by[ \t]+([a-z][^\n,;|]{2,80})/g;
  for (let m; (m = by.exec(ctx.t)); ) {
    let pos = m.index + m[0].indexOf(m[1]);
    for (let k = 0; k < 2; k++) {
      const name = englishName(ctx, pos);
      if (!name) break;
      add(name[0], name[1]);
      const and = /^ +and +/.exec(ctx.t.slice(name[1], name[1] + 8));
      if (!and) break;
      pos = name[1] + and[0].length;
    }
  }
  return out;
}

/** Two or three capitalized words from `pos` (in the original), as a normalized span. */
function englishName(ctx: Ctx, pos: number): [number, number] | null {
  const words: Array<[number, number]> = [];
  let i = pos;
  while (words.length < 3) {
    while (ctx.t[i] === ' ' && words.length === 0) i++;
    const m = /^[a-z][a-z'’-]*[a-z]/.exec(ctx.t.slice(i, i + 30));
    if (!m) break;
    const first = ctx.orig[ctx.origin[i]];
    if (first === first.toLowerCase() || NOT_NAMES.has(ctx.orig.slice(ctx.origin[i], ctx.origin[i + m[0].length]))) break;
    words.push([i, i + m[0].length]);
    i += m[0].length;
    if (ctx.t[i] !== ' ') break;
    i++;
  }
  return words.length >= 2 ? [words[0][0], words[words.length - 1][1]] : null;
}

function nameLike(ctx: Ctx, s: number, e: number): boolean {
  const v = ctx.t.slice(s, e).trim();
  if (CJK_NAME.test(v)) return true;
  const n = englishName(ctx, s);
  return n !== null && n[1] === s + ctx.t.slice(s, e).trimEnd().length;
}

/** said Jane Doe: a common given name and a capitalized surname, in English text. */
export function givenNameCands(ctx: Ctx, taken: Taken): Cand[] {
  const out: Cand[] = [];
  // Only capitalized words followed by another capitalized word can start such a name: find those in the original.
  const pair = /\b([A-Z][a-z]+) [A-Z]/g;
  for (let m; (m = pair.exec(ctx.orig)); ) {
    if (!lexicon.givenNames.has(m[1].toLowerCase())) continue;
    const s = normalizedAt(ctx, m.index);
    if (s === undefined) continue;
    const name = englishName(ctx, s);
    if (!name || taken(name[0], name[1])) continue;
    out.push(person(name[0], name[1], ctx.orig.slice(ctx.origin[name[0]], ctx.origin[name[1]])));
    pair.lastIndex = ctx.origin[name[1]];
  }
  return out;
}

