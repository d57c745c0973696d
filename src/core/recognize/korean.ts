/**
 * Korean word shapes the person rules need: a name never ends in a particle or
 * a verb ending (장관은, 방문해, 현안은 are no names), and a bare one-syllable
 * surname (조 장관) stands for a person only when the full name is at hand.
 * The particles, endings and common nouns are data (kb/data/lexicon.json).
 */
import { lexicon } from './lexicon';

/** One-syllable particles that no three-syllable Korean name ends in. */
const NEVER_LAST = new Set(['는', '을', '를', '에', '의', '와', '과', '로', '께', '랑', '해', '했', '된', '돼']);

/** The particle or verb ending `word` ends in after a stem of at least one syllable, or null. */
export function koreanEnding(word: string): string | null {
  for (const list of [lexicon.koreanEndings, lexicon.particles.ko]) {
    for (const p of list) if (word.length > p.length && word.endsWith(p)) return p;
  }
  return null;
}

/**
 * Whether a three-syllable word before a title can be a name (조창래 장관), not a noun with its
 * particle or a verb form (현안은 대통령과, 방문해 장관과). 은, 이, 도, 만 also end names (김지은):
 * those count as particles only after a common noun.
 */
export function koreanNameWord(word: string): boolean {
  const ending = koreanEnding(word);
  if (!ending) return true;
  if (ending.length > 1 || NEVER_LAST.has(ending)) return false;
  return !lexicon.koreanCommonNouns.has(word.slice(0, word.length - 1));
}
