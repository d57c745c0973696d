/**
 * Our sidecar lock (src/core/annotations/lock.ts) against proper-lockfile@4.1.2:
 * (a) lock+unlock throughput, one process, sequential;
 * (b) time for a waiting process to get the lock after its holder is SIGKILLed.
 * proper-lockfile is not a dependency: `npm install --no-save proper-lockfile@4.1.2` (or set
 * PROPER_LOCKFILE_DIR to a folder whose node_modules has it), then `npx tsx scripts/bench-lock.ts`.
 */
import { spawn } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { withSidecarLock } from '../src/core/annotations/lock';

type Locker = { name: string; run(file: string, fn: () => Promise<void>): Promise<void> };

function properLockfile(): Locker | null {
  let pl: { lock(file: string, o: object): Promise<() => Promise<void>> };
  try {
    const from = process.env.PROPER_LOCKFILE_DIR ? [process.env.PROPER_LOCKFILE_DIR] : [process.cwd()];
    pl = require(require.resolve('proper-lockfile', { paths: from }));
  } catch {
    return null;
  }
  return {
    name: 'proper-lockfile@4.1.2 (stale 2000 ms, its minimum)',
    async run(file, fn) {
      const release = await pl.lock(file, { stale: 2000, update: 1000, realpath: false, retries: { retries: 1000, minTimeout: 5, maxTimeout: 50 } });
      try {
        await fn();
      } finally {
        await release();
      }
    },
  };
}

const ours: Locker = { name: 'ours (lock.ts)', run: (file, fn) => withSidecarLock(file, fn, { timeoutMs: 30_000 }) };

async function throughput(l: Locker, dir: string, n: number): Promise<number> {
  const file = path.join(dir, `t-${l.name.length}.json`);
  writeFileSync(file, '{}');
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await l.run(file, async () => undefined);
  return n / (Number(process.hrtime.bigint() - t0) / 1e9);
}

async function afterKill(kind: string, l: Locker, dir: string): Promise<number> {
  const file = path.join(dir, `k-${kind}.json`);
  writeFileSync(file, '{}');
  const child = spawn(process.execPath, [...process.execArgv, __filename, 'hold', kind, file], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((r) => child.stdout!.once('data', () => r()));
  child.kill('SIGKILL');
  await new Promise((r) => child.once('exit', r));
  const t0 = process.hrtime.bigint();
  await l.run(file, async () => undefined);
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

async function main(): Promise<void> {
  const [mode, kind, file] = process.argv.slice(2);
  const pl = properLockfile();
  if (mode === 'hold') {
    const l = kind === 'ours' ? ours : pl!;
    await l.run(file, async () => {
      process.stdout.write('held\n');
      await new Promise(() => undefined); // until killed
    });
    return;
  }
  if (!pl) console.log('proper-lockfile not found: npm install --no-save proper-lockfile@4.1.2 (or PROPER_LOCKFILE_DIR); measuring ours only');
  const dir = mkdtempSync(path.join(tmpdir(), 'aa-bench-lock-'));
  try {
    const lockers: [string, Locker][] = [['ours', ours], ...(pl ? [['pl', pl] as [string, Locker]] : [])];
    for (const [kind, l] of lockers) {
      const rates = [];
      for (let r = 0; r < 3; r++) rates.push(await throughput(l, dir, 1000));
      const kills = [];
      for (let r = 0; r < 3; r++) kills.push(await afterKill(kind, l, dir));
      console.log(`${l.name}: lock+unlock ${Math.round(Math.max(...rates))}/s (best of 3 × 1000); after SIGKILL of the holder: ${kills.map((k) => k.toFixed(0)).join(', ')} ms`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
