/**
 * Atomic file replacement: write a temporary file in the same folder, fsync
 * it, rename it over the target, fsync the folder. A crash at any step leaves
 * either the old file or the new one, whole. The steps are injectable so
 * tests can crash at each of them.
 */
import { randomBytes } from 'crypto';
import { constants as fsConstants, promises as fsp } from 'fs';
import * as path from 'path';
import { SidecarPermissionError } from './errors';
import { pidAlive, statOrNull } from './lock';

export interface WritableHandle {
  write(data: Uint8Array): Promise<unknown>;
  /** Give the new file the old one's mode and owner (before it replaces it). */
  chmod?(mode: number): Promise<void>;
  chown?(uid: number, gid: number): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

export interface WriteSteps {
  /** Create a new file; fails if it exists. */
  create(file: string): Promise<WritableHandle>;
  rename(from: string, to: string): Promise<void>;
  /** Make a rename durable; best effort (not every platform can open a folder). */
  syncDir(dir: string): Promise<void>;
  remove(file: string): Promise<void>;
}

export const nodeWriteSteps: WriteSteps = {
  async create(file) {
    const h = await fsp.open(file, 'wx', 0o644);
    return {
      write: (data) => h.write(data, 0, data.length, null),
      chmod: (mode) => h.chmod(mode),
      chown: (uid, gid) => h.chown(uid, gid),
      sync: () => h.sync(),
      close: () => h.close(),
    };
  },
  rename: renameWithRetry,
  async syncDir(dir) {
    let h: fsp.FileHandle | undefined;
    try {
      h = await fsp.open(dir, 'r');
      await h.sync();
    } catch {
      // Windows cannot fsync a folder; its rename is durable enough.
    } finally {
      await h?.close().catch(() => undefined);
    }
  },
  remove: (file) => fsp.rm(file, { force: true }),
};

/**
 * Replace `file` with `data`. `beforeRename` runs last, just before the
 * rename; when it returns false nothing is replaced and the result is false.
 * What the user set is kept: a symlink is written through to its target (the
 * temporary file goes next to the target), the mode stays, and the owner too
 * when we may set it. A file this process may not write is refused with
 * SidecarPermissionError (the folder's permission alone would let the rename
 * replace it). Temporary files that crashed writers left next to it are removed.
 */
export async function writeFileAtomic(
  file: string,
  data: string | Uint8Array,
  steps: WriteSteps = nodeWriteSteps,
  beforeRename?: () => Promise<boolean>,
): Promise<boolean> {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const target = await resolveTarget(file);
  const old = await statOrNull(target);
  if (old) {
    try {
      await fsp.access(target, fsConstants.W_OK);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? 'EACCES';
      if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new SidecarPermissionError(file, code);
      throw e;
    }
  }
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let renamed = false;
  try {
    const handle = await steps.create(temp);
    try {
      await handle.write(bytes);
      if (old) {
        // Owner first: chown clears set-id bits, chmod then restores the mode.
        if (handle.chown && (old.uid !== process.getuid?.() || old.gid !== process.getgid?.())) {
          await handle.chown(old.uid, old.gid).catch(() => undefined);
        }
        await handle.chmod?.(old.mode & 0o7777);
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (beforeRename && !(await beforeRename())) return false;
    await steps.rename(temp, target);
    renamed = true;
  } finally {
    if (!renamed) await steps.remove(temp).catch(() => undefined);
  }
  await steps.syncDir(dir);
  await removeLeftoverTemps(target).catch(() => undefined);
  return true;
}

/** Where the bytes go: the final target of a symlink chain (even a dangling one), else `file`. */
async function resolveTarget(file: string): Promise<string> {
  let current = file;
  for (let hops = 0; hops < 40; hops++) {
    let st;
    try {
      st = await fsp.lstat(current);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return current;
      throw e;
    }
    if (!st.isSymbolicLink()) return current;
    current = path.resolve(path.dirname(current), await fsp.readlink(current));
  }
  return fsp.realpath(file); // a loop: let realpath report ELOOP
}

/** Leftovers older than this are removed even when their pid seems alive (pid reuse, another host). */
const TEMP_MAX_AGE_MS = 60 * 60 * 1000;

/** `.<name>.<pid>.<hex>.tmp` of `file` whose writer is dead (or that are very old); never a live writer's. */
export async function removeLeftoverTemps(file: string): Promise<string[]> {
  const dir = path.dirname(file);
  const prefix = `.${path.basename(file)}.`;
  const removed: string[] = [];
  for (const name of await fsp.readdir(dir)) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const m = /^(\d+)\.[0-9a-f]+\.tmp$/.exec(name.slice(prefix.length));
    if (!m) continue;
    const pid = Number(m[1]);
    const p = path.join(dir, name);
    if (pid === process.pid) continue;
    if (pidAlive(pid)) {
      const st = await statOrNull(p);
      if (!st || Date.now() - st.mtimeMs < TEMP_MAX_AGE_MS) continue;
    }
    await fsp.rm(p, { force: true });
    removed.push(p);
  }
  return removed;
}

/** Windows refuses a rename while another process has the target open; such locks are brief. */
async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await fsp.rename(from, to);
      return;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (attempt >= 5 || (code !== 'EPERM' && code !== 'EACCES' && code !== 'EBUSY')) throw e;
      await new Promise((r) => setTimeout(r, 20 * (attempt + 1)));
    }
  }
}
