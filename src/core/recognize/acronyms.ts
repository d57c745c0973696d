/**
 * Document-wide step (issue 12): a short name the article defines for an actor —
 * "Trade Law Centre (TLC)", "카타르투자청(QIA)", "フランス全国農業経営者組合連盟（FNSEA）" —
 * mentions that actor, and so does every other use of it anywhere in the article,
 * before or after the definition. RecognitionSession (session.ts, stage 6) runs it per
 * region: definitions with the region's actors, uses per region of the article's names.
 *
 * (The agreements' own short names — 円滑化協定（RAA） — are linked by the
 * agreement stage; this step is for actors.)
 */
import type { Mention } from '../model';
import { OffsetIndex } from '../text/offsets';

/** A Latin short name: a capital, then letters, digits, & . - (2–10 characters, at least two capitals). */
const SHORT = /^[A-Z][A-Za-z0-9&.-]{1,9}$/;
/** Latin letters and digits join a short name to its neighbours; CJK text around it does not (MPAは). */
const isWordChar = (c: string | undefined) => c !== undefined && /[A-Za-z0-9\u00c0-\u024f]/.test(c);

export interface DefinedAcronym {
  name: string;
  /** The mention it was defined for (its entity, type, QID). */
  of: Mention;
  /** The definition itself (code points). */
  start: number;
  end: number;
}

/** Code point ↔ UTF-16 offsets of a text (an OffsetIndex, or one shifted to where a region starts). */
export interface Offsets {
  toUtf16(codePoint: number): number;
  toCodePoint(utf16: number): number;
}

/** Short names defined right after an organization or country mention: "NAME (ABC)", "NAME（ABC）". */
export function acronymDefinitions(text: string, mentions: readonly Mention[], index: Offsets = new OffsetIndex(text)): DefinedAcronym[] {
  const out: DefinedAcronym[] = [];
  for (const m of mentions) {
    if (m.kind !== 'actor' || (m.type !== 'organization' && m.type !== 'country')) continue;
    let u = index.toUtf16(m.end);
    if (text[u] === ' ') u++;
    if (text[u] !== '(' && text[u] !== '（') continue;
    const close = text.slice(u + 1, u + 13).search(/[)）]/);
    if (close < 0) continue;
    const name = text.slice(u + 1, u + 1 + close);
    if (!SHORT.test(name) || (name.match(/[A-Z]/g) ?? []).length < 2) continue;
    const start = index.toCodePoint(u + 1);
    out.push({ name, of: m, start, end: start + name.length });
  }
  return out;
}

/** Each defined name with its first definition. */
export function firstDefinitions(defs: readonly DefinedAcronym[]): Map<string, DefinedAcronym> {
  const byName = new Map<string, DefinedAcronym>();
  for (const d of defs) if (!byName.has(d.name)) byName.set(d.name, d);
  return byName;
}

/**
 * Mentions of the defined names in `text` (a whole article, or a region of lines: a use never
 * crosses a line), where no actor of `mentions` stands, in the order of the names.
 */
export function definedUses(text: string, byName: ReadonlyMap<string, DefinedAcronym>, mentions: readonly Mention[], index: Offsets): Mention[] {
  // Actor spans taken (code points): a use never overlaps one.
  const taken = mentions.filter((m) => m.kind === 'actor').map((m) => [m.start, m.end] as const).sort((a, b) => a[0] - b[0]);
  const overlaps = (s: number, e: number) => {
    let lo = 0;
    let hi = taken.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (taken[mid][1] <= s) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < taken.length && taken[k][0] < e; k++) if (taken[k][1] > s) return true;
    return false;
  };
  const added: Mention[] = [];
  for (const [name, d] of byName) {
    for (let u = text.indexOf(name); u !== -1; u = text.indexOf(name, u + 1)) {
      const end16 = u + name.length;
      if (isWordChar(text[u - 1]) || isWordChar(text[end16]) || inMarkup(text, u)) continue;
      const start = index.toCodePoint(u);
      const end = start + name.length;
      if (overlaps(start, end)) continue;
      added.push({ start, end, text: name, kind: 'actor', type: d.of.type, entity: d.of.entity, qid: d.of.qid });
    }
  }
  return added;
}

/** Inside an HTML tag or a URL: the nearest < before is unclosed, or the word runs on from :// or a path. */
function inMarkup(text: string, u: number): boolean {
  const lt = text.lastIndexOf('<', u);
  if (lt !== -1 && text.lastIndexOf('>', u) < lt && text.indexOf('>', u) !== -1 && u - lt < 2000) return true;
  let s = u;
  while (s > 0 && !/\s/.test(text[s - 1]) && u - s < 300) s--;
  const run = text.slice(s, u);
  return run.includes('://') || run.includes('/') || run.includes('=');
}
