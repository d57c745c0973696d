/**
 * npm run bench: speed and memory figures, measured in one run.
 *  - recognize() throughput (MB/s) over a ≥10 MB corpus built from the project's own
 *    sample articles, against modern-ahocorasick matching the same KB's surface forms
 *    over the same text (raw, no normalization, no rules): the named peer. Each runs in
 *    its own process, twice in alternation; the best run of each is compared.
 *  - knowledge base load and compile time (on the extension's activation path).
 *  - per-edit cost on a 1 MB article (full re-recognition, as the editor does after a debounced edit).
 *  - memory: heap after the KB is compiled, and peak RSS.
 *  - corpus scans as whole processes (scripts/benchScan.ts): scan --jsonl vs @monyone/aho-corasick,
 *    modern-ahocorasick and the floor on 10 MB and 100 MB; confirm --all of a 4 MB article; a 50 MB scan.
 * Targets (issue): ours ≥ 5× the peer's throughput; KB load + compile ≤ 100 ms.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as os from 'os';
import { performance } from 'perf_hooks';
import { ArticleAnnotations } from '../src/core/annotations';
import AhoCorasick from 'modern-ahocorasick';
import { KnowledgeBase, surfaceForms } from '../src/core/kb';
import { compile, recognize } from '../src/core/recognize';
import { expandArticlePaths, readArticle } from '../src/core/text/article';
import { corpusBench, rawScanChild } from './benchScan';

const root = path.resolve(__dirname, '..');
const MB = 1024 * 1024;
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

if (process.argv.includes('--throughput')) {
  // Child mode: one matcher over the whole corpus, after 1.5 s of warm-up.
  const which = process.argv[process.argv.indexOf('--throughput') + 1];
  const kb = KnowledgeBase.builtin();
  compile(kb);
  const docs = corpus(10 * MB);
  let build = 0;
  let run: (d: string) => number;
  if (which === 'peer') {
    const forms = [...new Set(kb.all().flatMap((e) => { const f = surfaceForms(e); return [...f.free, ...f.contextual]; }))];
    const t0 = performance.now();
    const ac = new AhoCorasick(forms);
    build = performance.now() - t0;
    run = (d) => ac.search(d).length;
  } else run = (d) => recognize(d, kb).length;
  const w0 = performance.now();
  for (let i = 0; performance.now() - w0 < 1500; i++) run(docs[i % docs.length]);
  const r = time(() => docs.reduce((n, d) => n + run(d), 0));
  process.stdout.write(JSON.stringify({ ms: r.ms, value: r.value, build }));
  process.exit(0);
}

if (process.argv.includes('--editor')) {
  // Only the editor lines (keystroke, workspace index, Corpus Map data): quicker to iterate on.
  const kb = KnowledgeBase.builtin();
  compile(kb);
  const docs = corpus(10 * MB);
  const big = bigArticle(docs);
  void import('./bench-editor').then((m) => m.benchEditor(kb, big, [...new Set(docs)], (k, v) => console.log(`${k.padEnd(44)} ${v}`)));
} else if (process.argv.includes('--raw-scan')) {
  // Child mode: a raw matcher or the floor over a corpus folder, as a whole process.
  const i = process.argv.indexOf('--raw-scan');
  rawScanChild(process.argv[i + 1], process.argv[i + 2]);
  process.exit(0);
}

if (process.argv.includes('--kb-load')) {
  // Child mode: a fresh process, so nothing is cached.
  const t0 = performance.now();
  const kb = KnowledgeBase.builtin();
  const t1 = performance.now();
  compile(kb);
  const t2 = performance.now();
  process.stdout.write(JSON.stringify({ load: t1 - t0, compile: t2 - t1, entities: kb.size, sinceStart: t2 }));
  process.exit(0);
}

function corpus(targetBytes: number): string[] {
  const dir = path.join(root, 'test/fixtures/articles');
  const files = fs.existsSync(dir) ? expandArticlePaths([dir]) : [];
  if (!files.length) throw new Error(`bench: no sample articles in ${dir}`);
  const texts = files.map((f) => readArticle(f).text);
  const docs: string[] = [];
  let total = 0;
  for (let i = 0; total < targetBytes; i++) {
    const t = texts[i % texts.length];
    docs.push(t);
    total += bytes(t);
  }
  return docs;
}

/** The editor case: one 1 MB article made of the corpus's articles. */
function bigArticle(docs: readonly string[]): string {
  let big = '';
  for (let i = 0; bytes(big) < MB; i++) big += docs[i % docs.length] + '\n';
  return big;
}

function time<T>(fn: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = fn();
  return { ms: performance.now() - t0, value };
}

