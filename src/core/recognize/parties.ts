/**
 * Parties of agreements: the countries and organizations that concluded, signed,
 * issued or adopted a document (guidelines, section Parties). Evidence, per document:
 *   - the knowledge base, for known documents with a `parties` list (it is then the
 *     whole answer: 国連海洋法条約 names the UN but the UN is no party to it);
 *   - the name: actors inside it (日豪円滑化協定, 北露条約) or right before its head
 *     (한미일 정상회의 공동성명, the US-Japan trade agreement), not those after 対/대;
 *   - the sentence: the subject (and a "with" phrase) of a verb of concluding whose
 *     object is the document (日本とフィリピン両政府は…協定に署名した; 한국과 미국은 …
 *     공동성명을 채택했다; Australia and the United Kingdom signed a treaty; issued by Canada).
 * Evidence is gathered per entity, so every mention linked to a document (この協定,
 * the agreement) carries the same parties. People are never parties: in a subject
 * phrase they stand for the country named beside them, or else for the state whose
 * office they hold (the knowledge base's `country`), or for nobody.
 *
 * partyEvidence reads the sentences of one region of lines that name an agreement
 * (cached per region by RecognitionSession); documentParties gathers the evidence per
 * document across the article, after linking.
 */
import type { KnowledgeBase } from '../kb';
import raw from '../kb/data/parties.json';
import type { Mention } from '../model';
import { normalizeForm } from '../text/normalize';
import { isGenericAgreementId } from './agreements';
import { lexicon } from './lexicon';

type Lang = 'ja' | 'ko' | 'en';
const LANGS = ['ja', 'ko', 'en'] as const;
const longestFirst = (xs: string[]) => [...new Set(xs.map((x) => normalizeForm(x)))].sort((a, b) => b.length - a.length);
const perLang = (m: Record<Lang, string[]>) => ({ ja: longestFirst(m.ja), ko: longestFirst(m.ko), en: longestFirst(m.en) });

const words = {
  verbs: perLang(raw.verbs),
  topic: { ja: longestFirst(raw.subjectMarkers.ja.topic), ko: longestFirst(raw.subjectMarkers.ko.topic) },
  subject: { ja: longestFirst(raw.subjectMarkers.ja.subject), ko: longestFirst(raw.subjectMarkers.ko.subject) },
  with: perLang(raw.withMarkers),
  coordinators: perLang(raw.coordinators),
  groupWords: perLang(raw.groupWords),
  prefixWords: perLang(raw.prefixWords),
  notPartyBefore: perLang(raw.notPartyBefore),
  notConcludedAfter: perLang(raw.notConcludedAfter),
  counted: Object.entries(raw.countWords).map(([n, w]) => ({ n: Number(n), words: perLang(w as Record<Lang, string[]>) })),
  titles: { ja: longestFirst(lexicon.titles.ja), ko: longestFirst(lexicon.titles.ko), en: longestFirst(lexicon.titles.en) },
};

/** The titles by their last and by their first unit (a phrase is read at every position). */
const TITLES = (() => {
  type Title = { w: string; en: boolean };
  const byLast = new Map<number, Title[]>();
  const byFirst = new Map<number, Title[]>();
  const add = (m: Map<number, Title[]>, unit: number, x: Title) => (m.get(unit) ?? m.set(unit, []).get(unit)!).push(x);
  for (const lang of LANGS) {
    for (const w of words.titles[lang]) {
      const x = { w, en: lang === 'en' };
      add(byLast, w.charCodeAt(w.length - 1), x);
      add(byFirst, w.charCodeAt(0), x);
    }
  }
  return { byLast, byFirst };
})();

/** A mention in the normalized text of its sentence. */
interface Part {
  s: number;
  e: number;
  entity: string;
  type: string;
  /** Index of the mention among those given. */
  at: number;
}

/** One sentence, normalized as the recognizer matches (NFKC, width and case folded). */
interface Ctx {
  t: string;
}

/** What one sentence says of one agreement mention: `at` indexes the mentions given to partyEvidence. */
export interface PartyEvidence {
  at: number;
  ids: string[];
}

