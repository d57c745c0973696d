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
import { lexicon } from './lexicon';
import { chooseLeftmostLongest, PRIO, type Cand, type Part } from './span';

const isNameChar = (c: number) => isKanji(c) || isKatakana(c) || c === MIDDLE_DOT || c === LONG_VOWEL;

interface AgreementCand extends Cand {
  /** Head-noun candidates: the span of the head itself, to tell a bare head from a named one. */
  head?: [number, number];
  agreementType: AgreementType;
  known: boolean;
}

export function recognizeAgreements(ctx: Ctx, inOrganization: Uint8Array, docKey: string): Part[] {
  const cands: AgreementCand[] = [];
  for (const h of ctx.hits.free) {
    const ent = ctx.ckb.entities[h.ref.entity];
    if (ent.kind !== 'agreement' || !boundaryOk(ctx, h.s, h.e) || !caseOk(ctx, h.s, h.e, h.ref)) continue;
    cands.push({ s: h.s, e: h.e, prio: PRIO.dictionary, agreementType: ent.type as AgreementType, known: true, parts: [{ s: h.s, e: h.e, entity: ent.id, type: ent.type as AgreementType, qid: ent.qid ?? null }] });
  }
  let sawStatement = cands.some((c) => c.agreementType === 'statement');
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
  return withAcronyms(ctx, link(ctx, chosen, docKey));
}

const ACRONYM = /^[(]([a-z][a-z0-9&.-]{1,11})[)]/;

/**
 * 円滑化協定（RAA）, Visiting Forces Agreement (VFA): an all-caps short name in
 * parentheses right after an agreement is a mention of it, and so is every later
 * use of that short name in the article.
 */
function withAcronyms(ctx: Ctx, parts: Part[]): Part[] {
  const out = [...parts];
  const taken = new Set(parts.map((p) => p.s));
  const acronyms = new Map<string, Part>();
  for (const p of parts) {
    const m = ACRONYM.exec(ctx.t.slice(p.e, p.e + 14));
    if (!m) continue;
    const s = p.e + 1;
    const e = s + m[1].length;
    const original = ctx.orig.slice(ctx.origin[s], ctx.origin[e]).normalize('NFKC');
    if (original !== original.toUpperCase() || taken.has(s)) continue;
    out.push({ ...p, s, e });
    taken.add(s);
    if (!acronyms.has(m[1])) acronyms.set(m[1], { ...p, s, e });
  }
  for (const [acronym, p] of acronyms) {
    for (let i = ctx.t.indexOf(acronym, p.e); i !== -1; i = ctx.t.indexOf(acronym, i + 1)) {
      const e = i + acronym.length;
      if (taken.has(i) || !boundaryOk(ctx, i, e, undefined, true)) continue;
      if (ctx.orig.slice(ctx.origin[i], ctx.origin[e]).normalize('NFKC') !== acronym.toUpperCase()) continue;
      out.push({ ...p, s: i, e });
      taken.add(i);
    }
  }
  return out.sort((a, b) => a.s - b.s);
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
 * Entities: known agreements keep their id; "A(B)" pairs share one. A bare head
 * noun (条約, 声明, the agreement) refers to the latest agreement of its type whose
 * name ends in that head, or that is the end of this one (この条約 → 北露条約;
 * 声明 → 共同声明; 성명 … 공동성명). A named one refers
 * to an earlier one of the same name, or of a name that begins the other's (Geelong
 * Treaty … Geelong Treaty on AUKUS), or to a bare one of the same head
 * (行動計画 … 協力に関する行動計画); otherwise it is a new document.
 */
function link(ctx: Ctx, chosen: AgreementCand[], docKey: string): Part[] {
  const out: Part[] = [];
  const history: Array<{ part: Part; text: string; name: string | null; head: string }> = [];
  const latest = (test: (h: (typeof history)[number]) => boolean) => {
    for (let i = history.length - 1; i >= 0; i--) if (test(history[i])) return history[i];
    return undefined;
  };
  chosen.forEach((c, i) => {
    const next = chosen[i + 1];
    const inParens = next?.known && ctx.t[c.e] === '(' && next.s === c.e + 1 && ctx.t[next.e] === ')';
    const head = c.head ? ctx.t.slice(c.head[0], c.head[1]) : '';
    const text = ctx.t.slice(c.s, c.e);
    const bare = !c.known && c.head !== undefined && c.head[1] === c.e && (c.head[0] === c.s || ANAPHORIC.test(ctx.t.slice(c.s, c.head[0])));
    const name = c.known || bare ? null : text;
    const sameType = (h: (typeof history)[number]) => h.part.type === c.agreementType;
    let prior: (typeof history)[number] | undefined;
    if (bare) prior = latest((h) => sameType(h) && (h.text.endsWith(head) || head.endsWith(h.text)));
    else if (name !== null) {
      prior = latest((h) => sameType(h) && (h.name !== null ? h.name === name || h.name.startsWith(name) || name.startsWith(h.name) : h.head === head));
    }
    let entity: Part;
    if (c.known) entity = c.parts[0];
    else if (inParens) entity = { ...next.parts[0], type: c.agreementType };
    else if (prior) entity = prior.part;
    else entity = { s: c.s, e: c.e, entity: `${docKey}:${c.agreementType}:${text}`, type: c.agreementType, qid: null };
    const p = { ...entity, s: c.s, e: c.e, type: c.known ? entity.type : c.agreementType };
    history.push({ part: p, text, name: name ?? (prior ? prior.name : null), head });
    out.push(p);
  });
  return out;
}

/** 同協定, 本条約, 両協定: a head with an anaphoric prefix is as bare as the head alone. */
const ANAPHORIC = /^(?:同|本|両|当該|前記|上記)$/;
