/**
 * `npm start -- DIR` serves DIR, and a signal to the npm wrapper ends code-server and everything it
 * started. Slow (builds and starts a real code-server): run with
 * `npx mocha --no-config --node-option import=tsx --extension ts test/scripts/start-stop.test.ts`.
 */
import assert from 'node:assert';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const P = require(path.join(ROOT, 'scripts/vscode/paths.js'));

/** Processes whose command line mentions `needle` (from /proc, so no ps dependency). */
function processesWith(needle: string): string[] {
  const found: string[] = [];
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (cmd.includes(needle) && Number(pid) !== process.pid) found.push(`${pid}: ${cmd}`);
    } catch {}
  }
  return found;
}

function groupOf(pid: number): number {
  // Field 5 of /proc/PID/stat, after the parenthesized command name.
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
}

function inGroup(group: number): string[] {
  return fs
    .readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((pid) => {
      try {
        return groupOf(Number(pid)) === group;
      } catch {
        return false;
      }
    });
}

describe('npm start', function () {
  this.timeout(240_000);
  before(function () {
    if (!fs.existsSync(P.CODE_SERVER_ENTRY)) {
      console.log('    (skipped: code-server is not installed in .cache; run npm start once)');
      this.skip();
    }
  });

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`opens the given folder and leaves no code-server behind after ${signal} to npm`, async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aa-start-dir-'));
      fs.writeFileSync(path.join(dir, 'note.txt'), '日米首脳会談\n');
      const port = String(20000 + Math.floor(Math.random() * 20000));
      // Run from the folder's parent with a relative DIR: it resolves against the caller's directory.
      const npm = spawn('npm', ['--prefix', ROOT, 'start', '--', path.basename(dir), '--port', port], {
        cwd: path.dirname(dir),
        // Its own process group, as in a terminal: Ctrl-C sends SIGINT to the whole foreground group.
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      npm.stdout.on('data', (d) => (out += d));
      npm.stderr.on('data', (d) => (out += d));
      const exited = new Promise<void>((r) => npm.on('exit', () => r()));
      const deadline = Date.now() + 180_000;
      while (!out.includes('Ctrl-C to stop') && Date.now() < deadline && npm.exitCode === null) await new Promise((r) => setTimeout(r, 300));
      assert.ok(out.includes(`start: opening ${dir}`), out);
      assert.ok(out.includes(encodeURIComponent(dir)) || out.includes(dir), out);
      const server = processesWith(`127.0.0.1:${port}`);
      assert.ok(server.length > 0, `no code-server on ${port}`);
      const group = groupOf(Number(server[0].split(':')[0]));
      assert.ok(inGroup(group).length >= 2, 'code-server and its children share a process group');
      if (signal === 'SIGINT') process.kill(-npm.pid!, 'SIGINT');
      else npm.kill('SIGTERM'); // to the npm process alone, as `kill PID` does
      await exited;
      // The wrapper may be gone before start.js has noticed; give the group a moment to end.
      let left = inGroup(group);
      for (let i = 0; i < 40 && left.length; i++) {
        await new Promise((r) => setTimeout(r, 500));
        left = inGroup(group);
      }
      assert.deepStrictEqual(left, [], 'processes left running');
      assert.ok(fs.existsSync(path.join(dir, 'note.txt')), 'the folder itself is kept');
      fs.rmSync(dir, { recursive: true, force: true });
    });
  }
});