/**
 * The evidence of the sentences of one region of lines (no sentence crosses a line, so a
 * region is read alone) for the agreement mentions among `mentions` (the region's, in
 * order), in the order it is found. The sentences are read in the region's own normalized,
 * markup-blanked text (`region.t`, as the recognizer matched it); `spans[2k]`, `spans[2k+1]`
 * are mention k's span there, so nothing is normalized or converted again.
 */
export function partyEvidence(region: RegionText, mentions: readonly Mention[], spans: readonly number[], kb: KnowledgeBase): PartyEvidence[] {
  const out: PartyEvidence[] = [];
  for (const { ctx, actors, agreements } of sentencesWithAgreements(region, mentions, spans)) {
    const a = new ActorIndex(ctx, actors, (id) => kb.get(id)?.country);
    // A known document without a list (the UN Charter, UNCLOS) has none to guess from its name.
    for (const p of agreements) if (!kb.get(p.entity)) out.push({ at: p.at, ids: a.partiesInName(p) });
    for (const [p, ids] of sentenceParties(ctx, a, agreements)) out.push({ at: p.at, ids });
  }
  return out;
}

/** A region's texts as the recognizer holds them (recognize/context.ts). */
export interface RegionText {
  /** Normalized, markup blanked. */
  t: string;
  /** Original, and each normalized unit's original offset. */
  orig: string;
  origin: Int32Array;
}

/**
 * The parties of each document the agreement mentions name: the knowledge base's list for known
 * documents (the whole answer), else the evidence for any mention of the same entity, in order.
 * `evidence[k].at` indexes `mentions`. Reads only the kinds, entities and types of agreements and
 * countries, in order: `mentions` may be those alone, and equal such lists with equal evidence
 * give equal parties (the session keeps them while they are).
 */
export function documentParties(mentions: readonly Mention[], evidence: readonly PartyEvidence[], kb: KnowledgeBase): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const fromKb = new Set<string>();
  for (const m of mentions) {
    if (m.kind !== 'agreement' || fromKb.has(m.entity)) continue;
    const listed = kb.get(m.entity)?.parties;
    if (listed?.length) {
      out.set(m.entity, [...listed]);
      fromKb.add(m.entity);
    }
  }
  const top = topCountries(mentions);
  const add = (at: number, ids: readonly string[]) => {
    const entity = mentions[at].entity;
    // A generic head (こうした協定) names no document: nobody is its party.
    if (fromKb.has(entity) || isGenericAgreementId(entity)) return;
    const list = out.get(entity) ?? out.set(entity, []).get(entity)!;
    for (const id of ids) if (!list.includes(id)) list.push(id);
  };
  const counted = (id: string) => id[0] === '@';
  for (const { at, ids } of evidence) add(at, ids.filter((id) => !counted(id)));
  // 両国 / 두 정상 / both countries: the parties of the nearest document before with that many
  // (한·카자흐스탄 공동성명을 발표했다. 두 정상은 … 양해각서를 체결했다), else the story's own countries.
  for (const { at, ids } of evidence) {
    for (const id of ids.filter(counted)) {
      const n = Number(id.slice(1));
      let near: string[] | undefined;
      for (let j = at - 1; j >= 0 && !near; j--) {
        const m = mentions[j];
        const list = m.kind === 'agreement' && m.entity !== mentions[at].entity ? out.get(m.entity) : undefined;
        if (list?.length === n) near = list;
      }
      add(at, near ?? top(n));
    }
  }
  return out;
}

/**
 * Each agreement mention given its document's parties. A session hands out a region's mention
 * objects again while they stay the same: one seen before is replaced when its parties change,
 * never changed in place. Returns the indexes of the mentions replaced.
 */
export function setParties(mentions: Mention[], parties: ReadonlyMap<string, string[]>): number[] {
  const none: string[] = [];
  const replaced: number[] = [];
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    if (m.kind !== 'agreement') continue;
    const list = parties.get(m.entity) ?? none;
    if (m.parties === list) continue;
    if (m.parties === undefined) m.parties = list;
    else if (!sameList(m.parties, list)) {
      mentions[i] = { ...m, parties: list };
      replaced.push(i);
    }
  }
  return replaced;
}

