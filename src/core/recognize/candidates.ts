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
  // One callback for the whole scan (not a closure per position): it reads the current start `i`.
  const onHit = (e: number, refs: readonly FormRef[]) => {
    for (const ref of refs) {
      switch (ref.mode) {
        case Mode.Free:
          hits.free.push({ s: i, e, ref, refs });
          break;
        case Mode.Contextual:
          hits.contextual.push({ s: i, e, ref, refs });
          break;
        case Mode.Blocker:
          hits.blockers.push({ s: i, e, ref, refs });
          break;
        case Mode.Title:
          hits.titles.push({ s: i, e, ref, refs });
          break;
        case Mode.Head:
          hits.heads.push({ s: i, e, ref, refs });
          break;
        case Mode.AbbrJa:
          push(hits.abbrJa, i, ref.entity);
          break;
        case Mode.AbbrKo:
          push(hits.abbrKo, i, ref.entity);
          break;
      }
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
