/** Reading an article from disk: strict UTF-8, BOM dropped, binary refused, errors that name the file. */
import * as fs from 'fs';
import * as path from 'path';
import { decodeArticle } from './offsets';

export class ArticleError extends Error {
  constructor(readonly file: string, readonly reason: string) {
    super(`${file}: ${reason}`);
  }
}

export const ARTICLE_EXTENSIONS = ['.txt', '.md'];

export function readArticle(file: string): { text: string; hadBom: boolean } {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new ArticleError(file, err.code === 'ENOENT' ? 'no such file' : err.code === 'EISDIR' ? 'is a directory' : `cannot be read (${err.code ?? err.message})`);
  }
  if (bytes.includes(0)) throw new ArticleError(file, 'looks binary (contains NUL bytes), not an article');
  try {
    return decodeArticle(bytes);
  } catch {
    throw new ArticleError(file, 'is not valid UTF-8 text');
  }
}

/** Articles named on the command line: files as given, directories walked for article extensions (sorted). */
export function expandArticlePaths(inputs: string[], extensions = ARTICLE_EXTENSIONS): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (extensions.includes(path.extname(entry.name).toLowerCase())) out.push(p);
    }
  };
  for (const input of inputs) {
    if (fs.existsSync(input) && fs.statSync(input).isDirectory()) walk(input);
    else out.push(input);
  }
  return out;
}