/** The same ids in the same order. */
export function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The article's n first named countries among those named more than once, in that order; none when it names fewer. */
function topCountries(mentions: readonly Mention[]): (n: number) => string[] {
  let ranked: Array<{ id: string; count: number; first: number }> | undefined;
  return (n) => {
    if (!ranked) {
      const by = new Map<string, { id: string; count: number; first: number }>();
      mentions.forEach((m, i) => {
        if (m.type !== 'country') return;
        const r = by.get(m.entity) ?? by.set(m.entity, { id: m.entity, count: 0, first: i }).get(m.entity)!;
        r.count++;
      });
      // The first named of those named more than once: a story's own parties lead it (its headline).
      const repeated = [...by.values()].filter((r) => r.count > 1);
      ranked = (repeated.length >= 2 ? repeated : [...by.values()]).sort((a, b) => a.first - b.first);
    }
    if (ranked.length < n) return [];
    return ranked.slice(0, n).map((r) => r.id);
  };
}

/** Sentence ends in the original text: 。！？, line breaks, and . ! ? before a space (not inside U.S.). */
function isSentenceEnd(text: string, i: number): boolean {
  const c = text[i];
  if (c === '。' || c === '\n' || c === '！' || c === '？' || c === '．') return true;
  if (c !== '.' && c !== '!' && c !== '?') return false;
  const next = text[i + 1];
  return (next === undefined || next === ' ' || next === '\n' || next === '\r') && text[i - 2] !== '.' && text[i - 2] !== ' ';
}

/**
 * Each sentence holding an agreement mention, as a slice of the region's normalized text,
 * with its mentions in the slice's offsets. Sentence ends are read on the original text
 * (a full-width ． ends a sentence, a normalized "." only before a space).
 */
function* sentencesWithAgreements(region: RegionText, mentions: readonly Mention[], spans: readonly number[]): Generator<{ ctx: Ctx; actors: Part[]; agreements: Part[] }> {
  const { t, orig, origin } = region;
  const endAt = (i: number) => isSentenceEnd(orig, origin[i]);
  let done = -1;
  let first = 0;
  for (let k = 0; k < mentions.length; k++) {
    if (mentions[k].kind !== 'agreement') continue;
    const at = spans[2 * k];
    if (at < done) continue;
    let s = at;
    while (s > 0 && !endAt(s - 1) && at - s < 2000) s--;
    let e = spans[2 * k + 1];
    while (e < t.length && !endAt(e) && e - at < 2000) e++;
    done = e;
    while (first < mentions.length && spans[2 * first + 1] <= s) first++;
    const actors: Part[] = [];
    const agreements: Part[] = [];
    for (let j = first; j < mentions.length && spans[2 * j] < e; j++) {
      const x = mentions[j];
      if (spans[2 * j] < s || spans[2 * j + 1] > e) continue;
      const p: Part = { s: spans[2 * j] - s, e: spans[2 * j + 1] - s, entity: x.entity, type: x.type, at: j };
      (x.kind === 'agreement' ? agreements : actors).push(p);
    }
    yield { ctx: { t: t.slice(s, e) }, actors, agreements };
  }
}

/** Actor mentions by position, and the small parsers over them. */
class ActorIndex {
  private readonly byEnd = new Map<number, Part>();
  private readonly byStart = new Map<number, Part>();

  /** `countryOf`: the state a person's office belongs to (knowledge base), if any. */
  constructor(private readonly ctx: Ctx, readonly actors: Part[], private readonly countryOf: (person: string) => string | undefined = () => undefined) {
    for (const p of actors) {
      // The longest actor ending (starting) here.
      const e = this.byEnd.get(p.e);
      if (!e || p.s < e.s) this.byEnd.set(p.e, p);
      const s = this.byStart.get(p.s);
      if (!s || p.e > s.e) this.byStart.set(p.s, p);
    }
  }

