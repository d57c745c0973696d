/**
 * Agreements: known ones by name and alias, others by their head noun
 * (条約, 공동성명, joint statement) extended over the modifiers that belong to
 * the name. Organization names that contain a treaty word (北大西洋条約機構)
 * stay organizations. Mentions are linked: a name followed by its short name
 * in parentheses is one agreement; a bare or generic head noun refers to the
 * latest agreement of the same type in the article.
 */
import type { AgreementType } from '../model';
import { isHangul, isKanji, isKatakana, isLatinLetter, isLatinWordChar, LONG_VOWEL, MIDDLE_DOT } from '../text/script';
import { caseOk } from './actors';
import { code, boundaryOk, originalSlice, type Ctx } from './context';
import agreementKinds from '../kb/data/agreement-kinds.json';
import genericHeads from '../kb/data/generic-heads.json';
import placesData from '../kb/data/places.json';
import { normalizeForm } from '../text/normalize';
import { lexicon } from './lexicon';
import { chooseLeftmostLongest, PRIO, type Cand, type Part } from './span';

const isNameChar = (c: number) => isKanji(c) || isKatakana(c) || c === MIDDLE_DOT || c === LONG_VOWEL;

interface AgreementCand extends Cand {
  /** Head-noun candidates: the span of the head itself, to tell a bare head from a named one. */
  head?: [number, number];
  agreementType: AgreementType;
  known: boolean;
  /** A plural head naming no known document (protocols, 諸協定, 협정들): several documents, so generic. */
  plural?: boolean;
}

/**
 * One region's agreement candidates, chosen leftmost-longest, with what document-wide
 * linking needs read off the region's text. `sawStatement`: whether the article names a
 * known statement anywhere, or a statement before this region; returned updated.
 */
export function agreementCands(ctx: Ctx, inOrganization: Uint8Array, sawStatement: boolean): { items: AgreementItem[]; sawStatement: boolean } {
  // A known name inside an organization's name (the AfCFTA Secretariat) is the organization's.
  const cands = knownAgreementCands(ctx).filter((c) => !(inOrganization[c.s] && inOrganization[c.e - 1]));
  const actors = actorIndex(ctx);
  // Lower-case heads named in this region so far (a later "the protocol" refers to one), by where they were named.
  const named = new Map<string, number>();
  for (const c of cands) if (!named.has(c.agreementType)) named.set(c.agreementType, c.s);
  for (const h of ctx.hits.heads) {
    if (inOrganization[h.s] && inOrganization[h.e - 1]) continue;
    const lang = h.ref.lang!;
    const type = h.ref.agreementType as AgreementType;
    let s = h.s;
    let e = h.e;
    let plural = false;
    // FTA, EPA, MOU: short names only in capitals, in every language ("fta" is no name).
    if (ACRONYM_HEAD.test(ctx.t.slice(s, e)) && !/^(?:[A-Z]{2,5}|MoU)s?$/.test(originalSlice(ctx, s, e))) continue;
    if (lang === 'en') {
      const c = englishCand(ctx, h.s, h.e, sawStatement, named, actors);
      if (!c) continue;
      [s, e] = c.span;
      plural = c.plural;
    } else {
      const after = ctx.t.slice(h.e, h.e + 8);
      if (lexicon.agreementHeadNotBefore[lang].some((w) => after.startsWith(w))) continue;
      if (lang === 'ja') {
        s = extendJapanese(ctx, h.s);
        // ソウル 宣言 (a space, as machine translation leaves one): the place begins the name all the same.
        if (s === h.s && ctx.t[s - 1] === ' ') s = placeEndingAt(ctx, s - 1, 'ja') ?? s;
        e = yearAfter(ctx, e);
        plural = PLURAL.ja.has(ctx.t.slice(s, h.s));
        s = quotedStart(ctx, s, e, 'ja');
      } else {
        s = extendKorean(ctx, h.s, actors);
        // 협정들은: the plural suffix is part of the noun (particles stay outside).
        const suffix = PLURAL.ko.find((p) => ctx.t.startsWith(p, e));
        const after = e + (suffix?.length ?? 0);
        if (suffix && (!isHangul(code(ctx, after)) || lexicon.particles.ko.some((p) => ctx.t.startsWith(p, after)))) {
          e = after;
          plural = true;
        }
        s = quotedStart(ctx, s, e, 'ko');
      }
    }
    if (type === 'statement') sawStatement = true;
    cands.push({ s, e, prio: PRIO.pattern, head: [h.s, h.e], agreementType: type, known: false, parts: [], plural });
  }
  for (const c of placeNamedCands(ctx, actors)) if (!(inOrganization[c.s] && inOrganization[c.e - 1])) cands.push(c);
  const chosen = chooseLeftmostLongest(cands) as AgreementCand[];
  const starts = new Set(chosen.map((c) => c.s));
  const items = chosen.map((c, i): AgreementItem => {
    const next = chosen[i + 1];
    const head = c.head ? ctx.t.slice(c.head[0], c.head[1]) : '';
    const plural = !c.known && c.plural === true;
    const bare = plural || (!c.known && c.head !== undefined && c.head[1] === c.e && (c.head[0] === c.s || ANAPHORIC.test(ctx.t.slice(c.s, c.head[0]))));
    return {
      s: c.s,
      e: c.e,
      type: c.agreementType,
      known: c.known ? c.parts[0] : null,
      parensNext: next !== undefined && inParensAfter(ctx, c, next) && (next.known || shortNameHead(ctx, next)),
      text: ctx.t.slice(c.s, c.e),
      head,
      bare,
      generic: plural || (bare && isGeneric(ctx, c.s, c.e)),
      current: bare && CURRENT.some((w) => ctx.t.startsWith(w, c.s - w.length)),
      acronym: acronymAfter(ctx, c.e, starts),
    };
  });
  return { items, sawStatement };
}

