/**
 * Actors the knowledge base has never seen, from the shape of the language
 * around them (issue 12): bodies named by a proper name and a body word
 * (Trade Law Centre, 資源エネルギー庁, 한국석유공사), companies by their legal
 * form (株式会社INPEX, Safaricom PLC, 포스코인터내셔널㈜), a country and a
 * Korean ministry (브라질 개발산업통상서비스부), an abbreviation before a
 * region (日アフリカ, 한-아프리카), list items that are countries only in a
 * list (△오만), and people introduced as "NAME, TITLE of BODY". The words
 * are data (kb/data/lexicon.json); these rules only read one region's text.
 */
import { isHangul, isKanji, isKatakana, isLatinLetter, isLatinWordChar, LONG_VOWEL, MIDDLE_DOT } from '../text/script';
import { Mode } from './compile';
import { code, normalizedAt, type Ctx } from './context';
import { koreanWordEndsAt } from './korean';
import { lexicon } from './lexicon';
import { patternPersonId } from './people';
import { PRIO, type Cand, type Part } from './span';

export function worldCands(ctx: Ctx): Cand[] {
  const ends = actorsAt(ctx);
  // Each language's rules only where its script is (a region is mostly one language).
  const latin = /[A-Z]/.test(ctx.orig);
  const japanese = /[\u3040-\u30ff\u4e00-\u9fff]/.test(ctx.t);
  const korean = /[\uac00-\ud7a3]/.test(ctx.t);
  return [
    ...(latin ? englishBodies(ctx) : []),
    ...(latin ? englishBodiesOf(ctx) : []),
    ...(latin ? englishTitledPeople(ctx) : []),
    ...(japanese ? japaneseBodies(ctx, ends) : []),
    ...(korean ? koreanBodies(ctx, ends) : []),
    ...regionCompounds(ctx),
    ...(korean ? listCountries(ctx) : []),
  ];
}

/** One id for a body however its legal form is written (Safaricom, Safaricom PLC). */
function bodyId(ctx: Ctx, s: number, e: number): string {
  let name = ctx.orig.slice(ctx.origin[s], ctx.origin[e]).normalize('NFKC').replace(/\s+/g, ' ');
  for (const f of [...lexicon.legalForms.en, '株式会社', '(株)', '(주)', '주식회사']) {
    if (name.endsWith(' ' + f)) name = name.slice(0, -f.length - 1);
    else if (name.endsWith(f) && !/[A-Za-z]/.test(f)) name = name.slice(0, -f.length);
    else if (name.startsWith(f) && !/[A-Za-z]/.test(f)) name = name.slice(f.length);
  }
  return 'org:' + name.trim();
}

const org = (ctx: Ctx, s: number, e: number): Cand => ({ s, e, prio: PRIO.pattern, parts: [{ s, e, entity: bodyId(ctx, s, e), type: 'organization', qid: null }] });

/** The knowledge-base actors at each start (longest end). */
type ActorEnds = Map<number, { e: number; type: string; entity: number }>;
function actorsAt(ctx: Ctx): ActorEnds {
  const ends: ActorEnds = new Map();
  for (const h of ctx.hits.free) {
    const ent = ctx.ckb.entities[h.ref.entity];
    if (ent.kind !== 'actor') continue;
    const prev = ends.get(h.s);
    if (!prev || prev.e < h.e) ends.set(h.s, { e: h.e, type: ent.type, entity: h.ref.entity });
  }
  return ends;
}

// ---------------------------------------------------------------- English