  /** Titles of people (外相, 대통령, foreign minister) in subject phrases, looked up where a phrase is read. */
  private titleEndingAt(e: number): number | undefined {
    const t = this.ctx.t;
    let start: number | undefined;
    for (const { w, en } of TITLES.byLast.get(t.charCodeAt(e - 1)) ?? []) {
      const i = e - w.length;
      if (i < 0 || (start !== undefined && i >= start) || !t.startsWith(w, i)) continue;
      if (en && (/[a-z]/.test(t[i - 1] ?? ' ') || /[a-z]/.test(t[e] ?? ' '))) continue;
      start = i;
    }
    return start;
  }

  private titleStartingAt(i: number): number | undefined {
    const t = this.ctx.t;
    let end: number | undefined;
    for (const { w, en } of TITLES.byFirst.get(t.charCodeAt(i)) ?? []) {
      const e = i + w.length;
      if ((end !== undefined && e <= end) || !t.startsWith(w, i)) continue;
      if (en && (/[a-z]/.test(t[i - 1] ?? ' ') || /[a-z]/.test(t[e] ?? ' '))) continue;
      end = e;
    }
    return end;
  }

  private isParty = (p: Part) => p.type === 'country' || p.type === 'organization';

  private targetOnly(p: Part, lang: Lang): boolean {
    return words.notPartyBefore[lang].some((w) => this.ctx.t.startsWith(w, p.s - w.length));
  }

  /** Countries and organizations inside the name, or in the phrase of actors and meeting words right before it. */
  partiesInName(p: Part): string[] {
    const lang = langAt(this.ctx, p.s, p.e);
    const ids: string[] = [];
    for (const x of this.actors) {
      if (x.s >= p.s && x.e <= p.e && this.isParty(x) && !this.targetOnly(x, lang)) ids.push(x.entity);
    }
    // Before the name: ACTORS (meeting words)* head — 한미일 정상회의 공동성명, 日米首脳会談の共同声明.
    let pos = p.s;
    let hops = 0;
    for (;;) {
      pos = this.skipSpaces(pos, lang);
      const w = words.prefixWords[lang].find((x) => this.ctx.t.startsWith(x, pos - x.length) && !this.byEnd.has(pos));
      if (!w || hops > 3) break;
      pos -= w.length;
      hops++;
    }
    const np = this.phraseBefore(this.skipSpaces(pos, lang), lang, false);
    if (np && np.start < pos && (pos === p.s || hops > 0 || lang === 'en' || this.ctx.t[pos] === ' ')) {
      // English: only compounds (US-Japan, Japan's) or actors joined straight to the head words.
      if (lang !== 'en' || hops > 0 || /^[\s-]*$/.test(this.ctx.t.slice(np.end, p.s))) ids.push(...np.ids);
    }
    return ids;
  }

  private skipSpaces(pos: number, lang: Lang): number {
    while (pos > 0 && (this.ctx.t[pos - 1] === ' ' || (lang === 'en' && this.ctx.t[pos - 1] === '-'))) pos--;
    return pos;
  }

