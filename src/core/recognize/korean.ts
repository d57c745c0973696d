/**
 * Korean word shapes the person rules need: a name never ends in a particle or
 * a verb ending (장관은, 방문해, 현안은 are no names), and a bare one-syllable
 * surname (조 장관) stands for a person only when the full name is at hand.
 * The particles, endings and common nouns are data (kb/data/lexicon.json).
 */
import { isHangul } from '../text/script';
import { lexicon } from './lexicon';

/** Whether a Korean word may end at `e` of `t`: no more Hangul, or only a particle. */
export function koreanWordEndsAt(t: string, e: number): boolean {
  if (!isHangul(t.charCodeAt(e))) return true;
  return lexicon.particles.ko.some((p) => t.startsWith(p, e) && !isHangul(t.charCodeAt(e + p.length)));
}

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
  // 지난달, 그동안: a common noun or an adverb of three syllables is no name though it starts like one.
  if (lexicon.koreanCommonNouns.has(word) || lexicon.koreanAdverbs.has(word)) return false;
  // 방문한, 참석할: a common noun with a modifier ending (하다 verbs) is no name.
  if (word.length === 3 && lexicon.koreanCommonNouns.has(word.slice(0, 2)) && '한된할될던'.includes(word[2])) return false;
  const ending = koreanEnding(word);
  if (!ending) return true;
  if (ending.length > 1 || NEVER_LAST.has(ending)) return false;
  return !lexicon.koreanCommonNouns.has(word.slice(0, word.length - 1));
}

/** Syllables no word of a foreign name ends in when no particle follows it (벨로, 타하 and 아미나 do end in 로, 하, 나). */
const NEVER_FOREIGN_LAST = new Set(['는', '을', '를', '에', '의', '와', '과', '께', '랑', '해', '했', '된', '돼']);

/** A word of a foreign name written in hangul (아미나, 벨로, 알부다이위, 빈): hangul only, no common noun, no case ending or verb form. */
export function foreignNameWord(word: string, first: boolean): boolean {
  if (!/^[\uac00-\ud7a3]{1,7}$/.test(word) || (first && word.length < 2)) return false;
  if (lexicon.koreanCommonNouns.has(word) || lexicon.koreanAdverbs.has(word) || lexicon.titleBlockers.ko.has(word)) return false;
  const ending = koreanEnding(word);
  if (ending === null) return true;
  // 차관이, 대변인은: a title or common noun with its particle ends the phrase before a name.
  const stem = word.slice(0, word.length - ending.length);
  if (TITLES_KO.has(stem) || lexicon.koreanCommonNouns.has(stem)) return false;
  return ending.length === 1 && !NEVER_FOREIGN_LAST.has(ending);
}
const TITLES_KO = new Set(lexicon.titles.ko);

/**
 * A foreign name of two to four hangul words ending at `end` (exclusive) — 아미나 벨로 before
 * 남아프리카개발공동체(SADC) 사무총장 — or null. `isTaken` says whether a word is an actor already.
 */
export function foreignNameBefore(t: string, end: number, isTaken: (s: number, e: number) => boolean, minWords = 2): [number, number] | null {
  const words: Array<[number, number]> = [];
  let e = end;
  while (words.length < 4) {
    let s = e;
    while (s > 0 && /[\uac00-\ud7a3]/.test(t[s - 1])) s--;
    if (s === e || isTaken(s, e)) break;
    const word = t.slice(s, e);
    if (!foreignNameWord(word, false)) break;
    words.unshift([s, e]);
    if (t[s - 1] !== ' ') break;
    e = s - 1;
  }
  while (words.length && t.slice(words[0][0], words[0][1]).length < 2) words.shift();
  if (words.length < minWords) return null;
  // The name starts a phrase: after punctuation, a line start, or a word ending in a particle.
  const s = words[0][0];
  const prev = t.slice(Math.max(0, s - 12), s).trimEnd();
  const prevWord = /[\uac00-\ud7a3]+$/.exec(prev)?.[0];
  // AU의, (GCC)의: a particle right after a Latin name or a bracket ends that word.
  const afterLatin = prevWord !== undefined && prev.length > prevWord.length && !/[\s\uac00-\ud7a3]/.test(prev[prev.length - prevWord.length - 1]) && lexicon.particles.ko.includes(prevWord);
  if (prevWord && !afterLatin && !koreanEnding(prevWord) && !lexicon.koreanAdverbs.has(prevWord) && !/^\d/.test(prevWord) && !/[일월]$/.test(prevWord)) return null;
  return [s, words[words.length - 1][1]];
}

/** A foreign name of two to four hangul words starting at `start`, its last word ending in a particle (사무총장 아미나 벨로는): its span, or null. */
export function foreignNameAfter(t: string, start: number): [number, number] | null {
  let s = start;
  const words: Array<[number, number]> = [];
  while (words.length < 4) {
    let e = s;
    while (e < t.length && /[\uac00-\ud7a3]/.test(t[e])) e++;
    if (e === s) return null;
    const word = t.slice(s, e);
    // 통화 결과: a common noun is no name, even when it ends like a particle.
    const particle = words.length >= 1 && !lexicon.koreanCommonNouns.has(word) ? lexicon.particles.ko.find((p) => word.length >= p.length + 2 && word.endsWith(p)) : undefined;
    if (particle) {
      const stem = word.slice(0, word.length - particle.length);
      if (!foreignNameWord(stem, false)) return null;
      words.push([s, e - particle.length]);
      return [words[0][0], words[words.length - 1][1]];
    }
    if (!foreignNameWord(word, words.length === 0)) return null;
    words.push([s, e]);
    if (t[e] !== ' ') return null;
    s = e + 1;
  }
  return null;
}
