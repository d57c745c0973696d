import { strict as assert } from 'assert';
import { spawn } from 'child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';

// These run the bundled CLI (its worker pool exists only in dist/): built by `node esbuild.js`.
const root = path.resolve(__dirname, '../..');
const cli = path.join(root, 'dist/cli.js');
const articles = path.join(root, 'test/fixtures/articles');

function runCli(args: string[], input?: string): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [cli, ...args], { cwd: root });
    let out = '';
    let err = '';
    // Decoded as a stream: a chunk may end inside a multi-byte character.
    p.stdout.setEncoding('utf8');
    p.stderr.setEncoding('utf8');
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.on('error', reject);
    p.on('close', (code) => resolve({ code: code ?? -1, out, err }));
    if (input !== undefined) p.stdin.end(input);
  });
}

describe('cli: scan through the worker pool', function () {
  this.timeout(60000);
  let dir: string;
  before(function () {
    if (!existsSync(cli) || !existsSync(path.join(root, 'dist/scan-worker.js'))) {
      console.log('    (skipped: dist/cli.js or dist/scan-worker.js not built; run node esbuild.js)');
      this.skip();
    }
  });
  beforeEach(() => {
    // The sample articles without their sidecars, several times over, so the pool has work in flight.
    dir = mkdtempSync(path.join(os.tmpdir(), 'annotator-pool-'));
    const names = readdirSync(articles).filter((n) => /\.(txt|md)$/.test(n));
    for (let i = 0; i < 4; i++) for (const n of names) writeFileSync(path.join(dir, `${i}-${n}`), readFileSync(path.join(articles, n)));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('--jsonl gives one line per file, in input order, with the same content as --json', async () => {
    const json = await runCli(['scan', '--json', dir]);
    const jsonl = await runCli(['scan', '--jsonl', dir]);
    assert.equal(json.code, 0, json.err);
    assert.equal(jsonl.code, 0, jsonl.err);
    const files = JSON.parse(json.out).files;
    const lines = jsonl.out.trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(lines.length, readdirSync(dir).length);
    assert.deepEqual(lines, files);
    const paths = lines.map((l: { path: string }) => l.path);
    assert.deepEqual(paths, [...paths].sort());
    assert.ok(lines.every((l: { mentions: unknown[] }) => l.mentions.length > 0));
  });

  it('--stdin-jsonl over chunks in parallel processes: the union equals a single scan', async () => {
    const single = (await runCli(['scan', '--jsonl', dir])).out.trim().split('\n').map((l) => JSON.parse(l));
    // The text as scan decodes a file (BOM dropped), so offsets and document ids agree.
    const docs = single.map((f: { path: string }) => JSON.stringify({ id: f.path, text: readFileSync(f.path, 'utf8').replace(/^\ufeff/, '') }));
    const chunks = [0, 1, 2].map((k) => docs.filter((_: string, i: number) => i % 3 === k));
    const results = await Promise.all(chunks.map((c) => runCli(['scan', '--stdin-jsonl'], c.join('\n') + '\n')));
    const union = new Map<string, unknown>();
    for (const [k, r] of results.entries()) {
      assert.equal(r.code, 0, r.err);
      const lines = r.out.trim().split('\n').map((l) => JSON.parse(l));
      // In the order of the chunk's input lines.
      assert.deepEqual(lines.map((l) => l.id), chunks[k].map((d) => JSON.parse(d).id));
      for (const l of lines) union.set(l.id, l.mentions);
    }
    assert.equal(union.size, single.length);
    for (const f of single) assert.deepEqual(union.get(f.path), f.mentions, f.path);
  });

  it('--stdin-jsonl: a bad line is reported by number, the others go on, the exit code is non-zero', async () => {
    const input = ['{"id": 1, "text": "日米韓"}', 'not json', '{"id": "x"}', '{"id": 4, "text": "NATO and Japan"}'].join('\n');
    const r = await runCli(['scan', '--stdin-jsonl'], input);
    assert.notEqual(r.code, 0);
    assert.match(r.err, /line 2\b/);
    assert.match(r.err, /line 3\b/);
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(lines.map((l) => l.id), [1, 4]);
    assert.deepEqual(lines[0].mentions.map((m: { entity: string }) => m.entity), ['japan', 'united-states', 'south-korea']);
    assert.deepEqual(lines[1].mentions.map((m: { text: string }) => m.text), ['NATO', 'Japan']);
  });
});
