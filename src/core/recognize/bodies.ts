/**
 * Bodies the knowledge base does not know, by the shape of their name: outlets
 * and companies (Harbour Times, 한빛일보, 東亜ウィークリー, Acme Pty Ltd) and the
 * organs of a known organization (IAEA理事会, 유엔 총회 is in the KB).
 */
import { isHangul, isKanji, isKatakana, LONG_VOWEL, MIDDLE_DOT } from '../text/script';
import { code, normalizedAt, type Ctx } from './context';
import { lexicon } from './lexicon';
import { worldCands } from './patterns';
import { PRIO, type Cand } from './span';

const org = (s: number, e: number, id: string): Cand => ({ s, e, prio: PRIO.pattern, parts: [{ s, e, entity: id, type: 'organization', qid: null }] });
/** One id for a body however its legal form is written (Harbour Times, Harbour Times Pty Ltd). */
const idOf = (ctx: Ctx, s: number, e: number) =>
  'org:' + ctx.orig.slice(ctx.origin[s], ctx.origin[e]).normalize('NFKC').replace(/\s+/g, ' ').replace(/ (?:Pty Ltd|Ltd|Inc\.?|Corp\.?|Corporation|LLC|Group)$/, '');

export function bodyCands(ctx: Ctx): Cand[] {
  return [...englishBodies(ctx), ...cjkBodies(ctx), ...subBodies(ctx), ...worldCands(ctx)];
}

const ENGLISH_BODY = new RegExp(
  `\\b((?:[A-Z][A-Za-z&'’-]+ ){1,3})(${lexicon.mediaSuffixes.en.map((w) => w.replace(/[.]/g, '\\.')).join('|')})\\b`,
  'g',
);

/** Capitalized words ending in an outlet or company word: Harbour Times, Meridian Wire, Acme Pty Ltd. */
function englishBodies(ctx: Ctx): Cand[] {
  const out: Cand[] = [];
  const re = ENGLISH_BODY;
  re.lastIndex = 0;
  // The original text keeps the capitals: match there, then map back.
  if (!/[A-Z]/.test(ctx.orig)) return out;
  for (let m; (m = re.exec(ctx.orig)); ) {
    const words = m[1].trim().split(' ');
    while (words.length && (lexicon.mediaPrefixBlockers.has(words[0].toLowerCase()) || /['’]s$/.test(words[0]))) words.shift();
    if (!words.length) continue;
    const startOrig = m.index + m[0].indexOf(words[0]);
    const s = normalizedAt(ctx, startOrig);
    const e = normalizedAt(ctx, m.index + m[0].length);
    if (s === undefined || e === undefined || ctx.t.slice(s, e).trim() !== ctx.t.slice(s, e)) continue;
    if (ctx.t.slice(s, e).includes('  ')) continue; // blanked markup inside
    out.push(org(s, e, idOf(ctx, s, e)));
  }
  return out;
}

const isNameUnit = (c: number) => isKanji(c) || isKatakana(c) || c === MIDDLE_DOT || c === LONG_VOWEL;

/** 東亜ウィークリー, 北國新聞, 한빛일보: a name run ending in an outlet word. */
function cjkBodies(ctx: Ctx): Cand[] {
  const out: Cand[] = [];
  for (const lang of ['ja', 'ko'] as const) {
    for (const suffix of lexicon.mediaSuffixes[lang]) {
      for (let i = ctx.t.indexOf(suffix); i !== -1; i = ctx.t.indexOf(suffix, i + 1)) {
        const e = i + suffix.length;
        let s = i;
        const unit = lang === 'ja' ? isNameUnit : isHangul;
        while (s > 0 && unit(code(ctx, s - 1)) && i - s < 8) s--;
        if (unit(code(ctx, s - 1))) continue; // too long a run to be a name
        const name = ctx.t.slice(s, i);
        // 【台北=風傳媒】: in a dateline one character before the outlet word is name enough.
        const dateline = ctx.t[s - 1] === '=' && '】)）'.includes(ctx.t[e] ?? '');
        if ((name.length < 2 && !(dateline && name.length === 1)) || lexicon.mediaPrefixBlockers.has(name)) continue;
        if (lang === 'ko' && isHangul(code(ctx, e)) && !lexicon.particles.ko.some((p) => ctx.t.startsWith(p, e))) continue;
        out.push(org(s, e, idOf(ctx, s, e)));
      }
    }
  }
  return out;
}

/** IAEA理事会: a known organization's organ is one organization. */
function subBodies(ctx: Ctx): Cand[] {
  const out: Cand[] = [];
  for (const h of ctx.hits.free) {
    const ent = ctx.ckb.entities[h.ref.entity];
    if (ent.type !== 'organization') continue;
    for (const lang of ['ja', 'ko'] as const) {
      for (const [suffix, role] of lexicon.orgSubBodies[lang]) {
        const gap = lang === 'ko' && ctx.t[h.e] === ' ' ? 1 : 0;
        if (!ctx.t.startsWith(suffix, h.e + gap)) continue;
        // UNDP事務局長, GCC 사무총장: the organ's word begins a title, so the organization stands alone.
        const at = h.e + gap;
        if (ctx.hits.titles.some((t) => t.s === at && t.e > at + suffix.length)) continue;
        out.push(org(h.s, at + suffix.length, `${ent.id}-${role}`));
      }
    }
  }
  return out;
}
