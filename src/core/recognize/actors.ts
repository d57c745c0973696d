/**
 * Actor candidates from the dictionary and the compositional rules:
 * names, abbreviation compounds (日米韓, 한·미·일), fixed patterns (訪日, 대북,
 * 북핵) and country + ministry / armed forces (露国防省, 러시아군).
 */
import type { Entity } from '../kb/schema';
import { isHangul, isKanji, isKatakana, isLatinLetter, MIDDLE_DOT } from '../text/script';
import type { FormRef } from './compile';
import { code, originalSlice, boundaryOk, type Ctx } from './context';
import { lexicon } from './lexicon';
import { PRIO, type Cand, type Part } from './span';

const DOT = String.fromCharCode(MIDDLE_DOT);
/** Region names of both languages: Korean headlines write Hanja abbreviations too (日・中南米). */
const REGIONS = [...lexicon.regions.ja, ...lexicon.regions.ko];

export function part(ctx: Ctx, s: number, e: number, entityIndex: number): Part {
  const ent: Entity = ctx.ckb.entities[entityIndex];
  return { s, e, entity: ent.id, type: ent.type as Part['type'], qid: ent.qid ?? null };
}

/** Case rules of Latin forms: all-caps forms exactly, their all-caps words in capitals, capitalized forms never as a lowercase word. */
export function caseOk(ctx: Ctx, s: number, e: number, ref: FormRef): boolean {
  if (ref.exactCase) return originalSlice(ctx, s, e) === ref.exactCase;
  if (ref.caps) {
    // New START, never "new start": the form's all-caps words are there in capitals.
    const orig = originalSlice(ctx, s, e);
    for (const w of ref.caps.split(' ')) if (!orig.includes(w)) return false;
  }
  if (ref.capitalized) {
    const first = originalSlice(ctx, s, s + 1);
    return first !== first.toLowerCase();
  }
  return true;
}

function isCountry(ctx: Ctx, entityIndex: number): boolean {
  return ctx.ckb.entities[entityIndex].type === 'country';
}

/** A country name followed by 語 / 어 is a language name, not an actor. */
function languageName(ctx: Ctx, e: number): boolean {
  const next = ctx.t[e];
  if (next === '語') return true;
  if (next === '어') return !isHangul(code(ctx, e + 1)) || lexicon.particles.ko.some((p) => ctx.t.startsWith(p, e + 1));
  return false;
}

/** 韓国軍楽隊: a name ending in 軍 / 군 followed by 楽, 事, 縮 … is part of a common noun, not the armed forces. */
function notArmedForces(ctx: Ctx, s: number, e: number): boolean {
  const last = ctx.t[e - 1];
  if (last !== '軍' && last !== '군') return false;
  const lang = last === '軍' ? 'ja' : 'ko';
  return lexicon.armedForcesNotAfter[lang].has(ctx.t[e] ?? '');
}

/** ホーチミン広場, レズアン広場, Kim Il Sung Square: a name inside a place name is not annotated. */
function inPlaceName(ctx: Ctx, e: number, type: string): boolean {
  if (type === 'country') return false;
  const after = ctx.t.slice(e, e + 12);
  return lexicon.placeSuffixes.some((p) => after.startsWith(p));
}

export function dictionaryCands(ctx: Ctx): Cand[] {
  const out: Cand[] = [];
  const prefixes = lexicon.abbreviationPrefixes.ja;
  for (const h of ctx.hits.free) {
    const ent = ctx.ckb.entities[h.ref.entity];
    if (ent.kind !== 'actor') continue;
    if (!boundaryOk(ctx, h.s, h.e, prefixes, h.ref.exactCase !== undefined) || !caseOk(ctx, h.s, h.e, h.ref)) continue;
    if (ent.type === 'country' && languageName(ctx, h.e)) continue;
    if (notArmedForces(ctx, h.s, h.e) || inPlaceName(ctx, h.e, ent.type)) continue;
    const alternatives = h.refs.length > 1 ? h.refs.filter((r) => r.mode === h.ref.mode && r.entity !== h.ref.entity).map((r) => r.entity) : undefined;
    out.push({ s: h.s, e: h.e, prio: PRIO.dictionary, parts: [part(ctx, h.s, h.e, h.ref.entity)], alternatives });
  }
  for (const h of ctx.hits.blockers) out.push({ s: h.s, e: h.e, prio: PRIO.blocker, parts: [] });
  return out;
}