function knownAgreementCands(ctx: Ctx): AgreementCand[] {
  const cands: AgreementCand[] = [];
  for (const h of ctx.hits.free) {
    const ent = ctx.ckb.entities[h.ref.entity];
    if (ent.kind !== 'agreement' || !boundaryOk(ctx, h.s, h.e) || !caseOk(ctx, h.s, h.e, h.ref)) continue;
    cands.push({ s: h.s, e: h.e, prio: PRIO.dictionary, agreementType: ent.type as AgreementType, known: true, parts: [{ s: h.s, e: h.e, entity: ent.id, type: ent.type as AgreementType, qid: ent.qid ?? null }] });
  }
  return cands;
}

/** Whether `next` stands in parentheses right after `c`: "A(B)", "A (B)". */
function inParensAfter(ctx: Ctx, c: Cand, next: Cand): boolean {
  const open = ctx.t[c.e] === '(' ? c.e : ctx.t.startsWith(' (', c.e) ? c.e + 1 : -1;
  return open !== -1 && next.s === open + 1 && ctx.t[next.e] === ')';
}

/** A head that is a short name alone (FTA, EPCA, MOU), written in capitals. */
function shortNameHead(ctx: Ctx, c: AgreementCand): boolean {
  return !c.known && c.head !== undefined && c.head[0] === c.s && c.head[1] === c.e && ACRONYM_HEAD.test(ctx.t.slice(c.s, c.e));
}

/** Whether a region names a known statement: anywhere in the article, that lets a lower-case "statement" be a document. */
export function namesKnownStatement(ctx: Ctx): boolean {
  return knownAgreementCands(ctx).some((c) => c.agreementType === 'statement');
}

/** A chosen agreement span of one region, with the strings and neighbours linking reads. */
export interface AgreementItem {
  s: number;
  e: number;
  type: AgreementType;
  /** A knowledge-base agreement: its part. */
  known: Part | null;
  /** Followed at once by a known agreement or a short name (FTA, EPCA) in parentheses ("A(B)", "A (B)"): the next item is that one. */
  parensNext: boolean;
  /** The span's normalized text, and its head noun ('' for known ones). */
  text: string;
  head: string;
  /** Only the head noun, alone or after an anaphoric prefix (同協定, この条約). */
  bare: boolean;
  /** A bare head naming a kind, not a document (こうした協定, 공동성명이랑 뭐가 달라요): linked to nothing. */
  generic: boolean;
  /** A bare head after 今回の / 이번: the document the article reports, not merely the latest one named. */
  current: boolean;
  /** An all-caps short name in parentheses right after it (円滑化協定（RAA）). */
  acronym: { s: number; e: number; name: string } | null;
}

/** The words around a bare head that make it generic (kb/data/generic-heads.json), normalized. */
const GENERIC = {
  before: [...genericHeads.before.ja, ...genericHeads.before.ko, ...genericHeads.before.en].map(normalizeForm),
  after: [...genericHeads.after.ja, ...genericHeads.after.ko].map(normalizeForm),
};

/** 今回の協定, 이번 협정: "this time's" document is the story's own (kb/data/generic-heads.json, current). */
const CURRENT = [...genericHeads.current.ja, ...genericHeads.current.ko].map(normalizeForm);

/** Whether an agreement entity id is one linkAgreements made for a generic head. */
export function isGenericAgreementId(id: string): boolean {
  return /:generic-\d+$/.test(id);
}

function isGeneric(ctx: Ctx, s: number, e: number): boolean {
  const t = ctx.t;
  let b = s;
  while (b > 0 && t[b - 1] === ' ') b--;
  if (GENERIC.before.some((w) => t.startsWith(w, b - w.length) && !/[a-z]/.test(t[b - w.length - 1] ?? ' '))) return true;
  return GENERIC.after.some((w) => t.startsWith(w, e));
}

const ACRONYM = /^ ?[(]([a-z][a-z0-9&.-]{1,11})[)]/;

/**
 * 円滑化協定（RAA）, Visiting Forces Agreement (VFA): an all-caps short name in
 * parentheses right after an agreement is a mention of it (and every later use of
 * that short name in the article is too: acronymUses).
 */
function acronymAfter(ctx: Ctx, e0: number, starts: Set<number>): AgreementItem['acronym'] {
  const m = ACRONYM.exec(ctx.t.slice(e0, e0 + 15));
  if (!m) return null;
  const s = e0 + m[0].indexOf('(') + 1;
  const e = s + m[1].length;
  const original = ctx.orig.slice(ctx.origin[s], ctx.origin[e]).normalize('NFKC');
  return original !== original.toUpperCase() || starts.has(s) ? null : { s, e, name: m[1] };
}

/** Whether an agreement span starts one word before `i` (a word, then a space or a dash). */
function startsBefore(t: string, i: number, starts: ReadonlySet<number>): boolean {
  if (t[i - 1] !== ' ' && t[i - 1] !== '-') return false;
  let p = i - 1;
  while (p > 0 && /[\p{L}\p{N}・.-]/u.test(t[p - 1])) p--;
  return p < i - 1 && starts.has(p);
}

/** Uses of a defined short name in a region's text from `from` on, written in capitals, that no agreement span starts at. */
export function acronymUses(ctx: Ctx, acronym: string, from: number, starts: ReadonlySet<number>): number[] {
  const out: number[] = [];
  for (let i = ctx.t.indexOf(acronym, from); i !== -1; i = ctx.t.indexOf(acronym, i + 1)) {
    const e = i + acronym.length;
    if (starts.has(i) || !boundaryOk(ctx, i, e, undefined, true)) continue;
    if (ctx.orig.slice(ctx.origin[i], ctx.origin[e]).normalize('NFKC') !== acronym.toUpperCase()) continue;
    // 한-메르코수르 TA: the short name ends a name that starts one word before it (hits are gone by now in one-shot sessions).
    if (startsBefore(ctx.t, i, starts)) continue;
    out.push(i);
  }
  return out;
}

