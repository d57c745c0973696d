/**
 * Several writers on one sidecar, as real processes: parallel CLI `tag`s lose
 * nothing; SIGKILLed writers leave the old or the new file, whole, and their
 * leftovers (temporary files, locks) are cleaned up by the next write.
 */
import { strict as assert } from 'assert';
import { spawn, type ChildProcess } from 'child_process';
import { buildSync } from 'esbuild';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'fs';
import { promises as fsp } from 'fs';
import * as path from 'path';
import { lockPathFor, parseSidecar, sidecarPathFor, withSidecarLock, SidecarLockTimeoutError } from '../../../src/core/annotations';
import { removeLeftoverTemps } from '../../../src/core/annotations/atomic';
import { tempDir } from './helpers';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist/cli.js');
const WORDS = 'Alpha Bravo Charlie Delta Echo Foxtrot Golf Hotel India Juliett Kilo Lima Mike November Oscar Papa Quebec Romeo Sierra Tango Uniform Victor Whiskey Xray Yankee Zulu Amber Basil Cedar Dune Ember Fjord';

function run(cmd: string, args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const p = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.on('close', (code) => resolve({ code, out, err }));
  });
}

/** Code point span of the i-th word (ASCII text: code points = UTF-16). */
function wordSpan(i: number): { start: number; end: number } {
  const words = WORDS.split(' ');
  const start = words.slice(0, i).join(' ').length + (i ? 1 : 0);
  return { start, end: start + words[i].length };
}

function spansIn(sidecar: string): Set<string> {
  const doc = parseSidecar(readFileSync(sidecar), sidecar);
  const out = new Set<string>();
  for (const a of doc.annotations) {
    for (const s of a.target.selector) if (s.type === 'TextPositionSelector') out.add(`${s.start}-${s.end}:${a.note ?? ''}`);
  }
  return out;
}

