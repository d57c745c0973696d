/**
 * Atomic file replacement: write a temporary file in the same folder, fsync
 * it, rename it over the target, fsync the folder. A crash at any step leaves
 * either the old file or the new one, whole. The steps are injectable so
 * tests can crash at each of them.
 */
import { randomBytes } from 'crypto';
import { promises as fsp } from 'fs';
import * as path from 'path';

export interface WritableHandle {
  write(data: Uint8Array): Promise<unknown>;
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
 */
export async function writeFileAtomic(
  file: string,
  data: string | Uint8Array,
  steps: WriteSteps = nodeWriteSteps,
  beforeRename?: () => Promise<boolean>,
): Promise<boolean> {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let renamed = false;
  try {
    const handle = await steps.create(temp);
    try {
      await handle.write(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (beforeRename && !(await beforeRename())) return false;
    await steps.rename(temp, file);
    renamed = true;
  } finally {
    if (!renamed) await steps.remove(temp).catch(() => undefined);
  }
  await steps.syncDir(dir);
  return true;
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
