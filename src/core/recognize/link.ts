/**
 * Article-wide passes over the mentions of every region, in order: they read
 * no text, so they cost little after an edit.
 */
import { patronymicGiven, surnameOf } from './people';
import type { CompiledKb } from './compile';
import type { Part } from './span';

/** A mention with the normalized text of its span and, for people, the surnames it gives later mentions. */
export interface NamedPart {
  part: Part;
  name: string;
  /** Strings whose later use alone is this person (read once per region, not on every pass). */
  surnames: string[];
}

export function namedPart(part: Part, name: string, ckb: CompiledKb): NamedPart {
  const surnames: string[] = [];
  if (part.type === 'person') {
    const sur = surnameOf(name);
    if (sur) surnames.push(sur);
    // Prince Mohammed, ムハンマド皇太子 after ムハンマド・ビン・サルマン: a patronymic name's first word.
    const given = patronymicGiven(name);
    if (given) surnames.push(given);
    // CJK names start with the surname: 조창래 → 조, 中谷元 → 中谷 (one or two characters);
    // not a transliterated foreign surname (이시바 for Ishiba is a knowledge-base alias, not a full name).
    if (!/[\s・a-z]/.test(name) && name.length >= 3 && isFullCjkName(ckb, part.entity, name)) surnames.push(name.slice(0, 1), name.slice(0, 2));
  }
  return { part, name, surnames };
}

/**
 * A short name is the person named in full before it: ベロウソフ氏 after アンドレイ・ベロウソフ,
 * 조 장관 after 조창래, 中谷 after 中谷元 — whatever the knowledge base would have guessed for
 * the bare surname. Several full names with that surname: the most mentioned so far, then the one
 * named first (the article's subject, not a figure of an aside).
 */
export function linkSurnames(parts: readonly NamedPart[]): Part[] {
  const bySurname = new Map<string, Map<string, { part: Part; count: number; first: number }>>();
  const note = (surname: string, p: Part, at: number) => {
    const m = bySurname.get(surname) ?? bySurname.set(surname, new Map()).get(surname)!;
    const seen = m.get(p.entity);
    m.set(p.entity, { part: p, count: (seen?.count ?? 0) + 1, first: seen?.first ?? at });
  };
  return parts.map(({ part: p, name, surnames }, at) => {
    if (p.type !== 'person') return p;
    const candidates = bySurname.get(name);
    if (candidates) {
      const best = [...candidates.values()].sort((a, b) => b.count - a.count || a.first - b.first)[0].part;
      return best.entity === p.entity ? p : { ...p, entity: best.entity, qid: best.qid };
    }
    for (const sur of surnames) note(sur, p, at);
    return p;
  });
}

/** Whether a CJK name is a full name as written (조창래, 中谷元), so its first one or two characters are a surname. */
function isFullCjkName(ckb: CompiledKb, entity: string, name: string): boolean {
  const i = ckb.indexOf.get(entity);
  if (i === undefined) return true; // found by a title pattern: written as the article wrote it
  const e = ckb.entities[i];
  return [e.names.ja, e.names.ko, e.names.zh].some((forms) => forms?.some((f) => f.replace(/\s/g, '') === name && !/\s/.test(f)));
}

/**
 * A short key of the article, so local ids of unnamed agreements never collide across files: a
 * hash of its first region (front matter, or its headline and first lines), so that an edit
 * further down keeps the ids of its documents (and the caches keyed by them).
 */
export function docKey(firstRegion: string): string {
  let h = Math.imul(0x811c9dc5 ^ firstRegion.length, 0x01000193);
  for (let i = 0; i < firstRegion.length; i++) h = Math.imul(h ^ firstRegion.charCodeAt(i), 0x01000193);
  return 'doc-' + (h >>> 0).toString(16).padStart(8, '0');
}