// ---------------------------------------------------------------- English

/** Where actors (KB hits of the right case, one-character abbreviations) start in a region: start → ends. */
type ActorIndex = Map<number, number[]>;
function actorIndex(ctx: Ctx): ActorIndex {
  const out: ActorIndex = new Map();
  const add = (s: number, e: number) => (out.get(s) ?? out.set(s, []).get(s)!).push(e);
  for (const h of ctx.hits.free) {
    if (ctx.ckb.entities[h.ref.entity].kind !== 'actor' || !boundaryOk(ctx, h.s, h.e) || !caseOk(ctx, h.s, h.e, h.ref)) continue;
    add(h.s, h.e);
  }
  for (const i of ctx.hits.abbrKo.keys()) add(i, i + 1);
  for (const i of ctx.hits.abbrJa.keys()) add(i, i + 1);
  return out;
}

const isJoiner = (c: string | undefined) => c === '-' || c === '/' || c === String.fromCharCode(MIDDLE_DOT);

/**
 * Whether [s, e) is actors joined by hyphens or middle dots, at least one of them a
 * country or body (EU-Mercosur, Korea-GCC, 한-케냐, 한・필리핀, 한미일); regions may be
 * parts when an actor is (한-아프리카).
 */
function actorCompound(ctx: Ctx, s: number, e: number, actors: ActorIndex, regions: readonly string[] = []): boolean {
  const t = ctx.t;
  // `parts`: how many names were read; a lone one-character abbreviation (한 in 주제로 한) is no compound.
  const walk = (p: number, any: boolean, parts: number): boolean => {
    if (p === e) return any && (parts > 1 || e - s > 1);
    if (p > s && isJoiner(t[p])) return p + 1 < e && walk(p + 1, any, parts);
    for (const end of actors.get(p) ?? []) if (end <= e && walk(end, true, parts + 1)) return true;
    for (const r of regions) if (t.startsWith(r, p) && p + r.length <= e && walk(p + r.length, any, parts + 1)) return true;
    return false;
  };
  return walk(s, false, 0);
}

const ACRONYM_HEAD = /^(?:fta|epa|cepa|epca|mou)s?$/;
const COMMUNIQUE = /^communiqu[eé]s?$/;

/** The singular of an English head (protocols → protocol, treaties → treaty, memoranda → memorandum). */
function singular(head: string): string {
  if (head === 'memoranda') return 'memorandum';
  if (head.endsWith('ies')) return head.slice(0, -3) + 'y';
  return head.endsWith('s') ? head.slice(0, -1) : head;
}