const CAP_WORD = /^[A-Z][\p{L}'’&.-]*$/u;
/** Words that start a sentence or a title, never a body's proper name. */
const NOT_FIRST = new Set(['The', 'A', 'An', 'In', 'On', 'At', 'For', 'By', 'And', 'Of', 'Its', 'His', 'Her', 'Their', 'Our', 'This', 'That', 'These', 'Those', 'Both', 'Also', 'But', 'When', 'After', 'Before', 'While', 'Under', 'With', 'From', 'As', 'If', 'Some', 'Many', 'Most', 'Every', 'Each', 'New', 'Former', 'Acting', 'President', 'Minister', 'Secretary', 'Director', 'Chairman', 'Executive', 'Chief', 'Head', 'Deputy', 'Vice', 'Senior', 'Mr.', 'Mrs.', 'Ms.', 'Dr.', 'General', 'Related', 'More', 'Read', 'Follow', 'Reporting', 'Editing']);

/** Small words a title-case headline capitalizes (Opinion: Why The Peace Process Needs A New Council), never inside a body's name before its body word. */
const TITLE_CASE_SMALL = new Set(['A', 'An', 'As', 'At', 'By', 'For', 'From', 'In', 'Into', 'On', 'Onto', 'Over', 'To', 'Up', 'With', 'Vs', 'Via', 'Than']);

/** The words that can end an English body's name (body words and legal forms). */
const ENGLISH_ENDS = [...new Set([...lexicon.bodySuffixes.en, ...lexicon.legalForms.en])];
const isAlnum = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** Where the words that can end a name stand as whole words (a native search per word: no regex over the text). */
function englishEnds(orig: string): Array<{ w: string; s: number }> {
  const out: Array<{ w: string; s: number }> = [];
  for (const w of ENGLISH_ENDS) {
    for (let i = orig.indexOf(w); i !== -1; i = orig.indexOf(w, i + 1)) {
      if (!isAlnum(orig[i - 1]) && !isAlnum(orig[i + w.length])) out.push({ w, s: i });
    }
  }
  // Longest first at a position (Pty Ltd before Ltd), then in text order.
  return out.sort((a, b) => a.s - b.s || b.w.length - a.w.length);
}
const WORD = /[\p{L}][\p{L}\p{N}'’&.-]*|&/gu;

/** A word as the name rules read it: a trailing full stop belongs to it only in abbreviations (S.A., N.V.). */
function wordAt(w: string, s: number): { w: string; s: number; e: number } {
  const word = w.endsWith('.') && !/^(?:[A-Za-z]\.)+$|^S\.p\.A\.$/.test(w) ? w.slice(0, -1) : w;
  return { w: word, s, e: s + word.length };
}

const COMPOUND_ADJECTIVE = /-(?:based|led|backed|owned|run|funded|linked|born|registered|listed|controlled|allied|aligned|affiliated)$/;

/** Legal forms and the word they abbreviate (normalized: lower case). */
const SPELT_OUT: Record<string, string> = { Corp: 'corporation', 'Corp.': 'corporation', Inc: 'incorporated', 'Inc.': 'incorporated', Co: 'company', 'Co.': 'company', Ltd: 'limited', 'Ltd.': 'limited' };

/** The knowledge-base organization whose whole form is `form` (normalized), if any. */
function knownOrgForm(ctx: Ctx, form: string): number | undefined {
  let found: number | undefined;
  ctx.ckb.trie.walk(form, 0, (end, refs) => {
    if (end !== form.length) return;
    for (const r of refs) if (r.mode === Mode.Free && ctx.ckb.entities[r.entity]?.type === 'organization') found = r.entity;
  });
  return found;
}

/** Capitalized words ending in a body word (Trade Law Centre, MTN Group), or a name and a legal form (Safaricom PLC, Nestlé S.A.). */
function englishBodies(ctx: Ctx): Cand[] {
  const out: Cand[] = [];
  if (!/[A-Z]/.test(ctx.orig)) return out;
  const suffixes = new Set(lexicon.bodySuffixes.en);
  const legal = lexicon.legalForms.en;
  const gapOk = (a: { e: number }, b: { s: number }) => b.s - a.e === 1 && ctx.orig[a.e] === ' ';
  // Only around the words that can end a name: the text before each is read, not the whole region.
  let done = -1;
  for (const m of englishEnds(ctx.orig)) {
    if (m.s === done) continue;
    done = m.s;
    const last = wordAt(m.w, m.s);
    const isSuffix = suffixes.has(last.w);
    if (!isSuffix && !legal.includes(last.w)) continue;
    const from = Math.max(0, m.s - 120);
    const words: Array<{ w: string; s: number; e: number }> = [];
    WORD.lastIndex = 0;
    const window = ctx.orig.slice(from, m.s);
    for (let w; (w = WORD.exec(window)); ) words.push(wordAt(w[0], from + w.index));
    words.push(last);
    const i = words.length - 1;
    // Walk back over capitalized words only: "Shares of Kestrel Mining PLC" and "X PLC and Y Group" are two phrases.
    let j = i;
    let names = 0;
    let andAt = -1;
    while (j > 0 && gapOk(words[j - 1], words[j]) && i - j < 6) {
      const w = words[j - 1].w;
      // Relief and Works Agency, Science and Technology Agency: one word between "and" and the body word is
      // no name of its own; the words before "and" belong to it (not a legal form or body word: X PLC and Y Group).
      if ((w === 'and' || w === '&') && isSuffix && andAt < 0 && i - j === 1 && j >= 2 && gapOk(words[j - 2], words[j - 1])) {
        const before = words[j - 2].w;
        if (!CAP_WORD.test(before) || /['’]s$/.test(before) || NOT_FIRST.has(before) || ENGLISH_ENDS.includes(before)) break;
        j--;
        andAt = j;
        continue;
      }
      // Investors Cheer As Central Bank …: in a title-case headline a verb or a small word ends the name.
      if (!CAP_WORD.test(w) || /['’]s$/.test(w) || lexicon.headlineWords.en.has(w) || TITLE_CASE_SMALL.has(w)) break;
      j--;
      names++;
    }
    // A known actor right before "and" is a phrase of its own (Kenya and Technology Agency).
    if (andAt > 0) {
      const beforeAnd = normalizedAt(ctx, words[andAt - 1].e);
      if (ctx.hits.free.some((h) => h.e === beforeAnd && ctx.ckb.entities[h.ref.entity].kind === 'actor')) continue;
    }
    // Washington-based, Russian-backed: a compound adjective before the name is no part of it.
    while (j < i && (NOT_FIRST.has(words[j].w) || COMPOUND_ADJECTIVE.test(words[j].w))) {
      if (COMPOUND_ADJECTIVE.test(words[j].w)) names--;
      j++;
    }
    if (j >= i || names <= 0 || (j === 0 && from > 0 && words[0].s === from)) continue;
    // A legal form needs a name before it; a body word needs a proper name, not only other body words
    // or words of kind (Central Bank, Supreme Court, Development Centre name no particular body).
    if (isSuffix && words.slice(j, i).every((x) => suffixes.has(x.w) || lexicon.genericBodyNames.en.has(x.w))) continue;
    const s = normalizedAt(ctx, words[j].s);
    const e = normalizedAt(ctx, last.e);
    if (s === undefined || e === undefined) continue;
    if (ctx.t.slice(s, e).includes('  ') || isLatinWordChar(code(ctx, e))) continue;
    // INPEX Corp, Mitsubishi Corp: a known body's name with its legal form, or with the form spelt out
    // (Mitsubishi Corporation), is that body.
    const nameEnd = !isSuffix && i > j ? normalizedAt(ctx, words[i - 1].e) : undefined;
    const known = nameEnd === undefined ? undefined : ctx.hits.free.find((h) => h.s === s && h.e === nameEnd && ctx.ckb.entities[h.ref.entity].type === 'organization')?.ref.entity;
    const spelt = known === undefined && nameEnd !== undefined && SPELT_OUT[last.w] ? knownOrgForm(ctx, ctx.t.slice(s, nameEnd) + ' ' + SPELT_OUT[last.w]) : undefined;
    const ent = known ?? spelt;
    if (ent !== undefined) {
      const en = ctx.ckb.entities[ent];
      out.push({ s, e, prio: PRIO.pattern, parts: [{ s, e, entity: en.id, type: 'organization', qid: en.qid ?? null }] });
    } else out.push(org(ctx, s, e));
  }
  return out;
}

/**
 * Ministry of Mines and Energy, Colombia's Ministry of Mines and Energy, Department of Foreign Affairs: a
 * body word, "of" and capitalized words (joined by and, of, of the, &) name a body; a country's possessive
 * right before it is part of the name.
 */
const OF_TAIL = /^ of ((?:the )?[A-Z][\p{L}'’-]*(?:(?: | and | & | of | of the | for | for the )[A-Z][\p{L}'’-]*)*)/u;

function englishBodiesOf(ctx: Ctx): Cand[] {
  const out: Cand[] = [];
  const orig = ctx.orig;
  for (const head of lexicon.bodyHeadsOf.en) {
    for (let i = orig.indexOf(head + ' of '); i !== -1; i = orig.indexOf(head + ' of ', i + 1)) {
      if (i > 0 && /[\p{L}\p{N}]/u.test(orig[i - 1])) continue;
      // Foreign Ministry of Japan: a capitalized word right before is another name's (the dictionary's or none).
      const before = /([A-Z][\p{L}]*)\s$/u.exec(orig.slice(Math.max(0, i - 20), i));
      if (before && !NOT_FIRST.has(before[1]) && !/['’]s\s$/.test(orig.slice(Math.max(0, i - 3), i))) continue;
      const m = OF_TAIL.exec(orig.slice(i + head.length, i + head.length + 120));
      if (!m) continue;
      // Ministry of Agriculture Monday said: a date word ends the name (and what follows it).
      let tail = m[0];
      const words = tail.split(' ');
      const stop = words.findIndex((w, k) => k > 2 && lexicon.dateWords.has(w.toLowerCase()));
      if (stop > 0) tail = words.slice(0, stop).join(' ').replace(/ (?:and|&|of|for|the|of the|for the)$/, '').replace(/ (?:and|&|of|for)$/, '');
      if (!/[A-Z][\p{L}'’-]*$/u.test(tail)) continue;
      const endOrig = i + head.length + tail.length;
      let s = normalizedAt(ctx, i);
      const e = normalizedAt(ctx, endOrig);
      if (s === undefined || e === undefined || isLatinWordChar(code(ctx, e))) continue;
      // Colombia's Ministry of …: the country's possessive belongs to the name.
      const poss = orig.slice(Math.max(0, i - 3), i);
      if (/^['’]s $/.test(poss)) {
        const at = normalizedAt(ctx, i - 3);
        const country = ctx.hits.free.find((h) => h.e === at && ctx.ckb.entities[h.ref.entity].type === 'country');
        if (country) s = country.s;
      }
      out.push(org(ctx, s, e));
    }
  }
  return out;
}

/**
 * "Trudi Hartzenberg, Executive Director of the Trade Law Centre", "Peter Ndegwa, chief executive
 * of Safaricom": two or three capitalized words, a comma, a title and "of" or "at".
 */
const NAME_BEFORE = /([A-Z][\p{L}'’-]+(?: [A-Z][\p{L}'’-]+){1,2})$/u;
const TITLE_AFTER = /^(?:the |a |an )?((?:[A-Za-z-]+ ){0,3}?[A-Za-z-]+) (?:of|at|for) /;

function englishTitledPeople(ctx: Ctx): Cand[] {
  const out: Cand[] = [];
  // Only at each ", ": the name before it and the title after it are read in a window around it.
  const orig = ctx.orig;
  for (let comma = orig.indexOf(', '); comma !== -1; comma = orig.indexOf(', ', comma + 2)) {
    const before = NAME_BEFORE.exec(orig.slice(Math.max(0, comma - 60), comma));
    if (!before) continue;
    const after = TITLE_AFTER.exec(orig.slice(comma + 2, comma + 70));
    if (!after) continue;
    const m = { index: comma - before[1].length, 1: before[1], 2: after[1] };
    if (m.index > 0 && /[\p{L}\p{N}]/u.test(orig[m.index - 1])) continue;
    const title = m[2];
    const words = title.split(' ');
    if (![title, words.slice(-2).join(' '), words[words.length - 1]].some((t) => lexicon.titleHeads.en.has(t))) continue;
    const name = m[1].split(' ');
    if (NOT_FIRST.has(name[0]) || name.some((w) => lexicon.bodySuffixes.en.includes(w))) continue;
    const s = normalizedAt(ctx, m.index);
    const e = normalizedAt(ctx, m.index + m[1].length);
    if (s === undefined || e === undefined) continue;
    const known = ctx.hits.free.find((h) => h.s < e && s < h.e && ctx.ckb.entities[h.ref.entity].kind === 'actor');
    if (known && ctx.ckb.entities[known.ref.entity].type !== 'person') continue;
    const p: Part = { s, e, entity: patternPersonId(m[1]), type: 'person', qid: null };
    out.push({ s, e, prio: PRIO.pattern, parts: [p] });
  }
  return out;
}

// ---------------------------------------------------------------- Japanese

const isNameUnit = (c: number) => isKanji(c) || isKatakana(c) || c === MIDDLE_DOT || c === LONG_VOWEL || (c >= 0x61 && c <= 0x7a);
const MIDDLE_DOT_CHAR = String.fromCharCode(MIDDLE_DOT);
/** The first characters of the portfolio words (a quick test before reading a ministry's name). */
const MINISTRY_FIRST = new Set([...lexicon.ministryWords.ja].map((w) => w[0]));

/**
 * A name run ending in a body word: カタール投資庁, 資源エネルギー庁, フランス全国農業経営者組合連盟,
 * 豊田通商株式会社, and a legal form before the name (株式会社INPEX). The run must hold a proper
 * name — katakana, Latin, or a known actor at its start — or be long enough to be one.
 */
function japaneseBodies(ctx: Ctx, ends: ActorEnds): Cand[] {
  const out: Cand[] = [];
  const t = ctx.t;
  const titleEnds = new Map<number, number>();
  for (const h of ctx.hits.titles) titleEnds.set(h.s, Math.max(h.e, titleEnds.get(h.s) ?? 0));
  const titleStarts = new Set(titleEnds.keys());
  for (const suffix of lexicon.bodySuffixes.ja) {
    for (let i = t.indexOf(suffix); i !== -1; i = t.indexOf(suffix, i + 1)) {
      const e = i + suffix.length;
      let s = i;
      while (s > 0 && isNameUnit(code(ctx, s - 1)) && i - s < 16) s--;
      // Too long a run to be a name, or one with a part before it that the run cannot hold (セブン&アイ・ホールディングス).
      if (isNameUnit(code(ctx, s - 1)) || t[s - 1] === '&') continue;
      // Skip a leading legal form or generic word: 同委員会 and 中央銀行 name no body.
      while (s < i && code(ctx, s) === MIDDLE_DOT) s++;
      const run = t.slice(s, i);
      // ファティ・ビロル事務局長: the body word begins a title (事務局長, 委員長), so this is a person's name.
      if (titleEnds.get(i) !== undefined && titleEnds.get(i)! > e) continue;
      // グローバル戦闘航空プログラム: the body word sits inside a longer word.
      const next = code(ctx, e);
      if (isKatakana(next) || (isKanji(next) && !titleStarts.has(e))) continue;
      const head = ends.get(s);
      if (head && lexicon.genericBodyNames.ja.has(t.slice(head.e, i))) continue; // 中国国有銀行: a country's state banks
      if (run.length < 2 || lexicon.genericBodyNames.ja.has(run) || (lexicon.genericBodyNames.ja.has(run[0]) && run.length <= 2)) continue;
      // 国営石油会社, 政府系金融機関: generic words only describe a body (アルゼンチンの国営石油会社YPF), they name none.
      if (genericWordsOnly(run, lexicon.genericBodyNames.ja)) continue;
      let proper = /[\u30a1-\u30fa]{2}|[a-z]{2}/.test(run) || ends.has(s);
      // Pure-kanji names: long enough to be a name (原子力規制委員会), or an agency (金融庁).
      if (!proper) proper = run.length >= (suffix === '庁' || lexicon.companySuffixes.ja.has(suffix) ? 2 : 4);
      if (!proper) continue;
      // A known actor ending here already is the body (国際協力機構): the dictionary has it.
      if (ends.has(s) && ends.get(s)!.e >= e) continue;
      out.push(org(ctx, s, e));
    }
  }
  // ベトナム計画投資省, インドネシア・エネルギー鉱物資源省: a country, portfolio words and 省 (lexicon ministryWords).
  if (t.includes('省')) {
    for (const [s, a] of ends) {
      if (a.type !== 'country' || isHangul(code(ctx, s)) || isLatinLetter(code(ctx, s))) continue;
      const from = code(ctx, a.e) === MIDDLE_DOT ? a.e + 1 : a.e;
      const mark = t.indexOf('省', from + 1);
      if (mark < 0 || mark > from + 16 || !MINISTRY_FIRST.has(t[from])) continue;
      const reach = new Set([from]);
      let best = -1;
      for (let p = from; p <= mark && p < t.length; p++) {
        if (!reach.has(p)) continue;
        if (t[p] === '省' && p > from) best = p + 1;
        for (let k = p + 1; k <= p + 8 && k <= t.length; k++) if (lexicon.ministryWords.ja.has(t.slice(p, k))) reach.add(k);
        if (t[p] === MIDDLE_DOT_CHAR && p > from) reach.add(p + 1);
      }
      if (best < 0 || isKanji(code(ctx, best))) continue;
      if (ends.has(s) && ctx.hits.free.some((h) => h.s === s && h.e >= best)) continue;
      out.push(org(ctx, s, best));
    }
  }
  // 株式会社INPEX: the legal form first.
  for (const form of lexicon.legalForms.ja) {
    for (let i = t.indexOf(form); i !== -1; i = t.indexOf(form, i + 1)) {
      let e = i + form.length;
      const from = e;
      while (e < t.length && isNameUnit(code(ctx, e)) && e - from < 16) e++;
      if (e - from < 2 || isKanji(code(ctx, i - 1)) || isKatakana(code(ctx, i - 1))) continue;
      out.push(org(ctx, i, e));
    }
  }
  return out;
}

/** Whether `run` is a sequence of two or more generic words (国営 + 石油). */
function genericWordsOnly(run: string, words: ReadonlySet<string>): boolean {
  const ok: boolean[] = [true];
  for (let i = 1; i <= run.length; i++) {
    ok[i] = false;
    for (let k = Math.max(0, i - 6); k < i && !ok[i]; k++) ok[i] = ok[k] && words.has(run.slice(k, i));
  }
  return ok[run.length];
}

// ---------------------------------------------------------------- Korean

/** Whether a Korean word may end at `e`: no more Hangul, or only a particle. */
const koreanWordEnds = (ctx: Ctx, e: number): boolean => koreanWordEndsAt(ctx.t, e);

/**
 * 한국석유공사, 한국무역협회, 대우건설, CJ제일제당, 포스코인터내셔널㈜: a word ending in a body word,
 * with a legal form after it if any; a country word before it with a space is part of the
 * name (카자흐스탄 국영광물공사), as with ministries (브라질 개발산업통상서비스부).
 */
function koreanBodies(ctx: Ctx, ends: ActorEnds): Cand[] {
  const out: Cand[] = [];
  const t = ctx.t;
  const countryBefore = (s: number): number => {
    if (t[s - 1] !== ' ') return s;
    let k = s - 1;
    while (k > 0 && isHangul(code(ctx, k - 1))) k--;
    const a = ends.get(k);
    return a && a.e === s - 1 && a.type === 'country' ? k : s;
  };
  const wordStart = (i: number) => {
    let s = i;
    while (s > 0 && (isHangul(code(ctx, s - 1)) || isLatinLetter(code(ctx, s - 1)))) s--;
    return s;
  };
  // 해운협회(KSA): the short name the article gives in parentheses makes the word a body's name.
  const shortNameAfter = (e: number) => t[e] === '(' && /^\([A-Z][A-Za-z0-9&.-]{1,9}\)/.test(ctx.orig.slice(ctx.origin[e], ctx.origin[e] + 12)) && /[A-Z].*[A-Z]/.test(ctx.orig.slice(ctx.origin[e], ctx.origin[e] + 12).split(')')[0]);
  // Longest first: a body word read at an end is the only one there (의회 is no body word inside 실무협의회).
  const read = new Set<number>();
  for (const suffix of lexicon.bodySuffixes.ko) {
    for (let i = t.indexOf(suffix); i !== -1; i = t.indexOf(suffix, i + 1)) {
      let e = i + suffix.length;
      if (read.has(e)) continue;
      read.add(e);
      const s = wordStart(i);
      const stem = t.slice(s, i);
      if (stem.length < 2 || lexicon.genericBodyNames.ko.has(stem)) continue;
      const defined = shortNameAfter(e);
      let legal = false;
      for (const f of lexicon.legalForms.ko) {
        if (!t.startsWith(f, e)) continue;
        e += f.length;
        legal = true;
      }
      // 집행위원회, 가스화학: a short common word before the body word names no body; a longer name, a
      // Latin one, a known actor or a legal form does (한국석유공사, CJ제일제당, 다온인터내셔널㈜).
      // An industry word (대우건설, 현대엔지니어링), a business group's name (한화에너지) or a short name after
      // it (해운협회(KSA)) is name enough with two syllables.
      if (stem.length < 3 && !/[a-z]/.test(stem) && !ends.has(s) && !legal && !defined && !lexicon.companySuffixes.ko.has(suffix) && !lexicon.koreanBusinessGroups.has(stem)) continue;
      if (!koreanWordEnds(ctx, e)) continue;
      // A known actor of exactly this span is the dictionary's.
      if (ends.get(s)?.e === e) continue;
      out.push(org(ctx, countryBefore(s), e));
    }
  }
  // <country> <…부>: a country's ministry (브라질 개발산업통상서비스부); 정부, 북부, 본부 are no ministries.
  for (const [s, a] of ends) {
    if (a.type !== 'country' || t[a.e] !== ' ' || !isHangul(code(ctx, s))) continue;
    let e = a.e + 1;
    while (isHangul(code(ctx, e))) e++;
    const word = t.slice(a.e + 1, e);
    const m = /^(.{2,12}부)(.*)$/.exec(word);
    if (!m || /(?:정부|본부|일부|내부|외부|전부|간부|동부|서부|남부|북부|중부|세부)$/.test(m[1])) continue;
    if (m[2] && !lexicon.particles.ko.includes(m[2])) continue;
    if (ctx.hits.free.some((h) => h.s === a.e + 1 && h.e >= a.e + 1 + m[1].length)) continue;
    out.push(org(ctx, s, a.e + 1 + m[1].length));
  }
  return out;
}

// ---------------------------------------------------------------- countries

/**
 * 日アフリカ, 日・中央アジア, 한-아프리카, 한·중남미, #한아프리카: a country abbreviation joined to a
 * region is the country (the region is no actor).
 */
function regionCompounds(ctx: Ctx): Cand[] {
  const out: Cand[] = [];
  const t = ctx.t;
  const at = (i: number, regions: readonly string[]) => {
    const j = t[i] === '・' || t[i] === '-' ? i + 1 : i;
    return regions.some((r) => t.startsWith(r, j));
  };
  for (const [i, entities] of ctx.hits.abbrJa) {
    const prev = code(ctx, i - 1);
    if ((isKanji(prev) && !lexicon.abbreviationPrefixes.ja.has(t[i - 1])) || isKatakana(prev)) continue;
    if (!isKanji(code(ctx, i)) || !at(i + 1, lexicon.regions.ja)) continue;
    // 日中央アジア: the region may itself start with an abbreviation (中): prefer the region.
    out.push({ s: i, e: i + 1, prio: PRIO.compound, parts: [part(ctx, i, entities[0])] });
  }
  for (const [i, entities] of ctx.hits.abbrKo) {
    if (isHangul(code(ctx, i - 1)) || !at(i + 1, lexicon.regions.ko)) continue;
    out.push({ s: i, e: i + 1, prio: PRIO.compound, parts: [part(ctx, i, entities[0])] });
  }
  return out;
}

function part(ctx: Ctx, s: number, entityIndex: number): Part {
  const ent = ctx.ckb.entities[entityIndex];
  return { s, e: s + 1, entity: ent.id, type: ent.type as Part['type'], qid: ent.qid ?? null };
}

/**
 * 오만, 가나, 말리, 수단 are ordinary Korean words ('arrogance', 'means'); in a list of countries
 * (△오만 △쿠웨이트, 가나, 모로코와는) they are the countries.
 */
function listCountries(ctx: Ctx): Cand[] {
  const out: Cand[] = [];
  const t = ctx.t;
  if (!lexicon.listOnlyCountries.ko.size) return out;
  if (![...lexicon.listOnlyCountries.ko.keys()].some((f) => t.includes(f))) return out;
  const countryStarts = new Map<number, number>();
  const countryEnds = new Map<number, number>();
  for (const h of ctx.hits.free) {
    if (ctx.ckb.entities[h.ref.entity].type !== 'country') continue;
    countryStarts.set(h.s, h.e);
    countryEnds.set(h.e, h.s);
  }
  for (const [form, id] of lexicon.listOnlyCountries.ko) {
    const ent = ctx.ckb.indexOf.get(id);
    if (ent === undefined) continue;
    for (let i = t.indexOf(form); i !== -1; i = t.indexOf(form, i + 1)) {
      const e = i + form.length;
      if (isHangul(code(ctx, i - 1)) || !koreanWordEnds(ctx, e)) continue;
      const before = t.slice(Math.max(0, i - 3), i).replace(/ /g, '');
      const marked = before.endsWith('△') || before.endsWith('▲');
      // A neighbour in the list is a country: "X, 가나" or "가나, X" (also ·, 、 and 및).
      let k = i;
      while (k > 0 && t[k - 1] === ' ') k--;
      const sepBefore = lexicon.listMarkers.has(t[k - 1] ?? '');
      let b = k - 1;
      while (b > 0 && t[b - 1] === ' ') b--;
      const listedAfter = countryEnds.has(b) && sepBefore;
      let a = e;
      while (isHangul(code(ctx, a)) && a - e < 3) a++;
      const sepAfter = lexicon.listMarkers.has(t[e] ?? '') && a === e;
      let n = e + 1;
      while (t[n] === ' ') n++;
      const listedBefore = sepAfter && countryStarts.has(n);
      if (!marked && !listedAfter && !listedBefore) continue;
      out.push({ s: i, e, prio: PRIO.dictionary, parts: [{ s: i, e, entity: id, type: 'country', qid: ctx.ckb.entities[ent].qid ?? null }] });
    }
  }
  return out;
}
