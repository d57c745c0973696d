/**
 * Agreements: known ones by name and alias, others by their head noun
 * (条約, 공동성명, joint statement) extended over the modifiers that belong to
 * the name. Organization names that contain a treaty word (北大西洋条約機構)
 * stay organizations. Mentions are linked: a name followed by its short name
 * in parentheses is one agreement; a bare or generic head noun refers to the
 * latest agreement of the same type in the article.
 */
import type { AgreementType } from '../model';
import { isHangul, isKanji, isKatakana, isLatinLetter, LONG_VOWEL, MIDDLE_DOT } from '../text/script';
import { caseOk } from './actors';
import { code, boundaryOk, type Ctx } from './context';
import genericHeads from '../kb/data/generic-heads.json';
import { normalizeForm } from '../text/normalize';
import { lexicon } from './lexicon';
import { chooseLeftmostLongest, PRIO, type Cand, type Part } from './span';

const isNameChar = (c: number) => isKanji(c) || isKatakana(c) || c === MIDDLE_DOT || c === LONG_VOWEL;

interface AgreementCand extends Cand {
  /** Head-noun candidates: the span of the head itself, to tell a bare head from a named one. */
  head?: [number, number];
  agreementType: AgreementType;
  known: boolean;
}

/**
 * One region's agreement candidates, chosen leftmost-longest, with what document-wide
 * linking needs read off the region's text. `sawStatement`: whether the article names a
 * known statement anywhere, or a statement before this region; returned updated.
 */