/** The English word ending at `e` (lower-case, from the normalized text) and where it starts. */
function wordBefore(t: string, e: number): { w: string; s: number } | null {
  let s = e;
  while (s > 0 && /[a-z0-9'’.-]/.test(t[s - 1])) s--;
  return s === e ? null : { w: t.slice(s, e), s };
}

/**
 * An English head noun as a mention, or null when it is no document here: the span with the
 * words before it that belong to the name and an "on / of ..." complement after it
 * (guidelines, Agreement spans 2), and whether it is a plural naming no one document.
 */
function englishCand(ctx: Ctx, s: number, e: number, sawStatement: boolean, named: Map<string, number>, actors: ActorIndex): { span: [number, number]; plural: boolean } | null {
  const t = ctx.t;
  if (isLatinLetter(code(ctx, s - 1)) || isLatinLetter(code(ctx, e))) return null;
  const head = t.slice(s, e);
  const original = originalSlice(ctx, s, e);
  const next = /^ ([a-z]+)/.exec(t.slice(e, e + 16));
  // charter flight, protocol officer: the head is a modifier of another noun.
  if (next && lexicon.englishHeadNotBefore.has(next[1])) return null;
  // FTA, EPCA, MoU are short names only in capitals ("mou" is no word of English).
  if (ACRONYM_HEAD.test(head)) {
    if (!/^(?:[A-Z]{2,5}|MoU)s?$/.test(original)) return null;
    return { span: extendEnglish(ctx, s, e, actors), plural: false };
  }
  if (original[0] !== original[0].toLowerCase()) return { span: extendEnglish(ctx, s, e, actors), plural: false };

  const sing = singular(head);
  const plural = sing !== head;
  const start = modifiersBefore(ctx, s, actors);
  const tail = englishComplement(ctx, e);
  const modified = start < s;
  const prev = wordBefore(t, s - 1);
  const prevWord = t[s - 1] === ' ' && prev ? prev.w : '';
  const quantified = plural && (lexicon.agreementQuantifiers.has(prevWord) || /^\d+$/.test(prevWord));
  const earlier = named.get(sing);
  // "the accord", "a protocol amending …": a document (not "of its own accord", "in accord with").
  const determined = sing === 'accord' && /^(?:the|this|that|an)$/.test(prevWord);
  const amending = next !== null && /^(?:amending|supplementing|establishing)$/.test(next[1]);
  // "the protocols" counts documents too (a singular "the protocol" alone may be etiquette).
  // Only a party or a document word licenses one (ECOWAS protocol, accession protocol; not security protocols).
  const documentLike = modified && t.slice(start, s).split(/[ -]/).some((w) => w && !lexicon.agreementModifiers.procedural.has(w));
  const licensed = documentLike || determined || amending || tail.prep !== '' || quantified || (plural && prevWord === 'the') || (earlier !== undefined && earlier < s);
  // "statement" alone is a document only once one was named (or with a kind before it: final statement).
  if (sing === 'statement' && !sawStatement && !modified) return null;
  // "protocol" of etiquette, a "charter" flight, a party "convention", "of its own accord": only with a
  // name (digital trade protocol, ECOWAS protocol), a topic (protocol on ...), a count (both protocols)
  // or after one was named.
  if (lexicon.englishCapitalizedOnly.has(sing) && sing !== 'statement' && sing !== 'declaration' && !COMMUNIQUE.test(sing) && !licensed) return null;
  if ((sing === 'agreement' || sing === 'accord') && !modified && tail.prep === '') {
    // "in agreement with", "reached an agreement", "agreement that ...": consent, not a document.
    if (/^ (?:with|that)\b/.test(t.slice(e, e + 6))) return null;
    if (prevWord === 'in' || /\breach(?:ed|es|ing)? (?:(?:a|an|the|broad|an initial|a broad) )?$/.test(t.slice(Math.max(0, s - 24), s))) return null;
  }
  if (modified || tail.prep !== '') {
    if (!named.has(sing)) named.set(sing, s);
  }
  // A plural with a name before it is one set of documents (the Dakar accords); a plural alone, several (both protocols).
  const namedSet = plural && /[A-Z]/.test(originalSlice(ctx, start, s));
  return { span: [start, tail.end], plural: plural && !namedSet };
}

/**
 * The words before a lower-case head that are part of its name: kind and topic words
 * (free trade, digital trade, final), parties (EU, EU-Mercosur, Korea-GCC), and a proper
 * name after "the" (the Minsk agreements). Possessives (the summit's, the EU's), dates and
 * evaluations (new, landmark) stay outside.
 */
function modifiersBefore(ctx: Ctx, s: number, actors: ActorIndex): number {
  const t = ctx.t;
  let start = s;
  for (let n = 0; n < 6 && t[start - 1] === ' '; n++) {
    const b = wordBefore(t, start - 1);
    if (!b) break;
    // A trailing full stop ends a sentence, not a word of the name.
    if (b.w.endsWith('.') && !/^(?:[a-z]\.)+$/.test(b.w)) break;
    if (/['’]s?$/.test(b.w)) break;
    if (actorCompound(ctx, b.s, start - 1, actors) || actorEndingAt(ctx, start - 1, actors, b.s) !== undefined) {
      start = actorEndingAt(ctx, start - 1, actors, b.s) ?? b.s;
      continue;
    }
    const orig = originalSlice(ctx, b.s, start - 1);
    const capitalized = orig[0] !== orig[0].toLowerCase();
    if (!capitalized) {
      if (b.w.split('-').every((p) => lexicon.agreementModifiers.en.has(p))) {
        start = b.s;
        continue;
      }
      break;
    }
    // A known place right before the head names the document without "the" too (a Gyeongju declaration),
    // not after a preposition ("met in Seoul agreement was near" is the city, then consent).
    const place = n === 0 ? placeEndingAt(ctx, start - 1, 'en') : undefined;
    const before = place !== undefined && t[place - 1] === ' ' ? wordBefore(t, place - 1) : null;
    if (place !== undefined && !(before && PLACE_NOT_AFTER.has(before.w))) {
      start = place;
      break;
    }
    // A capitalized word that is no actor: a place or name, only right before the head and after "the".
    if (n > 0 || lexicon.dateWords.has(b.w) || /\d/.test(b.w)) break;
    const det = wordBefore(t, b.s - 1);
    if (t[b.s - 1] === ' ' && det && det.w === 'the') start = b.s;
    break;
  }
  return start;
}

/** The start of an actor (a multi-word one: European Union) that ends at `e` and starts at or before `from`. */
function actorEndingAt(ctx: Ctx, e: number, actors: ActorIndex, from: number): number | undefined {
  let best: number | undefined;
  for (let p = from; p >= Math.max(0, from - 40); p--) {
    if ((actors.get(p) ?? []).includes(e) && (p === 0 || ctx.t[p - 1] === ' ' || isJoiner(ctx.t[p - 1]))) best = p;
  }
  if (best !== undefined && isJoiner(ctx.t[best - 1])) {
    // EU-Mercosur, Korea-GCC: another actor before the joiner.
    const b = actorEndingAt(ctx, best - 1, actors, best - 2);
    if (b !== undefined) return b;
  }
  return best;
}

const TAIL_START = /^ (on|of|concerning|regarding|for) /;
const TAIL_FUNCTION = new Set(['of', 'on', 'in', 'and', 'or']);
const ARTICLE = new Set(['the', 'a', 'an']);
const PARTICIPLE_BEFORE = /^(?: (?:by|to|in|into|at|on|with|for|from|after|the|a|an|its|their|this|that|last|since|under)\b|[.,;:]|$)/;

/** An English word at p: lower-case words with inner hyphens and apostrophes. */
function wordAt(t: string, p: number): string {
  // Lower-case letters of any Latin script: Asunción, Québec are one word.
  const m = /^\p{Ll}[\p{Ll}\p{M}0-9'’-]*/u.exec(t.slice(p, p + 40));
  return m ? m[0].replace(/['’-]+$/, '') : '';
}

/**
 * The complement after a lower-case head: "on the free movement of people", "of permanent
 * good-neighbourliness", "on raw materials, batteries and renewable hydrogen". It ends before
 * a verb or auxiliary, a relative word, another preposition (with, between, by), a date or
 * number (on Wednesday, in 2022), a comma that does not continue a list, and any other mark.
 */
function englishComplement(ctx: Ctx, e: number): { end: number; prep: string } {
  const t = ctx.t;
  const m = TAIL_START.exec(t.slice(e, e + 14));
  const none = { end: e, prep: '' };
  if (!m) return none;
  const prep = m[1];
  const stops = lexicon.agreementTailStops;
  const dates = lexicon.dateWords;
  let p = e + m[0].length;
  let end = e;
  let afterFunction = true;
  let previous = prep;
  let content = 0;
  for (let words = 0; words < 14; words++) {
    const w = wordAt(t, p);
    if (!w || stops.has(w) || dates.has(w)) break;
    const capitalized = originalSlice(ctx, p, p + 1) !== originalSlice(ctx, p, p + 1).toLowerCase();
    // "the agreement for Switzerland": "for" before a name is no topic.
    if (prep === 'for' && content === 0 && capitalized) break;
    if (ARTICLE.has(w)) {
      // "on X and the treaty": an article after and/or starts another noun phrase.
      if (!afterFunction || previous === 'and' || previous === 'or') break;
    } else if (TAIL_FUNCTION.has(w)) {
      if (afterFunction) break;
      // "in 2022", "in Samarkand": a date or place, not part of the topic.
      if (w === 'in' && !/^ [a-z]/.test(t.slice(p + 2, p + 4)) ) break;
      if (w === 'in' && originalSlice(ctx, p + 3, p + 4) !== originalSlice(ctx, p + 3, p + 4).toLowerCase()) break;
      afterFunction = true;
    } else {
      if (w.endsWith('ed') && PARTICIPLE_BEFORE.test(t.slice(p + w.length, p + w.length + 6))) break;
      afterFunction = false;
      content++;
      end = p + w.length;
    }
    previous = w;
    const q = p + w.length;
    if (t[q] === ' ') {
      p = q + 1;
      continue;
    }
    if (t[q] === ',' && t[q + 1] === ' ' && !afterFunction && listGoesOn(ctx, q + 2)) {
      p = q + 2;
      continue;
    }
    break;
  }
  return content > 0 ? { end, prep } : none;
}

/** After a comma in a complement: whether a list goes on (", batteries and renewable hydrogen"), closed by and/or. */
function listGoesOn(ctx: Ctx, p: number): boolean {
  const t = ctx.t;
  let inItem = 0;
  for (let words = 0; words < 12; words++) {
    const w = wordAt(t, p);
    if (!w || lexicon.agreementTailStops.has(w) || lexicon.dateWords.has(w) || ARTICLE.has(w)) return false;
    if (w === 'and' || w === 'or') return inItem > 0 && /^ [a-z]/.test(t.slice(p + w.length, p + w.length + 2));
    if (TAIL_FUNCTION.has(w)) return false;
    if (++inItem > 4) return false;
    const q = p + w.length;
    if (t[q] === ' ') p = q + 1;
    else if (t[q] === ',' && t[q + 1] === ' ') {
      p = q + 2;
      inItem = 0;
    } else return false;
  }
  return false;
}

/**
 * Capitalized words before a capitalized head (Comprehensive Strategic Partnership Treaty; Enhanced
 * Partnership and Cooperation Agreement; EU-Uzbekistan EPCA), and "of/on the ..." after it.
 */
function extendEnglish(ctx: Ctx, s: number, e: number, actors: ActorIndex): [number, number] {
  const orig = (a: number, b: number) => ctx.orig.slice(ctx.origin[a], ctx.origin[b]);
  const capitalized = (a: number) => {
    const ch = orig(a, a + 1);
    return ch !== ch.toLowerCase();
  };
  if (!capitalized(s)) return [s, e];
  let start = s;
  for (;;) {
    if (ctx.t[start - 1] !== ' ') break;
    const b = wordBefore(ctx.t, start - 1);
    if (!b) break;
    const w = b.w;
    if (/['’]s?$/.test(w) || (w.endsWith('.') && !/^(?:[a-z]\.)+$/.test(w))) break;
    if (/^(?:and|of|for|&)$/.test(w) && start !== s) {
      // "Partnership and Cooperation": a connector inside the name, between capitalized words that are no actors.
      const c = ctx.t[b.s - 1] === ' ' ? wordBefore(ctx.t, b.s - 1) : null;
      if (!c || !capitalized(c.s) || /^(?:the|a|an|in|on|of|and|by|to|at)$/i.test(c.w) || actorEndingAt(ctx, b.s - 1, actors, c.s) !== undefined) break;
      start = c.s;
      continue;
    }
    // Japan And Korea Sign New Trade Agreement: a headline's verb ends the name.
    if (!capitalized(b.s) || /^(?:the|a|an|in|on|of|and|by|to|at|for)$/i.test(w) || lexicon.headlineWords.en.has(orig(b.s, b.s + w.length))) break;
    start = b.s;
  }
  let end = e;
  const tail = /^ (?:of|on|for|between|concerning)(?: the)?(?: [A-Z][\p{L}\p{M}\p{N}'’-]*(?: (?:of|and|on|the|in|for))*)+/u.exec(orig(e, Math.min(ctx.t.length, e + 120)));
  // "Geelong Treaty on AUKUS", "Treaty between Japan and ...": parties or a subject after the name are not in it.
  const first = tail ? /^ [a-z]+(?: the)? /.exec(ctx.t.slice(e, e + 20)) : null;
  if (tail && first && actors.has(e + first[0].length)) return [start, e];
  if (tail) {
    // "Charter of September 2023": a date is no part of the name.
    let text = tail[0];
    const date = /(?: [A-Z][a-z]*)/g;
    for (let d; (d = date.exec(text)); ) {
      if (lexicon.dateWords.has(d[0].slice(1).toLowerCase())) {
        text = text.slice(0, d.index);
        break;
      }
    }
    text = text.replace(/(?: (?:of|and|on|the|in|for|between|concerning))+$/, '');
    end = e + text.length;
  } else {
    // "a Memorandum of Understanding on energy cooperation": a lower-case topic after a capitalized head.
    const topic = englishComplement(ctx, e);
    if (topic.prep === 'on') end = topic.end;
  }
  return [start, end];
}

// ---------------------------------------------------------------- Places

type PlaceLang = 'ja' | 'ko' | 'en';
const longestFirst = (xs: string[]) => [...new Set(xs.map(normalizeForm))].sort((a, b) => b.length - a.length);
/** Places documents are named after (kb/data/places.json), normalized, longest first. */
const PLACES: Record<PlaceLang, string[]> = {
  ja: longestFirst(placesData.places.flatMap((p) => p.ja)),
  ko: longestFirst(placesData.places.flatMap((p) => p.ko)),
  en: longestFirst(placesData.places.flatMap((p) => p.en)),
};
/** Words that name a document only after a place (민스크 합의, ハノイ合意); alone they are consent. */
const PLACE_HEADS = { ja: placesData.heads.ja.map(normalizeForm), ko: placesData.heads.ko.map(normalizeForm) };

/** English words after which a place is where something happens, not a document's name. */
const PLACE_NOT_AFTER = new Set(['in', 'at', 'from', 'to', 'into', 'near', 'via', 'of', 'on', 'for', 'by', 'with', 'across', 'outside', 'inside', 'around', 'visited', 'visiting', 'left', 'leaving']);

/** Whether the character before a place lets it begin a word in its script. */
const placeStartOk: Record<PlaceLang, (c: number) => boolean> = {
  ja: (c) => !isNameChar(c),
  ko: (c) => !isKoreanWordChar(c),
  en: (c) => !isLatinOrDigit(c) && c !== 0x2d,
};

/** The start of a known place that ends at `e` and begins a word there, if one does. */
function placeEndingAt(ctx: Ctx, e: number, lang: PlaceLang): number | undefined {
  for (const p of PLACES[lang]) {
    const s = e - p.length;
    if (s >= 0 && ctx.t.startsWith(p, s) && placeStartOk[lang](code(ctx, s - 1))) return s;
  }
  return undefined;
}

/**
 * 민스크 합의, 싱가포르합의, ハノイ合意, 米朝シンガポール合意: a place (with or without a space in Korean)
 * before a word that names a document only after one. Not the verb or another noun (합의했다,
 * 合意した, 합의안); particles stay outside. In Japanese, parties written right before the place
 * belong to the name; Korean parties before a space stay outside (a known name such as 워싱턴
 * 선언 keeps its entity).
 */
function placeNamedCands(ctx: Ctx, actors: ActorIndex): AgreementCand[] {
  const t = ctx.t;
  const out: AgreementCand[] = [];
  const actorEnds = new Set<number>();
  for (const ends of actors.values()) for (const e of ends) actorEnds.add(e);
  for (const lang of ['ko', 'ja'] as const) {
    for (const word of PLACE_HEADS[lang]) {
      for (let i = t.indexOf(word); i !== -1; i = t.indexOf(word, i + 1)) {
        const e = i + word.length;
        const next = code(ctx, e);
        let s: number | undefined;
        if (lang === 'ko') {
          const particle = lexicon.particles.ko.find((p) => t.startsWith(p, e));
          if (isHangul(next) && !(particle && !isHangul(code(ctx, e + particle.length)))) continue;
          s = placeEndingAt(ctx, t[i - 1] === ' ' ? i - 1 : i, 'ko');
        } else {
          // 合意した, 合意する, 合意され, 合意できず; 合意書 and 合意文書 are heads of their own.
          if (/[しすさせでき書文]/.test(t[e] ?? '')) continue;
          const p = PLACES.ja.find((w) => t.startsWith(w, i - w.length));
          if (p === undefined) continue;
          const ps = i - p.length;
          if (placeStartOk.ja(code(ctx, ps - 1))) s = ps;
          else if (actorEnds.has(ps)) s = extendJapanese(ctx, ps);
        }
        if (s === undefined) continue;
        out.push({ s, e, prio: PRIO.pattern, head: [i, e], agreementType: 'agreement', known: false, parts: [] });
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------- Japanese and Korean

/** The words that make a head plural (kb/data/generic-heads.json, plural). */
const PLURAL = { ja: new Set(genericHeads.plural.ja.map(normalizeForm)), ko: genericHeads.plural.ko.map(normalizeForm) };

const isLatinOrDigit = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);

/**
 * The run of kanji/katakana before the head (包括的戦略パートナーシップ条約), across に関する and
 * the like, and Latin names in it (SCO憲章, 日EU・EPA, G20首脳宣言; digits only after a letter).
 */
function extendJapanese(ctx: Ctx, head: number): number {
  let s = head;
  const unit = (i: number) => {
    const c = code(ctx, i);
    if (isNameChar(c) || (c >= 0x61 && c <= 0x7a)) return true;
    if (c < 0x30 || c > 0x39) return false;
    let k = i;
    while (k > 0 && code(ctx, k - 1) >= 0x30 && code(ctx, k - 1) <= 0x39) k--;
    return k > 0 && code(ctx, k - 1) >= 0x61 && code(ctx, k - 1) <= 0x7a;
  };
  for (;;) {
    while (s > 0 && unit(s - 1) && head - s < 30) s--;
    const connector = lexicon.agreementConnectors.find((w) => ctx.t.startsWith(w, s - w.length));
    if (!connector || !unit(s - connector.length - 1)) break;
    s -= connector.length;
  }
  while (s < head && code(ctx, s) === MIDDLE_DOT) s++;
  return s;
}

const QUOTES: Record<string, string> = { '」': '「', '』': '『', '’': '‘', '”': '“', "'": "'", '"': '"', '》': '《', '〉': '〈' };

/**
 * A name in quotes that ends in its head is the name, whole: 「南シナ海における関係国の行動に関する宣言」,
 * '신시대 … 심화에 관한 공동성명'. Not a quoted sentence: no sentence mark, no は/が/を, no Korean
 * subject or object particle (은/는/이/가/을/를) at a word's end.
 */
function quotedStart(ctx: Ctx, s: number, e: number, lang: 'ja' | 'ko'): number {
  const t = ctx.t;
  const open = QUOTES[t[e]];
  if (!open) return s;
  let o = s - 1;
  while (o >= 0 && s - o <= 60 && t[o] !== open && !QUOTES[t[o]] && t[o] !== '\n') o--;
  if (o < 0 || t[o] !== open || o + 1 >= s) return s;
  const inner = t.slice(o + 1, s);
  if (/[。.!?！？、,]/.test(inner)) return s;
  if (lang === 'ja' && /[はがを]/.test(inner)) return s;
  if (lang === 'ko' && inner.split(' ').some((w) => /(?:은|는|이|가|을|를)$/.test(w) && w.length > 2)) return s;
  // '2025~2027 공동행동계획', 「2030年までの…」: dates in front stay outside (guidelines, Agreement spans 2).
  const date = (lang === 'ja' ? /^(?:[0-9]+(?:[~〜-][0-9]+)?(?:年度|年|月|日)?(?:までの|からの|の)?)+/ : /^(?:[0-9]+(?:[~〜-][0-9]+)?(?:년|월|일)?(?:의)? )+/).exec(inner);
  return date && o + 1 + date[0].length < s ? o + 1 + date[0].length : date ? s : o + 1;
}

/** 横浜宣言2025: a year right after the head is part of the name (not 2025年, a date). */
function yearAfter(ctx: Ctx, e: number): number {
  const m = /^(?:19|20)\d\d/.exec(ctx.t.slice(e, e + 5));
  if (!m) return e;
  const after = ctx.t[e + 4];
  if (after !== undefined && /[0-9年月日度]/.test(after)) return e;
  return e + 4;
}

const isKoreanWordChar = (c: number) => isHangul(c) || c === MIDDLE_DOT || c === 0x2d || isLatinOrDigit(c);
/** Words before a head that are no part of its name even without a particle. */
const KOREAN_NOT_NAME = new Set(['이날', '오늘', '어제', '당일', '전날', '같은', '또', '또한', '특히', '함께', '이어', '앞서', '이번', '지난', '해당', '양국', '모든', '각종', '이런', '이러한', '그런', '그러한', '어떤', '당시', '관련', '역대', '이른바', '새로운', '기존', '향후', '최근', '올해', '내년', '작년', '지난해']);

/** A Korean word with no particle or verb ending: a noun that can modify the next one (공급망, 핵심광물). */
function koreanNoun(w: string): boolean {
  if (w.length < 2 || KOREAN_NOT_NAME.has(w) || /[0-9]/.test(w)) return false;
  if (lexicon.particles.ko.some((p) => w.endsWith(p) && w.length - p.length >= 2)) return false;
  if (lexicon.koreanEndings.some((x) => w.endsWith(x))) return false;
  return !/(?:한|된|될|할|던|운|는|은|을)$/.test(w);
}

/** Where up to three nouns ending at `we` start when a verb of concluding stands before them (체결한 사증 면제 | 협정). */
function koreanNounsAfterConcluding(ctx: Ctx, first: number): number | undefined {
  const t = ctx.t;
  let s = first;
  for (let k = 0; k < 3; k++) {
    if (t[s - 1] !== ' ') return undefined;
    let ws = s - 1;
    while (ws > 0 && isKoreanWordChar(code(ctx, ws - 1))) ws--;
    const w = t.slice(ws, s - 1);
    if (lexicon.agreementModifiers.koConcluded.has(w)) return s;
    if (!koreanNoun(w)) return undefined;
    s = ws;
  }
  return undefined;
}

/**
 * The Korean word that ends in the head (북러조약, 공동성명), and the words before it, across
 * spaces, that name it: parties (한-케냐 EPA, 한・필리핀 FTA), kind and topic words (최종 성명,
 * 가입 의정서), a topic joined by 에 관한 / 에 대한 / 을 위한 (핵심광물 공급망 협력에 관한 양해각서),
 * a summit after parties (한미일 정상회의 공동성명), a name after a year (1991년 아순시온 조약).
 * Particles after it stay outside.
 */
function extendKorean(ctx: Ctx, head: number, actors: ActorIndex): number {
  const t = ctx.t;
  let s = head;
  while (s > 0 && (isHangul(code(ctx, s - 1)) || code(ctx, s - 1) === MIDDLE_DOT) && head - s < 20) s--;
  let connector = false;
  let nouns = 0;
  let modifiers = 0;
  for (let n = 0; n < 6 && t[s - 1] === ' '; n++) {
    const we = s - 1;
    let ws = we;
    while (ws > 0 && isKoreanWordChar(code(ctx, ws - 1))) ws--;
    if (ws === we) break;
    const w = t.slice(ws, we);
    if (actorCompound(ctx, ws, we, actors, lexicon.regions.ko)) {
      s = ws;
      break;
    }
    // 서울 선언, 부산 공동성명, 캠프 데이비드 선언: a known place right before the head begins the name.
    const place = n === 0 ? placeEndingAt(ctx, we, 'ko') : undefined;
    if (place !== undefined) {
      s = place;
      break;
    }
    if (lexicon.agreementModifiers.ko.has(w) && !connector) {
      s = ws;
      modifiers++;
      continue;
    }
    const particles = lexicon.agreementModifiers.koConnectors.get(w);
    if (particles && !connector && t[ws - 1] === ' ') {
      let ps = ws - 1;
      while (ps > 0 && isKoreanWordChar(code(ctx, ps - 1))) ps--;
      const pw = t.slice(ps, ws - 1);
      if (!particles.some((p) => pw.endsWith(p) && pw.length > p.length + 1)) break;
      s = ps;
      connector = true;
      continue;
    }
    if (connector && nouns < 6 && koreanNoun(w)) {
      s = ws;
      nouns++;
      continue;
    }
    // 한미일 정상회의 공동성명, 한-아프리카 정상회의 공동선언: a summit's document, after its parties.
    if (!connector && /(?:정상회의|정상회담|외교장관회의|외교장관회담)$/.test(w) && t[ws - 1] === ' ') {
      let ps = ws - 1;
      while (ps > 0 && isKoreanWordChar(code(ctx, ps - 1))) ps--;
      if (ps < ws - 1 && actorCompound(ctx, ps, ws - 1, actors, lexicon.regions.ko)) s = ps;
      break;
    }
    // 1991년 아순시온 조약: a name after a year.
    if (!connector && koreanNoun(w) && /(?:^|[^0-9])\d{4}년 $/.test(t.slice(Math.max(0, ws - 7), ws))) {
      s = ws;
      break;
    }
    // 원전 협력 양해각서: one more noun before a kind word; 베트남과 체결한 사증 면제 협정: the nouns after a verb of concluding.
    if (!connector && koreanNoun(w)) {
      if (modifiers > 0 && nouns < 1) {
        s = ws;
        nouns++;
        continue;
      }
      const run = koreanNounsAfterConcluding(ctx, ws);
      if (run !== undefined) s = run;
    }
    break;
  }
  return s;
}

/**
 * Entities, over the whole article's items in order: known agreements keep their id;
 * "A(B)" pairs share one. A bare head
 * noun (条約, 声明, the agreement) refers to the latest agreement of its type whose
 * name ends in that head, or that is the end of this one (この条約 → 北露条約;
 * 声明 → 共同声明; 성명 … 공동성명). A named one refers
 * to an earlier one of the same name, or of a name that begins the other's (Geelong
 * Treaty … Geelong Treaty on AUKUS), or to a bare one of the same head
 * (行動計画 … 協力に関する行動計画); otherwise it is a new document.
 * Returns one part per item (offsets as in the item).
 */
/** The document of `seen` mentioned most (ties: the first), among those that fit. */
function principal<T extends { part: Part }>(seen: readonly T[], fits: (h: T) => boolean): T | undefined {
  const counts = new Map<string, { h: T; n: number }>();
  for (const h of seen) {
    if (!fits(h)) continue;
    const c = counts.get(h.part.entity) ?? counts.set(h.part.entity, { h, n: 0 }).get(h.part.entity)!;
    c.n++;
  }
  let best: { h: T; n: number } | undefined;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  return best?.h;
}

export function linkAgreements(items: readonly AgreementItem[], docKey: string): Part[] {
  const out: Part[] = [];
  type Seen = { part: Part; text: string; name: string | null; head: string; kind: string | null };
  // Earlier mentions by type: only one of the same type can be referred to.
  const history = new Map<string, Seen[]>();
  const latest = (type: string, test: (h: Seen) => boolean) => {
    const list = history.get(type) ?? [];
    for (let i = list.length - 1; i >= 0; i--) if (test(list[i])) return list[i];
    return undefined;
  };
  const generics = new Map<string, number>();
  items.forEach((c, i) => {
    if (c.generic) {
      // Its own entity, never an antecedent: generic heads do not merge among themselves.
      const n = (generics.get(c.text) ?? 0) + 1;
      generics.set(c.text, n);
      out.push({ s: c.s, e: c.e, entity: `${docKey}:${c.type}:${c.text}:generic-${n}`, type: c.type, qid: null });
      return;
    }
    const next = c.parensNext ? items[i + 1] : undefined;
    const { head, text, bare } = c;
    const name = c.known || bare ? null : text;
    let prior: Seen | undefined;
    // "the memorandum" after "memorandum of understanding on …": the head, not the end, of the earlier name.
    const fits = (h: Seen) => h.text.endsWith(head) || head.endsWith(h.text) || (h.head !== '' && (h.head === head || h.head.startsWith(head + ' ')) && h.text.startsWith(head));
    // 자유무역협정 after 한-GCC FTA: a kind spelled out or shortened is the latest agreement of that kind.
    const kindOnly = c.known || c.generic ? undefined : KIND_ONLY.get(text);
    if (bare && c.current) prior = principal(history.get(c.type) ?? [], fits) ?? latest(c.type, fits);
    else if (bare) prior = latest(c.type, fits);
    else if (kindOnly) prior = latest(c.type, (h) => h.kind === kindOnly);
    else if (name !== null) {
      // A name without capitals is the end of the full one, before or after it: "summit declaration" / "Hague Summit Declaration".
      const alike = (a: string, b: string) => a === b || a.startsWith(b) || b.startsWith(a) || a.endsWith(' ' + b) || b.endsWith(' ' + a);
      prior = latest(c.type, (h) => (h.name !== null ? alike(h.name, name) : h.head === head));
    }
    // "Enhanced Partnership and Cooperation Agreement (EPCA)": the short name in parentheses is the same document.
    const named = i > 0 && items[i - 1].parensNext && !c.known ? out[i - 1] : undefined;
    let entity: Part;
    if (c.known) entity = c.known;
    else if (next?.known) entity = { ...next.known, type: c.type };
    else if (named) entity = named;
    else if (prior) entity = prior.part;
    else entity = { s: c.s, e: c.e, entity: `${docKey}:${c.type}:${text}`, type: c.type, qid: null };
    const p = { ...entity, s: c.s, e: c.e, type: c.known ? entity.type : c.type };
    const seen = { part: p, text, name: name ?? (prior ? prior.name : null), head, kind: kindAtEnd(text) };
    (history.get(p.type) ?? history.set(p.type, []).get(p.type)!).push(seen);
    out.push(p);
  });
  return out;
}

/** Forms of agreement kinds (kb/data/agreement-kinds.json), normalized as item texts are, longest first. */
const KIND_FORMS = agreementKinds.kinds
  .flatMap((k) => k.forms.map((f) => ({ form: normalizeForm(f), kind: k.id })))
  .sort((a, b) => b.form.length - a.form.length);
const KIND_ONLY = new Map(KIND_FORMS.map((f) => [f.form, f.kind]));

/** The kind a name ends in (한-gcc fta, 日gcc・epa, 日本・gcc経済連携協定), or null; a Latin form only as a word (cepa is no epa). */
function kindAtEnd(text: string): string | null {
  for (const { form, kind } of KIND_FORMS) {
    if (!text.endsWith(form)) continue;
    const at = text.length - form.length;
    if (at === 0 || !isLatinLetter(form.charCodeAt(0)) || !isLatinWordChar(text.charCodeAt(at - 1))) return kind;
  }
  return null;
}

/** 同協定, 本条約, 両協定: a head with an anaphoric prefix is as bare as the head alone. */
const ANAPHORIC = /^(?:同|本|両|当該|前記|上記)$/;
