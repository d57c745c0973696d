/**
 * Whole-process corpus figures for npm run bench: `node dist/cli.js scan --jsonl DIR` against
 * @monyone/aho-corasick (greedy, leftmost-longest) and modern-ahocorasick matching the KB's surface
 * forms raw over the same files, and the floor (read every file + one pass over the text). Time and
 * peak RSS come from /usr/bin/time (for worker threads the RSS is the whole process's).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AhoCorasick as Greedy } from '@monyone/aho-corasick/greedy';
import ModernAhoCorasick from 'modern-ahocorasick';
import { KnowledgeBase, surfaceForms } from '../src/core/kb';
import { expandArticlePaths } from '../src/core/text/article';

const MB = 1024 * 1024;

/** Child mode `--raw-scan NAME DIR`: one matcher (or the floor) over every file of DIR. */
export function rawScanChild(which: string, dir: string): void {
  const files = expandArticlePaths([dir]);
  let n = 0;
  if (which === 'floor') {
    for (const f of files) {
      const t = fs.readFileSync(f, 'utf8');
      for (let i = 0; i < t.length; i++) n = (n + t.charCodeAt(i)) | 0;
    }
  } else {
    const kb = KnowledgeBase.builtin();
    const forms = [...new Set(kb.all().flatMap((e) => { const s = surfaceForms(e); return [...s.free, ...s.contextual]; }))];
    const search = which === 'monyone' ? ((ac) => (t: string) => ac.matchInText(t).length)(new Greedy(forms)) : ((ac) => (t: string) => ac.search(t).length)(new ModernAhoCorasick(forms));
    for (const f of files) n += search(fs.readFileSync(f, 'utf8'));
  }
  process.stdout.write(String(n));
}

/** ~385 articles per 10 MB: each a different run of the sample articles, numbered. */
export function generateCorpus(dir: string, bytes: number): number {
  const src = expandArticlePaths([path.resolve(__dirname, '../test/fixtures/articles')]).map((f) => fs.readFileSync(f, 'utf8'));
  fs.mkdirSync(dir, { recursive: true });
  let total = 0;
  let i = 0;
  for (; total < bytes; i++) {
    const parts = [`# ${i}`];
    for (let k = 0; k < 7; k++) parts.push(src[(i * 5 + k * 3) % src.length]);
    const text = parts.join('\n\n');
    const sub = path.join(dir, String(i % 50));
    fs.mkdirSync(sub, { recursive: true });
    fs.writeFileSync(path.join(sub, `a${i}.txt`), text);
    total += Buffer.byteLength(text);
  }
  return i;
}

/** One big article of about `bytes` from the sample articles. */
export function generateArticle(file: string, bytes: number): void {
  const src = expandArticlePaths([path.resolve(__dirname, '../test/fixtures/articles')]).map((f) => fs.readFileSync(f, 'utf8'));
  const fd = fs.openSync(file, 'w');
  for (let total = 0, i = 0; total < bytes; i++) total += fs.writeSync(fd, src[i % src.length] + '\n\n');
  fs.closeSync(fd);
}

function timed(args: string[]): { s: number; rssMB: number; ok: boolean } {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', ...args], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  const last = r.stderr.trim().split('\n').pop() ?? '';
  const [s, kb] = last.split(' ').map(Number);
  return { s, rssMB: kb / 1024, ok: r.status === 0 };
}

export function corpusBench(benchJs: string, cli: string, line: (k: string, v: string) => void): void {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'annotator-scan-'));
  const f = (x: number, d = 2) => x.toFixed(d);
  try {
    for (const size of [10, 100]) {
      const dir = path.join(tmp, `c${size}`);
      const n = generateCorpus(dir, size * MB);
      const ours = timed([process.execPath, cli, 'scan', '--jsonl', dir]);
      const mony = timed([process.execPath, benchJs, '--raw-scan', 'monyone', dir]);
      const floor = timed([process.execPath, benchJs, '--raw-scan', 'floor', dir]);
      // modern-ahocorasick takes ~30 s per 10 MB: measured on the 10 MB corpus only.
      const modern = size === 10 ? timed([process.execPath, benchJs, '--raw-scan', 'modern', dir]) : null;
      const row = (name: string, r: { s: number; rssMB: number; ok: boolean }) =>
        line(`${size} MB corpus (${n} files): ${name}`, `${f(r.s)} s  ${f(r.s / mony.s)}x @monyone  ${f(r.s / floor.s, 1)}x floor  peak RSS ${f(r.rssMB, 0)} MB${r.ok ? '' : '  (FAILED)'}`);
      row('scan --jsonl (ours)', ours);
      row('@monyone/aho-corasick greedy', mony);
      if (modern) row('modern-ahocorasick', modern);
      row('floor (read + one pass)', floor);
      line(`${size} MB targets`, `≤ 1.0x @monyone: ${ours.s <= mony.s ? 'met' : 'NOT met'}; ≤ 5x floor: ${ours.s <= 5 * floor.s ? 'met' : 'NOT met'}; RSS ≤ 250 MB: ${ours.rssMB <= 250 ? 'met' : 'NOT met'}`);
      fs.rmSync(dir, { recursive: true, force: true });
    }
    // One large article: confirm --all against its scan; then a 50 MB one scanned.
    const four = path.join(tmp, 'big4.txt');
    generateArticle(four, 4 * MB);
    const scan4 = timed([process.execPath, cli, 'scan', '--jsonl', four]);
    const confirm4 = timed([process.execPath, cli, 'confirm', four, '--all']);
    line('4 MB article: confirm --all vs scan', `${f(confirm4.s)} s vs ${f(scan4.s)} s: ${f(confirm4.s / scan4.s)}x (target ≤ 2x: ${confirm4.s <= 2 * scan4.s ? 'met' : 'NOT met'})${confirm4.ok ? '' : ' (FAILED)'}`);
    const fifty = path.join(tmp, 'big50.txt');
    generateArticle(fifty, 50 * MB);
    const scan50 = timed([process.execPath, cli, 'scan', '--max-size', '64MB', '--jsonl', fifty]);
    line('50 MB article: scan --jsonl', `${f(scan50.s)} s  peak RSS ${f(scan50.rssMB, 0)} MB (target ≤ 1024 MB: ${scan50.rssMB <= 1024 ? 'met' : 'NOT met'})${scan50.ok ? '' : ' (FAILED)'}`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
