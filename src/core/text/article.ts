/**
 * Reading an article from disk: strict UTF-8, BOM dropped, binary refused, errors that name the file.
 * Odd files (FIFOs, devices, sockets, huge files) are refused without reading a byte of them.
 */
import * as fs from 'fs';
import * as path from 'path';
import { decodeArticle } from './offsets';

export class ArticleError extends Error {
  constructor(readonly file: string, readonly reason: string) {
    super(`${file}: ${reason}`);
  }
}

export const ARTICLE_EXTENSIONS = ['.txt', '.md'];

/** Default largest article read (bytes); the CLI's --max-size and the setting articleAnnotator.maxFileSize change it. */
export const DEFAULT_MAX_ARTICLE_SIZE = 20 * 1024 * 1024;

export interface ReadOptions {
  /** Largest file accepted, in bytes (default DEFAULT_MAX_ARTICLE_SIZE). */
  maxSize?: number;
}

let processMaxSize = DEFAULT_MAX_ARTICLE_SIZE;

/** The limit readArticle uses when no maxSize is passed (the CLI sets it once from --max-size). */
export function setDefaultMaxArticleSize(bytes: number): void {
  processMaxSize = bytes;
}

export function defaultMaxArticleSize(): number {
  return processMaxSize;
}

/** `1048576`, `20MB`, `512KB`, `1.5MB` → bytes; null when not a size. */
export function parseSize(value: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m|gb|g)?\s*$/i.exec(value);
  if (!m) return null;
  const unit = (m[2] ?? 'b').toLowerCase()[0];
  const factor = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  const bytes = Math.floor(Number(m[1]) * factor);
  return bytes > 0 ? bytes : null;
}

export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KB`;
  return `${bytes} bytes`;
}

/** What a path that is no regular file is ("a FIFO (named pipe)"), for messages. */
export function kindOfFile(st: fs.Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

function openError(file: string, e: unknown): ArticleError {
  const err = e as NodeJS.ErrnoException;
  // A unix socket cannot be opened at all (ENXIO); say what it is.
  if (err.code === 'ENXIO' || err.code === 'EOPNOTSUPP') return new ArticleError(file, 'is a socket, not a regular file; not read');
  return new ArticleError(
    file,
    err.code === 'ENOENT' ? 'no such file' : err.code === 'EISDIR' ? 'is a directory' : `cannot be read (${err.code ?? err.message})`,
  );
}

/**
 * The bytes of a regular file of at most maxSize bytes. Opened non-blocking (a FIFO without a writer
 * does not hang the open), checked with fstat on the handle itself (no race with a path stat), and read
 * at most maxSize + 1 bytes (a file growing after the fstat is still caught).
 */
export function readArticleBytes(file: string, options: ReadOptions = {}): Buffer {
  const maxSize = options.maxSize ?? processMaxSize;
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (e) {
    throw openError(file, e);
  }
  try {
    const st = fs.fstatSync(fd);
    const buf = bufferFor(file, st, maxSize);
    let filled = 0;
    for (let n = -1; n !== 0 && filled < buf.length; filled = grown(file, filled + n, maxSize, st)) {
      try {
        n = fs.readSync(fd, buf, filled, buf.length - filled, null);
      } catch (e) {
        throw openError(file, e);
      }
    }
    return buf.subarray(0, filled);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The buffer to read a file into: at most maxSize + 1 bytes, so a file grown since the stat is still
 * caught (and one grown past its stat size is read no further: a bigger buffer is not worth it).
 */
function bufferFor(file: string, st: fs.Stats, maxSize: number): Buffer {
  if (!st.isFile()) throw new ArticleError(file, `is ${kindOfFile(st)}, not a regular file; not read`);
  if (st.size > maxSize) throw tooLarge(file, maxSize, st.size);
  return Buffer.allocUnsafe(Math.min(st.size, maxSize) + 1);
}

/** `filled` bytes read so far, refused past maxSize (the read loops stop at end of file or a full buffer). */
function grown(file: string, filled: number, maxSize: number, st: fs.Stats): number {
  if (filled > maxSize) throw tooLarge(file, maxSize, st.size);
  return filled;
}

export function readArticle(file: string, options: ReadOptions = {}): { text: string; hadBom: boolean } {
  return decodeRead(file, readArticleBytes(file, options));
}

/** readArticle without blocking the thread (the extension host reads an article for its previews). */
export async function readArticleAsync(file: string, options: ReadOptions = {}): Promise<{ text: string; hadBom: boolean }> {
  const maxSize = options.maxSize ?? processMaxSize;
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (e) {
    throw openError(file, e);
  }
  try {
    const st = await handle.stat();
    const buf = bufferFor(file, st, maxSize);
    let filled = 0;
    for (let n = -1; n !== 0 && filled < buf.length; filled = grown(file, filled + n, maxSize, st)) {
      try {
        ({ bytesRead: n } = await handle.read(buf, filled, buf.length - filled, null));
      } catch (e) {
        throw openError(file, e);
      }
    }
    return decodeRead(file, buf.subarray(0, filled));
  } finally {
    await handle.close();
  }
}

function tooLarge(file: string, maxSize: number, size: number): ArticleError {
  return new ArticleError(file, `is larger than the size limit of ${formatSize(maxSize)} (${size} bytes); not read`);
}

function decodeRead(file: string, bytes: Buffer): { text: string; hadBom: boolean } {
  if (bytes.includes(0)) throw new ArticleError(file, 'looks binary (contains NUL bytes), not an article');
  try {
    return decodeArticle(bytes);
  } catch {
    throw new ArticleError(file, 'is not valid UTF-8 text');
  }
}

/**
 * Articles named on the command line: files as given, directories walked for article extensions (sorted).
 * Odd entries with an article extension (FIFOs, sockets, symlinks to devices) are listed too, so that
 * readArticle refuses them with a message naming them; symlinks to directories are not followed.
 */
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
    let isDir = false;
    try {
      isDir = fs.statSync(input).isDirectory();
    } catch {
      // missing: readArticle names it
    }
    if (isDir) walk(input);
    else out.push(input);
  }
  return out;
}