async function main(): Promise<void> {
  const kbRuns = [0, 1, 2].map(() => JSON.parse(execFileSync(process.execPath, [__filename, '--kb-load'], { encoding: 'utf8' })));
  const kbBest = kbRuns.reduce((a, b) => (a.load + a.compile <= b.load + b.compile ? a : b));

  const kb = KnowledgeBase.builtin();
  compile(kb);
  (global as { gc?: () => void }).gc?.();
  const heapAfterKb = process.memoryUsage().heapUsed;

  const docs = corpus(10 * MB);
  const totalBytes = docs.reduce((n, d) => n + bytes(d), 0);

  // Each matcher runs in a fresh process of its own (so neither's garbage or compiled code
  // disturbs the other), article by article over the same documents (the peer slows down
  // sharply on one concatenated 10 MB string, which would flatter us), after the same warm-up.
  const forms = [...new Set(kb.all().flatMap((e) => { const f = surfaceForms(e); return [...f.free, ...f.contextual]; }))];
  const child = (name: string) => JSON.parse(execFileSync(process.execPath, [__filename, '--throughput', name], { encoding: 'utf8', maxBuffer: 1 << 26 })) as { ms: number; value: number; build: number };
  // Two rounds in alternation, best of each: the machine's load moves, and both get the same chance.
  const runs = { ours: [] as Array<ReturnType<typeof child>>, peer: [] as Array<ReturnType<typeof child>> };
  for (let round = 0; round < 2; round++) for (const name of ['ours', 'peer'] as const) runs[name].push(child(name));
  const best = (rs: Array<ReturnType<typeof child>>) => rs.reduce((a, b) => (a.ms <= b.ms ? a : b));
  const ours = best(runs.ours);
  const peer = best(runs.peer);
  const build = { ms: peer.build };

  const plain = time(() => { let h = 0; for (const d of docs) for (let i = 0; i < d.length; i++) h = (h + d.charCodeAt(i)) | 0; return h; });

  // Editor case: one 1 MB article re-recognized after an edit.
  const big = bigArticle(docs);
  const bigMentions = recognize(big, kb);
  const edits = [0, 1, 2, 3, 4].map(() => time(() => recognize(big, kb)).ms).sort((a, b) => a - b);
  // The editor's synchronous part of an edit: shifting every annotation of that article in the store.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'annotator-bench-'));
  const store = await ArticleAnnotations.load(path.join(dir, 'big.txt'), big, { kb });
  store.confirmAll(bigMentions);
  const shifts = [0, 1, 2, 3, 4].map((i) => time(() => store.applyEdit(i, 0, 'x')).ms).sort((a, b) => a - b);
  fs.rmSync(dir, { recursive: true, force: true });

  const mbps = (ms: number) => totalBytes / MB / (ms / 1000);
  const f = (x: number, d = 1) => x.toFixed(d);
  const line = (k: string, v: string) => console.log(`${k.padEnd(44)} ${v}`);
  console.log(`corpus: ${docs.length} articles (the ${new Set(docs).size} sample articles of test/fixtures/articles, repeated), ${f(totalBytes / MB, 2)} MB; KB: ${kb.size} entities, ${forms.length} surface forms`);
  line('recognize() (ours, normalized, all rules)', `${f(ours.ms, 0)} ms  ${f(mbps(ours.ms), 2)} MB/s  (${ours.value} mentions; runs ${runs.ours.map((r) => f(r.ms, 0)).join(', ')} ms)`);
  line('modern-ahocorasick search (peer, raw forms)', `${f(peer.ms, 0)} ms  ${f(mbps(peer.ms), 2)} MB/s  (${peer.value} matches; runs ${runs.peer.map((r) => f(r.ms, 0)).join(', ')} ms; build ${f(build.ms, 0)} ms)`);
  line('one plain pass over the text (floor)', `${f(plain.ms, 0)} ms`);
  line('throughput ratio ours / peer', `${f(peer.ms / ours.ms, 2)}x  (target ≥ 5x: ${peer.ms / ours.ms >= 5 ? 'met' : 'NOT met'})`);
  line('KB load + compile (fresh process, best of 3)', `${f(kbBest.load + kbBest.compile, 1)} ms  (load ${f(kbBest.load, 1)}, compile ${f(kbBest.compile, 1)}; target ≤ 100 ms: ${kbBest.load + kbBest.compile <= 100 ? 'met' : 'NOT met'})`);
  line('process start to compiled KB (fresh process)', `${f(kbBest.sinceStart, 1)} ms`);
  line('per-edit re-recognition of a 1 MB article', `median ${f(edits[2], 1)} ms, max ${f(edits[4], 1)} ms (in a worker thread in the editor)`);
  line(`per-edit shift of ${bigMentions.length} annotations (1 MB)`, `median ${f(shifts[2], 2)} ms, max ${f(shifts[4], 2)} ms (on the extension host)`);
  await (await import('./bench-editor')).benchEditor(kb, big, [...new Set(docs)], line);
  line('heap after KB compile', `${f(heapAfterKb / MB, 1)} MB`);
  line('peak RSS of this run', `${f(process.resourceUsage().maxRSS / 1024, 1)} MB`);
  // Whole processes over generated corpora: the CLI's scan against the raw matchers and the floor.
  corpusBench(__filename, path.join(path.dirname(__filename), 'cli.js'), line);
}

if (!process.argv.includes('--editor')) void main();