/** Country hits (free names) by start, longest first — compounds and compositions build on them. */
function countryHitsAt(ctx: Ctx): Map<number, Array<{ e: number; entity: number }>> {
  const m = new Map<number, Array<{ e: number; entity: number }>>();
  for (const h of ctx.hits.free) {
    const ent = ctx.ckb.entities[h.ref.entity];
    if (ent.kind !== 'actor' || !caseOk(ctx, h.s, h.e, h.ref)) continue;
    const a = m.get(h.s) ?? [];
    a.push({ e: h.e, entity: h.ref.entity });
    m.set(h.s, a);
  }
  for (const a of m.values()) a.sort((x, y) => y.e - x.e);
  return m;
}

/**
 * Runs of one-character abbreviations, optionally joined by middle dots (and
 * hyphens in Korean), or an abbreviation joined by a dot to a full name
 * (日・ポーランド): one mention per element.
 */
export function compoundCands(ctx: Ctx): Cand[] {
  const out: Cand[] = [];
  const names = countryHitsAt(ctx);
  for (const lang of ['ja', 'ko'] as const) {
    const abbr = lang === 'ja' ? ctx.hits.abbrJa : ctx.hits.abbrKo;
    const seps = lang === 'ja' ? DOT : DOT + '-';
    for (const [i, entities] of abbr) {
      const parts: Part[] = [part(ctx, i, i + 1, entities[0])];
      let j = i + 1;
      let abbrevs = 1;
      // 駐日米国大使: after a fixed-pattern prefix the run stops where a full name (米国) begins.
      const prefixed = lang === 'ja' && lexicon.abbreviationPrefixes.ja.has(ctx.t[i - 1] ?? '');
      for (;;) {
        if (abbr.has(j) && prefixed && (names.get(j)?.[0]?.e ?? 0) > j + 1) break;
        if (abbr.has(j)) {
          parts.push(part(ctx, j, j + 1, abbr.get(j)![0]));
          abbrevs++;
          j++;
          continue;
        }
        // 日ASEAN, 米イラン: an abbreviation joined straight to a Latin or katakana actor name.
        const joined = lang === 'ja' && j === i + 1 ? names.get(j)?.[0] : undefined;
        if (joined && (/[a-z]/.test(ctx.t[j]) || isKatakana(code(ctx, j))) && boundaryOk(ctx, j, joined.e, undefined, true)) {
          parts.push(part(ctx, j, joined.e, joined.entity));
          j = joined.e;
          break;
        }
        if (seps.includes(ctx.t[j] ?? '\0')) {
          // 한·중미 FTA, 日・中南米: a region after the dot is no run of abbreviations (중미 is Central America).
          if (REGIONS.some((r) => ctx.t.startsWith(r, j + 1))) break;
          if (abbr.has(j + 1)) {
            parts.push(part(ctx, j + 1, j + 2, abbr.get(j + 1)![0]));
            abbrevs++;
            j += 2;
            continue;
          }
          const full = names.get(j + 1)?.[0];
          if (full && boundaryOk(ctx, j + 1, full.e)) {
            parts.push(part(ctx, j + 1, full.e, full.entity));
            j = full.e;
            continue;
          }
        }
        break;
      }
      if (parts.length < 2 || abbrevs < 1) continue;
      // 일일 (daily), 영영 (forever): two letters naming one country twice are a word.
      if (parts.length === 2 && parts[0].entity === parts[1].entity) continue;
      if (!compoundContextOk(ctx, lang, i, j)) continue;
      out.push({ s: i, e: j, prio: PRIO.compound, parts });
    }
  }
  return out;
}