export function agreementCands(ctx: Ctx, inOrganization: Uint8Array, sawStatement: boolean): { items: AgreementItem[]; sawStatement: boolean } {
  const cands = knownAgreementCands(ctx);
  for (const h of ctx.hits.heads) {
    if (inOrganization[h.s] && inOrganization[h.e - 1]) continue;
    const lang = h.ref.lang!;
    const type = h.ref.agreementType as AgreementType;
    let s = h.s;
    let e = h.e;
    if (lang === 'en') {
      if (!englishHeadOk(ctx, h.s, h.e, sawStatement)) continue;
      [s, e] = extendEnglish(ctx, h.s, h.e);
    } else {
      const after = ctx.t.slice(h.e, h.e + 8);
      if (lexicon.agreementHeadNotBefore[lang].some((w) => after.startsWith(w))) continue;
      if (lang === 'ja') s = extendJapanese(ctx, h.s);
      else s = extendKorean(ctx, h.s);
    }
    if (type === 'statement') sawStatement = true;
    cands.push({ s, e, prio: PRIO.pattern, head: [h.s, h.e], agreementType: type, known: false, parts: [] });
  }
  const chosen = chooseLeftmostLongest(cands) as AgreementCand[];
  const starts = new Set(chosen.map((c) => c.s));
  const items = chosen.map((c, i): AgreementItem => {
    const next = chosen[i + 1];
    const head = c.head ? ctx.t.slice(c.head[0], c.head[1]) : '';
    const bare = !c.known && c.head !== undefined && c.head[1] === c.e && (c.head[0] === c.s || ANAPHORIC.test(ctx.t.slice(c.s, c.head[0])));
    return {
      s: c.s,
      e: c.e,
      type: c.agreementType,
      known: c.known ? c.parts[0] : null,
      parensNext: next !== undefined && next.known && ctx.t[c.e] === '(' && next.s === c.e + 1 && ctx.t[next.e] === ')',
      text: ctx.t.slice(c.s, c.e),
      head,
      bare,
      generic: bare && isGeneric(ctx, c.s, c.e),
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
  /** Followed at once by a known agreement in parentheses ("A(B)"): the next item is that one. */
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

const ACRONYM = /^[(]([a-z][a-z0-9&.-]{1,11})[)]/;

/**
 * 円滑化協定（RAA）, Visiting Forces Agreement (VFA): an all-caps short name in
 * parentheses right after an agreement is a mention of it (and every later use of
 * that short name in the article is too: acronymUses).
 */
function acronymAfter(ctx: Ctx, e0: number, starts: Set<number>): AgreementItem['acronym'] {
  const m = ACRONYM.exec(ctx.t.slice(e0, e0 + 14));
  if (!m) return null;
  const s = e0 + 1;
  const e = s + m[1].length;
  const original = ctx.orig.slice(ctx.origin[s], ctx.origin[e]).normalize('NFKC');
  return original !== original.toUpperCase() || starts.has(s) ? null : { s, e, name: m[1] };
}

/** Uses of a defined short name in a region's text from `from` on, written in capitals, that no agreement span starts at. */
export function acronymUses(ctx: Ctx, acronym: string, from: number, starts: ReadonlySet<number>): number[] {
  const out: number[] = [];
  for (let i = ctx.t.indexOf(acronym, from); i !== -1; i = ctx.t.indexOf(acronym, i + 1)) {
    const e = i + acronym.length;
    if (starts.has(i) || !boundaryOk(ctx, i, e, undefined, true)) continue;
    if (ctx.orig.slice(ctx.origin[i], ctx.origin[e]).normalize('NFKC') !== acronym.toUpperCase()) continue;
    out.push(i);
  }
  return out;
}

function englishHeadOk(ctx: Ctx, s: number, e: number, sawStatement: boolean): boolean {
  if (isLatinLetter(code(ctx, s - 1)) || isLatinLetter(code(ctx, e))) return false;
  const head = ctx.t.slice(s, e).replace(/s$/, '');
  const original = ctx.orig.slice(ctx.origin[s], ctx.origin[e]);
  const capitalized = original[0] !== original[0].toLowerCase();
  // "statement" alone is a document only once one was named; "charter flight", "protocol" of etiquette are not.
  if (head === 'statement' && !capitalized && !sawStatement) return false;
  if (lexicon.englishCapitalizedOnly.has(head) && !capitalized) return head === 'statement' || head === 'declaration';
  return !/^ (?:with|that)\b/.test(ctx.t.slice(e, e + 6)) || capitalized;
}

/** Capitalized words before a capitalized head (Comprehensive Strategic Partnership Treaty), and "of/on the ..." after it. */
function extendEnglish(ctx: Ctx, s: number, e: number): [number, number] {
  const orig = (a: number, b: number) => ctx.orig.slice(ctx.origin[a], ctx.origin[b]);
  const capitalized = (a: number) => {
    const ch = orig(a, a + 1);
    return ch !== ch.toLowerCase();
  };
  if (!capitalized(s)) {
    // "joint statement" / "memorandum" stay as they are; "a new Joint Statement" below handles capitals.
    return [s, e];
  }
  let start = s;
  for (;;) {
    if (ctx.t[start - 1] !== ' ') break;
    let w = start - 1;
    while (w > 0 && /[a-z0-9'’.-]/.test(ctx.t[w - 1])) w--;
    if (w === start - 1 || !capitalized(w) || /^(the|a|an|in|on|of|and|by|to|at)$/i.test(ctx.t.slice(w, start - 1))) break;
    start = w;
  }
  let end = e;
  const tail = /^ (?:of|on|for|between|concerning)(?: the)?(?: [A-Z][\w'’-]*(?: (?:of|and|on|the|in|for))*)+/.exec(orig(e, Math.min(ctx.t.length, e + 120)));
  if (tail) end = e + tail[0].replace(/(?: (?:of|and|on|the|in|for))+$/, '').length;
  return [start, end];
}

/** The run of kanji/katakana before the head (包括的戦略パートナーシップ条約), across に関する and the like. */
function extendJapanese(ctx: Ctx, head: number): number {
  let s = head;
  for (;;) {
    while (s > 0 && isNameChar(code(ctx, s - 1)) && head - s < 30) s--;
    const connector = lexicon.agreementConnectors.find((w) => ctx.t.startsWith(w, s - w.length));
    if (!connector || !isNameChar(code(ctx, s - connector.length - 1))) break;
    s -= connector.length;
  }
  while (s < head && code(ctx, s) === MIDDLE_DOT) s++;
  return s;
}

/** The Korean word that ends in the head (북러조약, 공동성명); particles after it stay outside. */
function extendKorean(ctx: Ctx, head: number): number {
  let s = head;
  while (s > 0 && (isHangul(code(ctx, s - 1)) || code(ctx, s - 1) === MIDDLE_DOT) && head - s < 20) s--;
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
  type Seen = { part: Part; text: string; name: string | null; head: string };
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
    const fits = (h: Seen) => h.text.endsWith(head) || head.endsWith(h.text);
    if (bare && c.current) prior = principal(history.get(c.type) ?? [], fits) ?? latest(c.type, fits);
    else if (bare) prior = latest(c.type, fits);
    else if (name !== null) {
      prior = latest(c.type, (h) => (h.name !== null ? h.name === name || h.name.startsWith(name) || name.startsWith(h.name) : h.head === head));
    }
    let entity: Part;
    if (c.known) entity = c.known;
    else if (next?.known) entity = { ...next.known, type: c.type };
    else if (prior) entity = prior.part;
    else entity = { s: c.s, e: c.e, entity: `${docKey}:${c.type}:${text}`, type: c.type, qid: null };
    const p = { ...entity, s: c.s, e: c.e, type: c.known ? entity.type : c.type };
    const seen = { part: p, text, name: name ?? (prior ? prior.name : null), head };
    (history.get(p.type) ?? history.set(p.type, []).get(p.type)!).push(seen);
    out.push(p);
  });
  return out;
}

/** 同協定, 本条約, 両協定: a head with an anaphoric prefix is as bare as the head alone. */
const ANAPHORIC = /^(?:同|本|両|当該|前記|上記)$/;
