/**
 * One writer at a time per sidecar, across processes (CLI and extension host
 * alike): `<sidecar>.lock`, created exclusively, holding {pid, host, token}.
 *
 * Written by hand rather than with proper-lockfile@4.1.2, by what
 * scripts/bench-lock.ts measured on our 2-core machine: proper-lockfile does
 * more lock+unlock cycles per second (~1,000/s against our ~570/s; both far
 * below the cost of one save), but after its holder is SIGKILLed a waiter gets
 * it only after 2.3-2.9 s (its stale minimum is 2 s), ours in 2-40 ms because
 * a dead pid on this host is stale at once. A killed CLI must not freeze the
 * editor's next save for seconds, so recovery time decides.
 *
 * - A lock whose holder is on this host and whose pid is dead is stale at once;
 *   any other lock is stale when its mtime is older than `staleMs` (the holder
 *   refreshes it every staleMs / 3).
 * - A stale lock is broken under a second, short-lived lock (`<lock>.break`)
 *   after checking it is still the one judged stale, so two breakers never both win.
 * - Waiting is bounded: SidecarLockTimeoutError after `timeoutMs`.
 */
import { randomBytes } from 'crypto';
import { promises as fsp } from 'fs';
import { hostname } from 'os';
import * as path from 'path';
import { SidecarLockTimeoutError, SidecarPermissionError } from './errors';

export interface LockOptions {
  /** Give up after this long (default 10 s). */
  timeoutMs?: number;
  /** A lock not refreshed for this long is stale even when its holder cannot be checked (default 10 s). */
  staleMs?: number;
}

interface LockInfo {
  pid: number;
  host: string;
  token: string;
}

const HOST = hostname();

export function lockPathFor(sidecarPath: string): string {
  return sidecarPath + '.lock';
}

/** Run `fn` holding the lock of `sidecarPath` (the path itself, or its target when it is a symlink). */
export async function withSidecarLock<T>(sidecarPath: string, fn: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const lock = lockPathFor(await realTarget(sidecarPath));
  const release = await acquire(lock, options.timeoutMs ?? 10_000, options.staleMs ?? 10_000);
  try {
    return await fn();
  } finally {
    await release();
  }
}

/** Whether a process with this pid runs on this host (EPERM: it runs as someone else). */
export function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function acquire(lock: string, timeoutMs: number, staleMs: number): Promise<() => Promise<void>> {
  const info: LockInfo = { pid: process.pid, host: HOST, token: randomBytes(8).toString('hex') };
  const body = JSON.stringify(info);
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    try {
      await createWhole(lock, body);
      break;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new SidecarPermissionError(lock, code);
      if (code !== 'EEXIST') throw e;
    }
    if (await breakIfStale(lock, staleMs)) continue;
    if (Date.now() >= deadline) throw new SidecarLockTimeoutError(lock, timeoutMs);
    await sleep(Math.min(5 * 2 ** Math.min(attempt, 5), 100) * (0.5 + Math.random()));
  }
  const refresh = setInterval(() => {
    const now = new Date();
    fsp.utimes(lock, now, now).catch(() => undefined);
  }, Math.max(staleMs / 3, 50));
  refresh.unref?.();
  // A breaker killed between removing a stale lock and its own file leaves that file behind.
  await clearStaleBreaker(`${lock}.break`);
  return async () => {
    clearInterval(refresh);
    // Remove it only while it is still ours (it may have been broken as stale after a long stall).
    const held = await readLock(lock);
    if (held?.token === info.token) await fsp.rm(lock, { force: true });
  };
}

/** True when the lock was stale and is gone now (by us or another breaker). */
async function breakIfStale(lock: string, staleMs: number): Promise<boolean> {
  const first = await statOrNull(lock);
  if (!first) return true;
  const mtime = first.mtimeMs;
  const held = await readLock(lock);
  const dead = held !== null && held.host === HOST && !pidAlive(held.pid);
  if (!dead && Date.now() - mtime < staleMs) return false;
  // One breaker at a time (`<lock>.break`): under it, the lock must still be the one judged stale,
  // so a breaker that looked a moment too early never removes the lock a new holder just took.
  const breaker = `${lock}.break`;
  try {
    await createWhole(breaker, JSON.stringify({ pid: process.pid, host: HOST }));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    await clearStaleBreaker(breaker);
    return false;
  }
  try {
    const now = await statOrNull(lock);
    if (!now) return true;
    const still = await readLock(lock);
    if (held ? still?.token !== held.token : still !== null || now.mtimeMs !== mtime) return false;
    await fsp.rm(lock, { force: true });
    return true;
  } finally {
    await fsp.rm(breaker, { force: true });
  }
}

/**
 * Create `file` exclusively with `body` in it (EEXIST when it exists). Written whole beside it, then
 * linked into place (link never replaces): the file always names its holder, so a holder killed at any
 * moment is known dead at once. The temporary file is named like writeFileAtomic's, so the next write
 * removes one a killed process left.
 */
async function createWhole(file: string, body: string): Promise<void> {
  const base = path.basename(file).replace(/\.lock(\.break)?$/, '');
  const temp = path.join(path.dirname(file), `.${base}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await fsp.writeFile(temp, body, { flag: 'wx' });
    await fsp.link(temp, file).catch(async (e: NodeJS.ErrnoException) => {
      // No hard links on this file system (FAT, some network shares): create it exclusively instead.
      if (e.code !== 'EPERM' && e.code !== 'ENOTSUP' && e.code !== 'ENOSYS') throw e;
      await fsp.writeFile(file, body, { flag: 'wx' });
    });
  } finally {
    await fsp.rm(temp, { force: true });
  }
}

/** A breaker holds its file for a few milliseconds; one left by a killed process is removed. */
async function clearStaleBreaker(breaker: string): Promise<void> {
  try {
    const { mtimeMs } = await fsp.stat(breaker);
    const who = JSON.parse(await fsp.readFile(breaker, 'utf8').catch(() => '{}')) as { pid?: number; host?: string };
    const dead = who.host === HOST && typeof who.pid === 'number' && !pidAlive(who.pid);
    if (dead || Date.now() - mtimeMs > 1000) await fsp.rm(breaker, { force: true });
  } catch {
    // Gone already.
  }
}

/** A file's stat, or null when it does not exist. */
export async function statOrNull(file: string): Promise<import('fs').Stats | null> {
  try {
    return await fsp.stat(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

async function readLock(file: string): Promise<LockInfo | null> {
  try {
    const v = JSON.parse(await fsp.readFile(file, 'utf8')) as Partial<LockInfo>;
    return typeof v.pid === 'number' && typeof v.host === 'string' && typeof v.token === 'string' ? (v as LockInfo) : null;
  } catch {
    return null;
  }
}

/** The file a symlink points to (so every link to one sidecar shares one lock); the path itself otherwise. */
export async function realTarget(file: string): Promise<string> {
  try {
    return await fsp.realpath(file);
  } catch {
    return file;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