function compoundContextOk(ctx: Ctx, lang: 'ja' | 'ko', s: number, e: number): boolean {
  const prev = code(ctx, s - 1);
  // Katakana abbreviations (日ロ, 日ソ) never sit inside a katakana word (ソロモン).
  if (isKatakana(code(ctx, s)) && isKatakana(prev)) return false;
  if (isKatakana(code(ctx, e - 1)) && isKatakana(code(ctx, e))) return false;
  if (lang === 'ja') {
    if (isKanji(prev) && !lexicon.abbreviationPrefixes.ja.has(ctx.t[s - 1])) return false;
    return !lexicon.japaneseCompoundStopwords.some((w) => ctx.t.startsWith(w, s));
  }
  if (isHangul(prev)) return false;
  const run = ctx.t.slice(s, e);
  const follower = lexicon.koreanCompoundFollowers.some((f) => ctx.t.startsWith(f, e));
  // Ambiguous runs (북미 is also North America, 일한 "worked") count only before a relation noun.
  if (lexicon.koreanCompoundStopwords.has(run)) return follower;
  const next = code(ctx, e);
  return !isHangul(next) || follower || lexicon.particles.ko.some((p) => ctx.t.startsWith(p, e));
}

/** Lone abbreviations in the fixed patterns: 訪日 対露 来日 駐韓; 대북 방미; 북핵. */
export function fixedPatternCands(ctx: Ctx): Cand[] {
  const out: Cand[] = [];
  for (const [i, entities] of ctx.hits.abbrJa) {
    if (lexicon.abbreviationPrefixes.ja.has(ctx.t[i - 1] ?? '') && !(isKatakana(code(ctx, i)) && isKatakana(code(ctx, i + 1)))) {
      out.push({ s: i, e: i + 1, prio: PRIO.abbreviation, parts: [part(ctx, i, i + 1, entities[0])] });
    }
  }
  for (const [i, entities] of ctx.hits.abbrKo) {
    const prefix = ctx.t[i - 1] ?? '';
    const wordStart = !isHangul(code(ctx, i - 2));
    const prefixed = lexicon.abbreviationPrefixes.ko.has(prefix) && wordStart && !lexicon.abbreviationPrefixExceptions.has(prefix + ctx.t[i]) &&
      !lexicon.abbreviationPrefixExceptions.has(ctx.t.slice(i - 1, i + 2));
    const nuclear = ctx.t[i + 1] === '핵' && !isHangul(code(ctx, i - 1)) && ctx.ckb.entities[entities[0]].id === 'north-korea';
    if (prefixed || nuclear) out.push({ s: i, e: i + 1, prio: PRIO.abbreviation, parts: [part(ctx, i, i + 1, entities[0])] });
  }
  return out;
}

/**
 * <country><ministry | armed forces>: one organization (ロシア国防省, 露外務省,
 * 미국 국무부, 러시아군). The entity is the KB's when it knows the pair, else a
 * stable id made of the country and the role.
 */
export function composedOrgCands(ctx: Ctx): Cand[] {
  const out: Cand[] = [];
  const starts: Array<{ s: number; e: number; entity: number; lang: 'ja' | 'ko' }> = [];
  for (const h of ctx.hits.free) {
    if (!isCountry(ctx, h.ref.entity) || !caseOk(ctx, h.s, h.e, h.ref)) continue;
    if (!boundaryOk(ctx, h.s, h.e, lexicon.abbreviationPrefixes.ja)) continue;
    const lang = isHangul(code(ctx, h.s)) ? 'ko' : 'ja';
    starts.push({ s: h.s, e: h.e, entity: h.ref.entity, lang });
  }
  for (const [lang, abbr] of [['ja', ctx.hits.abbrJa], ['ko', ctx.hits.abbrKo]] as const) {
    for (const [i, entities] of abbr) {
      const prev = code(ctx, i - 1);
      if ((lang === 'ja' && isKanji(prev) && !lexicon.abbreviationPrefixes.ja.has(ctx.t[i - 1])) || (lang === 'ko' && isHangul(prev))) continue;
      starts.push({ s: i, e: i + 1, entity: entities[0], lang });
    }
  }
  for (const st of starts) {
    const country = ctx.ckb.entities[st.entity];
    for (const gap of st.lang === 'ko' ? [0, 1] : [0]) {
      const at = st.e + gap;
      if (gap && ctx.t[st.e] !== ' ') continue;
      const found = composedAt(ctx, st.lang, at, st.entity, country.id, gap > 0);
      if (found) {
        out.push({ s: st.s, e: found.e, prio: PRIO.composed, parts: [{ s: st.s, e: found.e, entity: found.id, type: 'organization', qid: found.qid }] });
        break;
      }
    }
  }
  return out;
}

