/** The raw hits of one scan: every trie form at every position, sorted into what the rules need. */
import type { CompiledKb, FormRef } from './compile';
import { Mode } from './compile';
import { isKatakana, isLatinLetter, isLatinWordChar } from '../text/script';

export interface Hit {
  s: number;
  e: number;
  ref: FormRef;
  /** Every form ending at this trie node: more than one when entities share a surface form. */
  refs: readonly FormRef[];
}

export interface Hits {
  free: Hit[];
  contextual: Hit[];
  blockers: Hit[];
  titles: Hit[];
  heads: Hit[];
  /** Position → abbreviation hits (one character each). */
  abbrJa: Map<number, number[]>;
  abbrKo: Map<number, number[]>;
}

export function scan(text: string, ckb: CompiledKb): Hits {
  const hits: Hits = { free: [], contextual: [], blockers: [], titles: [], heads: [], abbrJa: new Map(), abbrKo: new Map() };
  const { trie } = ckb;
  let i = 0;
  // Where each mode's hits go (abbreviations are kept by position instead).
  const lists: Array<Hit[] | undefined> = [];
  lists[Mode.Free] = hits.free;
  lists[Mode.Contextual] = hits.contextual;
  lists[Mode.Blocker] = hits.blockers;
  lists[Mode.Title] = hits.titles;
  lists[Mode.Head] = hits.heads;
  // One callback for the whole scan (not a closure per position): it reads the current start `i`.
  const onHit = (e: number, refs: readonly FormRef[]) => {
    for (const ref of refs) {
      const list = lists[ref.mode];
      if (list) list.push({ s: i, e, ref, refs });
      else push(ref.mode === Mode.AbbrJa ? hits.abbrJa : hits.abbrKo, i, ref.entity);
    }
  };
  let prev = 0;
  for (; i < text.length; prev = text.charCodeAt(i), i++) {
    const c = text.charCodeAt(i);
    if (!trie.starts(c)) continue;
    // No Latin or katakana form may start inside a word of its script (the boundary rules
    // would reject it), so mid-word positions are not walked at all: "us" in "because".
    if ((isLatinLetter(c) && isLatinWordChar(prev)) || (isKatakana(c) && isKatakana(prev))) continue;
    trie.walk(text, i, onHit);
  }
  return hits;
}

function push(m: Map<number, number[]>, k: number, v: number): void {
  const a = m.get(k);
  if (a) a.push(v);
  else m.set(k, [v]);
}