  /**
   * The subject-like phrase ending at `end`, read backwards: actors, people with their
   * titles, group words (両政府, leaders) and coordinators. Its countries and organizations,
   * or undefined when no actor ends the phrase's first element.
   */
  phraseBefore(end: number, lang: Lang, allowPeople = true): { ids: string[]; start: number; end: number } | undefined {
    const t = this.ctx.t;
    const counted = this.countedBefore(end, lang);
    if (counted) return counted;
    let pos = end;
    const ids: string[] = [];
    const personCountries: string[] = [];
    let any = false;
    let lastWasItem = false;
    for (let guard = 0; guard < 40; guard++) {
      let p = pos;
      if (lang !== 'ja') while (p > 0 && t[p - 1] === ' ') p--;
      const actor = this.byEnd.get(p);
      if (actor && !this.targetOnly(actor, lang) && (allowPeople || actor.type !== 'person')) {
        if (this.isParty(actor)) ids.unshift(actor.entity);
        else if (actor.type === 'person') {
          // 岸田首相は…署名した: a head or minister alone stands for the state whose office they hold.
          const country = this.countryOf(actor.entity);
          if (country) personCountries.unshift(country);
        }
        any = true;
        pos = actor.s;
        lastWasItem = true;
        continue;
      }
      const title = this.titleEndingAt(p);
      if (title !== undefined && allowPeople) {
        pos = title;
        lastWasItem = true;
        continue;
      }
      const group = words.groupWords[lang].find((w) => t.startsWith(w, p - w.length) && wordStartOk(t, p - w.length, lang)) ?? COUNTED_GROUP.exec(t.slice(Math.max(0, p - 6), p))?.[0];
      if (group) {
        pos = p - group.length;
        lastWasItem = true;
        continue;
      }
      const coord: string | undefined = lastWasItem ? words.coordinators[lang].find((w) => t.startsWith(w, p - w.length) && wordStartOk(t, p - w.length, lang)) : undefined;
      if (coord && any) {
        pos = p - coord.length;
        // "and the": an article after a coordinator is still between two items.
        lastWasItem = coord === 'the';
        continue;
      }
      break;
    }
    // A person beside their country (日本の岸田首相) adds nothing; one alone adds their state.
    for (const c of personCountries) if (!ids.includes(c)) ids.push(c);
    if (!any || !ids.length) return undefined;
    // Never end on a coordinator: the phrase starts at its first item.
    let start = pos;
    while (start < end && (t[start] === ' ' || !this.startsItem(start))) start++;
    return { ids, start, end };
  }

  /**
   * 両国, 양측, both countries (alone, no actors before them) ending at `end`: the article's own
   * N countries, as the token '@N' that documentParties resolves over the whole article (topCountries).
   */
  private countedBefore(end: number, lang: Lang): { ids: string[]; start: number; end: number } | undefined {
    const t = this.ctx.t;
    let p = end;
    while (p > 0 && t[p - 1] === ' ') p--;
    for (const { n, words: w } of words.counted) {
      const word = w[lang].find((x) => t.startsWith(x, p - x.length) && wordStartOk(t, p - x.length, lang));
      if (!word) continue;
      let q = p - word.length;
      if (t[q - 1] === 'の' || t[q - 1] === '의') q--;
      while (q > 0 && t[q - 1] === ' ') q--;
      if (this.byEnd.has(q)) return undefined;
      return { ids: [`@${n}`], start: p - word.length, end };
    }
    return undefined;
  }

  private startsItem(pos: number): boolean {
    return this.byStart.has(pos) || this.titleStartingAt(pos) !== undefined || words.groupWords.ja.some((w) => this.ctx.t.startsWith(w, pos)) || words.groupWords.ko.some((w) => this.ctx.t.startsWith(w, pos)) || words.groupWords.en.some((w) => this.ctx.t.startsWith(w, pos));
  }

  /** The phrase of actors starting at `start` (after "by", "with"), read forwards. */
  phraseAfter(start: number, lang: Lang): { ids: string[]; end: number } | undefined {
    const t = this.ctx.t;
    let pos = start;
    const ids: string[] = [];
    let end = start;
    for (let guard = 0; guard < 40; guard++) {
      while (t[pos] === ' ') pos++;
      const actor = this.byStart.get(pos);
      if (actor) {
        if (this.isParty(actor)) ids.push(actor.entity);
        pos = end = actor.e;
        continue;
      }
      const title = this.titleStartingAt(pos);
      if (title !== undefined) {
        pos = end = title;
        continue;
      }
      const coord = words.coordinators[lang].find((w) => t.startsWith(w, pos) && !/[a-z]/.test(t[pos + w.length] ?? ' ') );
      if (coord && ids.length) {
        pos += coord.length;
        continue;
      }
      if (!ids.length && t.startsWith('the ', pos)) {
        pos += 4;
        continue;
      }
      break;
    }
    return ids.length ? { ids, end } : undefined;
  }