function composedAt(ctx: Ctx, lang: 'ja' | 'ko', at: number, countryIndex: number, countryId: string, spaced: boolean): { e: number; id: string; qid: string | null } | null {
  // The longest suffix wins: a KB organization of this country, a ministry or the armed forces.
  let best: { e: number; id: string; qid: string | null } | null = null;
  if (at >= ctx.t.length) return null;
  ctx.ckb.suffixes.walk(ctx.t, at, (e, refs) => {
    // 韓国軍楽隊, 露朝軍事: whatever names the armed forces is not them before 楽, 事 ….
    if (notArmedForces(ctx, at, e)) return;
    for (const r of refs) {
      let found: { e: number; id: string; qid: string | null } | null = null;
      if (r.kind === 'org') {
        // A one-character rest (日産 − 日 = 産) says nothing: 日本産 is not Nissan.
        if (r.country === countryIndex && e - at >= 2) found = { e, id: ctx.ckb.entities[r.org].id, qid: ctx.ckb.entities[r.org].qid ?? null };
      } else if (r.lang === lang) {
        // 러시아 군 (with a space) is a country and a noun; 러시아군 is the armed forces.
        if (r.kind === 'armed' && spaced) continue;
        // 北朝鮮軍 is the KB's Korean People's Army when the KB names it so; otherwise a stable composed id.
        const known = r.kind === 'armed' ? ctx.ckb.orgBySuffix.get(`${countryIndex}|${ctx.t.slice(at, e)}`) : undefined;
        found = known !== undefined
          ? { e, id: ctx.ckb.entities[known].id, qid: ctx.ckb.entities[known].qid ?? null }
          : { e, id: `${countryId}-${r.role}`, qid: null };
      }
      if (found && (!best || found.e > best.e || (found.e === best.e && r.kind === 'org'))) best = found;
    }
  });
  return best;
}

/**
 * China's Foreign Ministry, Russia's Defence Ministry: an English possessive of a
 * country and a ministry or service is one organization, the knowledge base's
 * when it names that body, else a stable id of country and role.
 */
export function englishComposedCands(ctx: Ctx): Cand[] {
  const out: Cand[] = [];
  for (const h of ctx.hits.free) {
    if (!isCountry(ctx, h.ref.entity) || !isLatinLetter(code(ctx, h.s)) || !caseOk(ctx, h.s, h.e, h.ref)) continue;
    const poss = ctx.t.slice(h.e, h.e + 3);
    if (poss !== "'s " && poss !== '\u2019s ') continue;
    const at = h.e + 3;
    const found = lexicon.ministries.en.find(([phrase]) => ctx.t.startsWith(phrase, at) && !isLatinLetter(code(ctx, at + phrase.length)));
    if (!found) continue;
    const original = ctx.orig.slice(ctx.origin[at], ctx.origin[at + found[0].length]);
    if (original[0] === original[0].toLowerCase()) continue; // "China's military" is a country and a noun
    const country = ctx.ckb.entities[h.ref.entity];
    const known = ctx.ckb.entities.find((e) => e.type === 'organization' && e.country === country.id && (e.names.en ?? []).some((n) => n.toLowerCase().includes(found[0])));
    const e = at + found[0].length;
    out.push({ s: h.s, e, prio: PRIO.composed, parts: [{ s: h.s, e, entity: known?.id ?? `${country.id}-${found[1]}`, type: 'organization', qid: known?.qid ?? null }] });
  }
  return out;
}