describe('concurrent writers (real processes)', function () {
  this.timeout(120_000);
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.cleanup());

  it('8 parallel CLI tag chains (32 tags) on one article: every change reported done is in the sidecar', async () => {
    assert.ok(existsSync(CLI), `${CLI} is missing: build first (node esbuild.js)`);
    const article = path.join(tmp.dir, 'a.txt');
    writeFileSync(article, WORDS + '\n');
    const done: string[] = [];
    const failed: string[] = [];
    await Promise.all(
      Array.from({ length: 8 }, async (_, p) => {
        for (let k = 0; k < 4; k++) {
          const i = p * 4 + k;
          const { start, end } = wordSpan(i);
          const note = `by ${p}.${k}`;
          const r = await run(process.execPath, [CLI, 'tag', article, '--start', `${start}`, '--end', `${end}`, '--type', 'organization', '--name', `Org ${i}`, '--note', note]);
          (r.code === 0 ? done : failed).push(`${start}-${end}:${note}${r.code === 0 ? '' : ' ' + r.err}`);
        }
      }),
    );
    assert.deepEqual(failed, []);
    const saved = spansIn(sidecarPathFor(article));
    assert.deepEqual(done.filter((d) => !saved.has(d)), [], 'changes reported done but missing');
    assert.equal(saved.size, 32);
    assert.equal(existsSync(lockPathFor(sidecarPathFor(article))), false, 'no lock left behind');
  });

  describe('crash safety', () => {
    let writer: string;
    before(() => {
      writer = path.join(tempDir().dir, 'writer.js');
      buildSync({ entryPoints: [path.join(__dirname, 'writer-child.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: writer, logLevel: 'error' });
    });

    it('SIGKILLed writers leave a whole old or new sidecar; the next write removes their temporary files and lock', async () => {
      const article = path.join(tmp.dir, 'a.txt');
      writeFileSync(article, (WORDS + '\n').repeat(40));
      const sidecar = sidecarPathFor(article);
      const started = Date.now();
      let kills = 0;
      let rounds = 0;
      // Two writers at once, killed at random moments while they save over and over.
      while (rounds < 12 && Date.now() - started < 3500) {
        rounds++;
        const kids = [0, 1].map((j) => spawn(process.execPath, [writer, article, 'loop', `${rounds * 2 + j}`], { stdio: ['ignore', 'pipe', 'pipe'] }));
        await Promise.all(kids.map(ready));
        await sleep(20 + Math.random() * 200);
        for (const k of kids) {
          await sleep(Math.random() * 30);
          k.kill('SIGKILL');
          kills++;
        }
        await Promise.all(kids.map(exited));
        if (existsSync(sidecar)) parseSidecar(readFileSync(sidecar), sidecar); // throws when torn or invalid
      }
      // The next write cleans up after them.
      const t0 = Date.now();
      const r = await run(process.execPath, [writer, article, 'once', '999']);
      assert.deepEqual(JSON.parse(r.out), { ok: true }, r.err);
      assert.ok(Date.now() - t0 < 5000, 'a dead holder does not block the next writer');
      parseSidecar(readFileSync(sidecar), sidecar);
      const left = readdirSync(tmp.dir).filter((n) => n !== 'a.txt' && n !== 'a.txt.annotations.json');
      assert.deepEqual(left, [], `leftovers after ${kills} kills in ${rounds} rounds`);
    });
  });

  describe('lock', () => {
    it('a live holder on this host is waited for, then a clear typed error', async () => {
      const sidecar = path.join(tmp.dir, 'a.txt.annotations.json');
      writeFileSync(lockPathFor(sidecar), JSON.stringify({ pid: process.ppid, host: require('os').hostname(), token: 'live' }));
      await assert.rejects(withSidecarLock(sidecar, async () => 1, { timeoutMs: 300 }), SidecarLockTimeoutError);
      assert.equal(JSON.parse(readFileSync(lockPathFor(sidecar), 'utf8')).token, 'live', 'never broken');
    });

    it('a dead holder is broken at once; an unknown one (other host) only when its mtime is old', async () => {
      const sidecar = path.join(tmp.dir, 'a.txt.annotations.json');
      const lock = lockPathFor(sidecar);
      const dead = await deadPid();
      writeFileSync(lock, JSON.stringify({ pid: dead, host: require('os').hostname(), token: 'dead' }));
      const t0 = Date.now();
      assert.equal(await withSidecarLock(sidecar, async () => 'ran', { timeoutMs: 2000 }), 'ran');
      assert.ok(Date.now() - t0 < 200, `took ${Date.now() - t0} ms`);
      assert.equal(existsSync(lock), false);
      writeFileSync(lock, JSON.stringify({ pid: 1, host: 'elsewhere', token: 'remote' }));
      await assert.rejects(withSidecarLock(sidecar, async () => 1, { timeoutMs: 200, staleMs: 5000 }), SidecarLockTimeoutError);
      const old = new Date(Date.now() - 10_000);
      await fsp.utimes(lock, old, old);
      assert.equal(await withSidecarLock(sidecar, async () => 'ran', { timeoutMs: 500, staleMs: 5000 }), 'ran');
    });

    it('many waiters breaking one stale lock at once: the critical sections never overlap', async () => {
      const sidecar = path.join(tmp.dir, 'a.txt.annotations.json');
      writeFileSync(lockPathFor(sidecar), JSON.stringify({ pid: await deadPid(), host: require('os').hostname(), token: 'dead' }));
      let inside = 0;
      let most = 0;
      await Promise.all(
        Array.from({ length: 10 }, () =>
          withSidecarLock(sidecar, async () => {
            most = Math.max(most, ++inside);
            await sleep(5);
            inside--;
          }),
        ),
      );
      assert.equal(most, 1);
      assert.deepEqual(readdirSync(tmp.dir), []);
    });

    it('a breaker killed after removing the stale lock leaves its file; the next holder removes it, a live one\'s stays', async () => {
      const sidecar = path.join(tmp.dir, 'a.txt.annotations.json');
      const breaker = lockPathFor(sidecar) + '.break';
      writeFileSync(breaker, JSON.stringify({ pid: await deadPid(), host: require('os').hostname() }));
      assert.equal(await withSidecarLock(sidecar, async () => 'ran', { timeoutMs: 500 }), 'ran');
      assert.deepEqual(readdirSync(tmp.dir), []);
      writeFileSync(breaker, JSON.stringify({ pid: process.ppid, host: require('os').hostname() }));
      assert.equal(await withSidecarLock(sidecar, async () => 'ran', { timeoutMs: 500 }), 'ran');
      assert.deepEqual(readdirSync(tmp.dir), [path.basename(breaker)]);
    });

    it('leftover temporary files: a dead pid\'s are removed, a live writer\'s kept', async () => {
      const sidecar = path.join(tmp.dir, 'a.txt.annotations.json');
      const dead = path.join(tmp.dir, `.a.txt.annotations.json.${await deadPid()}.abcd1234.tmp`);
      const live = path.join(tmp.dir, `.a.txt.annotations.json.${process.ppid}.abcd1234.tmp`);
      writeFileSync(dead, '{');
      writeFileSync(live, '{');
      assert.deepEqual(await removeLeftoverTemps(sidecar), [dead]);
      assert.ok(existsSync(live));
    });
  });
});

function ready(p: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let err = '';
    p.stderr!.on('data', (d) => (err += d));
    p.stdout!.once('data', () => resolve());
    p.once('exit', (code) => reject(new Error(`writer exited ${code}: ${err}`)));
  });
}

function exited(p: ChildProcess): Promise<void> {
  return p.exitCode !== null || p.signalCode !== null ? Promise.resolve() : new Promise((r) => p.once('exit', () => r()));
}

/** The pid of a process that has just exited (so nothing runs under it). */
async function deadPid(): Promise<number> {
  const p = spawn(process.execPath, ['-e', '0']);
  await exited(p);
  return p.pid!;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