  /** Whether an actor starts at `pos` (after skipping spaces). */
  actorStartsAt(pos: number): boolean {
    while (this.ctx.t[pos] === ' ') pos++;
    return this.byStart.has(pos);
  }
}

/** 6カ国, 3개국: a counted group closing a phrase of actors (米英仏独中露の6カ国). */
const COUNTED_GROUP = /[0-9一二三四五六七八九十]+(?:[カかヵヶ]国|개국)$/;

/** A Latin word must not start inside another (the "and" of "band"). */
function wordStartOk(t: string, s: number, lang: Lang): boolean {
  if (lang !== 'en') return true;
  return !/[a-z0-9]/.test(t[s - 1] ?? ' ') || !/[a-z]/.test(t[s] ?? ' ');
}

function langAt(ctx: Ctx, s: number, e: number): Lang {
  for (let i = s; i < e; i++) {
    const c = ctx.t.charCodeAt(i);
    if (c >= 0xac00 && c <= 0xd7a3) return 'ko';
    if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x4e00 && c <= 0x9fff)) return 'ja';
  }
  return 'en';
}

/** Agreement mentions with the parties their sentence gives them. */
function sentenceParties(ctx: Ctx, a: ActorIndex, agreements: Part[]): Array<[Part, string[]]> {
  const out: Array<[Part, string[]]> = [];
  const inside = [...agreements].sort((x, y) => x.s - y.s);
  const ss = 0;
  const se = ctx.t.length;
  const lang = langAt(ctx, ss, se);
  for (const v of verbsIn(ctx, ss, se, lang, inside)) {
    // 締結に向けた交渉, 체결을 위한 협의: a document still to be concluded has no parties yet.
    if (words.notConcludedAfter[lang].some((w) => ctx.t.startsWith(w, v.e) || ctx.t.startsWith(w, v.e + 1))) continue;
    const found = lang === 'en' ? englishClause(ctx, a, ss, se, v, inside) : cjkClause(ctx, a, ss, se, v, inside, lang);
    if (found) for (const p of found.objects) out.push([p, found.ids]);
  }
  return out;
}

interface Verb {
  s: number;
  e: number;
}

/** Occurrences of the verbs of concluding in [ss, se), none inside an agreement's own name (５項目の合意). */
function verbsIn(ctx: Ctx, ss: number, se: number, lang: Lang, inside: Part[]): Verb[] {
  const t = ctx.t;
  const out: Verb[] = [];
  for (const w of words.verbs[lang]) {
    for (let i = t.indexOf(w, ss); i !== -1 && i + w.length <= se; i = t.indexOf(w, i + 1)) {
      const e = i + w.length;
      if (lang === 'en' && (/[a-z]/.test(t[i - 1] ?? ' ') || /[a-z]/.test(t[e] ?? ' '))) continue;
      if (inside.some((p) => p.s < e && i < p.e)) continue;
      if (out.some((v) => v.s <= i && e <= v.e)) continue;
      out.push({ s: i, e });
    }
  }
  return out.sort((x, y) => x.s - y.s);
}

/**
 * Japanese and Korean (verb last): the nearest topic before the verb (or a が/이/가 subject
 * right before it), a "with" phrase between them, and as objects the documents between
 * the subject and the verb, or the one right after the verb's relative form.
 */
