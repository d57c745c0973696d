/** Where sidecars live and how they are found and read. */
import * as fs from 'fs';
import { promises as fsp } from 'fs';
import * as path from 'path';
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
 * is a sidecar that is no regular file (a FIFO would block the read forever). A stat answers "none"
 * without an open and its promise (most articles have no sidecar: the workspace index asks for all).
 */
export async function readSidecarBytes(file: string): Promise<Buffer | null> {
  let st: fs.Stats | undefined;
  try {
    st = fs.statSync(file, { throwIfNoEntry: false });
  } catch (e) {
    throw new SidecarError(file, 'unreadable', [{ path: '', message: (e as NodeJS.ErrnoException).code ?? String(e) }]);
  }
  if (!st) return null;
  if (!st.isFile()) throw new SidecarError(file, 'unreadable', [{ path: '', message: 'not a regular file' }]);
  try {
    return await fsp.readFile(file);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') return null;
    throw new SidecarError(file, 'unreadable', [{ path: '', message: err.code ?? err.message }]);
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
