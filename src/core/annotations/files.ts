/** Where sidecars live and how they are found and read. */
import * as fs from 'fs';
import { promises as fsp } from 'fs';
import * as path from 'path';
import { kindOfFile } from '../text/article';
import { parseSidecar } from './codec';
import { SidecarError } from './errors';
import { SIDECAR_SUFFIX, type SidecarDoc } from './schema';

/** `a.txt` -> `a.txt.annotations.json`, in the same folder. */
export function sidecarPathFor(articlePath: string): string {
  return articlePath + SIDECAR_SUFFIX;
}

export function isSidecarPath(file: string): boolean {
  return file.endsWith(SIDECAR_SUFFIX) && path.basename(file).length > SIDECAR_SUFFIX.length;
}

/** The article a sidecar belongs to. */
export function articlePathFor(sidecarPath: string): string {
  if (!isSidecarPath(sidecarPath)) throw new Error(`${sidecarPath} is not a ${SIDECAR_SUFFIX} file`);
  return sidecarPath.slice(0, -SIDECAR_SUFFIX.length);
}

/**
 * The sidecar's bytes, or null when there is none. Other read failures are a SidecarError, and so
 * is a sidecar that is no regular file: it is opened non-blocking (a FIFO without a writer does not
 * hang the open) and checked with fstat on the handle (no race with the path), as articles are
 * (text/article.ts). A stat answers "none" first, without an open and its promise (most articles
 * have no sidecar: the workspace index asks for every one).
 */
export async function readSidecarBytes(file: string): Promise<Buffer | null> {
  const unreadable = (message: string) => new SidecarError(file, 'unreadable', [{ path: '', message }]);
  const code = (e: unknown) => (e as NodeJS.ErrnoException).code ?? String(e);
  try {
    if (!fs.statSync(file, { throwIfNoEntry: false })) return null;
  } catch (e) {
    throw unreadable(code(e));
  }
  let handle: fsp.FileHandle;
  try {
    handle = await fsp.open(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (e) {
    if (code(e) === 'ENOENT') return null;
    throw unreadable(code(e));
  }
  try {
    const st = await handle.stat();
    if (!st.isFile()) throw unreadable(`is ${kindOfFile(st)}, not a regular file`);
    return await handle.readFile();
  } catch (e) {
    if (e instanceof SidecarError) throw e;
    throw unreadable(code(e));
  } finally {
    await handle.close();
  }
}

/** The parsed sidecar, or null when there is none; throws SidecarError when it is broken. */
export async function readSidecarFile(file: string): Promise<SidecarDoc | null> {
  const bytes = await readSidecarBytes(file);
  return bytes ? parseSidecar(bytes, file) : null;
}

/** Every sidecar under `dir`, sorted; hidden folders and node_modules are skipped. */
export async function findSidecars(dir: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (d: string): Promise<void> => {
    const entries = await fsp.readdir(d, { withFileTypes: true });
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        if (!e.name.startsWith('.') && e.name !== 'node_modules') await walk(p);
      } else if (e.isFile() && isSidecarPath(e.name)) {
        found.push(p);
      }
    }
  };
  await walk(dir);
  return found.sort();
}