function cjkClause(ctx: Ctx, a: ActorIndex, ss: number, se: number, v: Verb, inside: Part[], lang: 'ja' | 'ko'): { ids: string[]; objects: Part[] } | undefined {
  const t = ctx.t;
  let subject: { ids: string[]; start: number; end: number } | undefined;
  const withIds: string[] = [];
  // The phrase marked at j by one of `markers` (not running into the verb).
  const marked = (j: number, markers: readonly string[]) => {
    for (const m of markers) {
      if (!t.startsWith(m, j) || j + m.length > v.s) continue;
      const np = a.phraseBefore(j, lang);
      if (np) return np;
    }
    return undefined;
  };
  for (let j = v.s - 1; j >= ss && !subject; j--) {
    subject = marked(j, words.topic[lang]);
    if (subject) break;
    // が/이/가 close to the verb (within a few characters: マレーシアが公表した, 양국이 채택한).
    if (v.s - j <= 12) subject = marked(j, words.subject[lang]);
    // A headline: 日英伊、…条約に署名.
    if (!subject && j > ss && (t[j] === '、' || t[j] === ',')) {
      const np = a.phraseBefore(j, lang, false);
      if (np && !/\S/.test(t.slice(ss, np.start).replace(/[#*\s【】■▼・-]/g, ''))) subject = np;
    }
  }
  // "with" phrases between the subject and the verb: フィリピンは米国と…条約を結び; 중국은 러시아와 … 서명.
  const from = subject ? subject.end : Math.max(ss, v.s - 40);
  for (let j = from; j < v.s; j++) {
    for (const m of words.with[lang]) {
      if (!t.startsWith(m, j) || a.actorStartsAt(j + m.length)) continue;
      // People too: 앨버니지 총리와 … 서명했다 (a person stands for their state).
      const np = a.phraseBefore(j, lang);
      if (np && (!subject || np.start >= subject.end)) {
        for (const id of np.ids) if (!withIds.includes(id)) withIds.push(id);
      }
      break;
    }
  }
  const ids = [...(subject?.ids ?? []), ...withIds.filter((x) => !subject?.ids.includes(x))];
  if (!ids.length) return undefined;
  let objects = inside.filter((p) => p.s >= (subject ? subject.end : from) && p.e <= v.s);
  // The relative form: 署名した協定, 채택한 워싱턴 선언 (the verb's ending, quotes, then the name).
  const after = t.slice(v.e, v.e + 8);
  const rel = lang === 'ja' ? /^(?:した|する|された|される|し合った|済みの)[「『"' ]?/.exec(after) : /^(?:한|된|하는|했던|되는|해 온)[ '"‘“]*/.exec(after);
  if (rel) {
    const at = v.e + rel[0].length;
    const next = inside.find((p) => p.s >= at && p.s - at <= 12 && !/[。、,]/.test(t.slice(at, p.s)));
    // Relative: the verb describes the following document; one named before belongs to another clause.
    if (next) objects = [next, ...objects.filter((p) => p.e > (subject?.end ?? from) && p.s >= v.s - 30)];
  }
  return objects.length ? { ids, objects } : undefined;
}

/**
 * English (verb in the middle): the phrase before the verb (across short adverbials:
 * "on Saturday", "have", "jointly"), or after "by" for a passive ("issued by Canada");
 * a "with" phrase after the object; as objects the documents after the verb in the
 * sentence, or the one right before the subject ("the agreement that A and B signed")
 * or before a passive verb ("The statement, issued by …").
 */
function englishClause(ctx: Ctx, a: ActorIndex, ss: number, se: number, v: Verb, inside: Part[]): { ids: string[]; objects: Part[] } | undefined {
  const t = ctx.t;
  let ids: string[];
  let objects: Part[];
  const by = /^ by /.exec(t.slice(v.e, v.e + 4));
  if (by) {
    const np = a.phraseAfter(v.e + by[0].length, 'en');
    if (!np) return undefined;
    ids = np.ids;
    // "issued by Canada as this year's G7 president": the chair speaks for the grouping.
    const as = / as (?:this year's |this year’s |the |its )?/.exec(t.slice(np.end, np.end + 24));
    if (as?.index === 0) {
      const group = a.phraseAfter(np.end + as[0].length, 'en');
      // (phraseAfter reads "president" as a title: the role is checked on the text.)
      if (group && /^ (?:[\w-]+ ){0,2}(?:president|presidency|chair|chairman|host)\b/.test(t.slice(np.end + as[0].length - 1, np.end + as[0].length + 30))) ids = group.ids;
    }
    const before = inside.filter((p) => p.e <= v.s && /^[\s,]*(?:(?:was|were|is|are|has been|have been|had been|being|,)\s*)*$/.test(t.slice(p.e, v.s)));
    objects = before.length ? [before[before.length - 1]] : [];
    return objects.length ? { ids, objects } : undefined;
  }
  let pos = v.s;
  const ADVERBIAL = /^(?:on|in|at|last|this|earlier|also|jointly|formally|finally|officially|have|has|had|will|would|could|to|today|yesterday|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|\d+|month|week|year|which|who)$/;
  let np = a.phraseBefore(pos, 'en');
  for (let hops = 0; !np && hops < 4; hops++) {
    while (pos > ss && t[pos - 1] === ' ') pos--;
    let w = pos;
    while (w > ss && /[a-z0-9]/.test(t[w - 1])) w--;
    if (w === pos || !ADVERBIAL.test(t.slice(w, pos))) break;
    pos = w;
    np = a.phraseBefore(pos, 'en');
  }
  if (!np) {
    // A participle after a comma shares the sentence's subject: "NATO leaders …, adopting a declaration".
    if (/ing$/.test(t.slice(v.s, v.e)) && /, $/.test(t.slice(v.s - 2, v.s))) np = a.phraseBefore(firstPhraseEnd(ctx, a, ss, v.s), 'en');
    if (!np) return undefined;
  }
  ids = [...np.ids];
  const sentenceEnd = Math.min(se, nextClause(t, v.e, se));
  // The direct object: the first document after the verb, and those joined to it by "and".
  objects = [];
  for (const p of inside) {
    if (p.s < v.e || p.s > sentenceEnd) continue;
    // The object follows the verb closely: "agreed to merge their regimes, a template the AfCFTA …" concludes no AfCFTA.
    if (!objects.length && !/^[^,;:]{0,60}$/.test(t.slice(v.e, p.s))) break;
    const from = objects.length ? objects[objects.length - 1].e : v.e;
    if (objects.length && !/^[\s,]*(?:and|as well as)?[\s,]*(?:the |a |an )?[\s\w'’-]{0,30}$/.test(t.slice(from, p.s))) break;
    if (objects.length && !/\band\b|,/.test(t.slice(from, p.s))) break;
    objects.push(p);
  }
  // The object named before: "the agreement that A and B signed".
  const rel = inside.filter((p) => p.e <= np!.start && /^\s*(?:that|which|,)?\s*$/.test(t.slice(p.e, np!.start)));
  if (rel.length) objects.push(rel[rel.length - 1]);
  if (!objects.length) return undefined;
  // "… with B": after the verb or the object.
  const w = / with (?:the )?/.exec(t.slice(v.e, sentenceEnd));
  if (w) {
    const after = a.phraseAfter(v.e + w.index + w[0].length, 'en');
    if (after) for (const id of after.ids) if (!ids.includes(id)) ids.push(id);
  }
  return { ids, objects };
}

/** Where the sentence's first phrase of actors ends (its subject), or the sentence start. */
function firstPhraseEnd(ctx: Ctx, a: ActorIndex, ss: number, limit: number): number {
  const t = ctx.t;
  let i = ss;
  while (i < limit && t[i] === ' ') i++;
  // After a dateline: "THE HAGUE - NATO leaders …".
  const dateline = /^[a-z .'-]{2,40}? [-–—] /.exec(t.slice(i, Math.min(limit, i + 44)));
  const np = a.phraseAfter(i, 'en') ?? (dateline ? a.phraseAfter(i + dateline[0].length, 'en') : undefined);
  if (!np) return ss;
  // "NATO leaders": group words after the actors belong to the phrase.
  let end = np.end;
  const g = / (?:leaders|ministers|foreign ministers|officials|governments?)\b/.exec(t.slice(end, end + 20));
  if (g && g.index === 0) end += g[0].length;
  return end;
}

/** The end of the verb's clause: a relative or new clause after a comma ends what the verb governs. */
function nextClause(t: string, from: number, se: number): number {
  const m = /,\s(?:while|but|and|which|who|after|before|as)\b|;/.exec(t.slice(from, se));
  return m ? from + m.index : se;
}
