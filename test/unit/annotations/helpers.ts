/** Shared test fixtures: tiny articles (BOM, CRLF, emoji), temp folders, mentions. */
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import type { EntityType, Mention } from '../../../src/core/model';
import { kindOf } from '../../../src/core/model';
import { decodeArticle } from '../../../src/core/text/offsets';

/** File bytes: BOM, CRLF line endings, emoji before annotated words. */
export const ARTICLE_FILE = '\ufeff💡 Japan and Russia met in Tokyo.\r\n🇯🇵 日本とロシアが条約に署名した。\r\n💡💡 Russia said the treaty stands.\r\n';
export const ARTICLE = decodeArticle(new TextEncoder().encode(ARTICLE_FILE)).text;

/** Code point offset of the n-th (0-based) occurrence of `word` in `text`. */
export function cp(text: string, word: string, n = 0): { start: number; end: number } {
  let u = -1;
  for (let i = 0; i <= n; i++) {
    u = text.indexOf(word, u + 1);
    if (u < 0) throw new Error(`'${word}' #${n} not in text`);
  }
  const start = [...text.slice(0, u)].length;
  return { start, end: start + [...word].length };
}

export function mention(text: string, word: string, entity: string, type: EntityType, n = 0, qid: string | null = null): Mention {
  const { start, end } = cp(text, word, n);
  return { start, end, text: word, kind: kindOf(type), type, entity, qid };
}

/** A fresh temp folder, removed after the suite. */
export function tempDir(): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'aa-store-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function writeArticle(dir: string, name = 'a.txt', content = ARTICLE_FILE): string {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
}

/** Deterministic ids and clock for reproducible files. */
export function deterministic(): { newId: () => string; now: () => Date } {
  let n = 0;
  let t = Date.UTC(2025, 0, 1);
  return {
    newId: () => `a-${(n++).toString(16).padStart(12, '0')}`,
    now: () => new Date((t += 1000)),
  };
}
