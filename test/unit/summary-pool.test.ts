import { strict as assert } from 'assert';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { execFileSync } from 'child_process';
import * as os from 'os';
import * as path from 'path';
import { KnowledgeBase, parseWorkspaceKb } from '../../src/core/kb';
import { recognize } from '../../src/core/recognize';
import { DEFAULT_MAX_ARTICLE_SIZE } from '../../src/core/text/article';
import { summarizeArticle } from '../../src/core/workspace/summary';
import { SummaryPool } from '../../src/extension/summaries/pool';

// The workspace index's summary workers (dist/summary-worker.js, built by `node esbuild.js`) must give
// exactly the summaries the index would make in its own thread.
const root = path.resolve(__dirname, '../..');
const worker = path.join(root, 'dist/summary-worker.js');
const articles = path.join(root, 'test/fixtures/articles');

describe('workspace index: summary workers', function () {
  this.timeout(120000);
  let dir: string;
  let files: string[];
  before(function () {
    if (!existsSync(worker)) {
      console.log('    (skipped: dist/summary-worker.js not built; run node esbuild.js)');
      this.skip();
    }
    dir = mkdtempSync(path.join(os.tmpdir(), 'annotator-summaries-'));
    files = [];
    for (const n of readdirSync(articles).filter((x) => /\.(txt|md)$/.test(x))) {
      for (let i = 0; i < 3; i++) {
        const f = path.join(dir, `${i}-${n}`);
        writeFileSync(f, readFileSync(path.join(articles, n)));
        files.push(f);
      }
    }
    writeFileSync(path.join(dir, 'broken.txt'), Buffer.from([0x41, 0x00, 0x42]));
    files.push(path.join(dir, 'broken.txt'));
  });
  after(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('equal the in-thread summaries, every article, problems included', async () => {
    const pool = new SummaryPool(worker, 2);
    try {
      const kb = KnowledgeBase.builtin();
      const viaPool = await Promise.all(files.map((f) => pool.summarize(f, f, DEFAULT_MAX_ARTICLE_SIZE)));
      const here = await Promise.all(files.map((f) => summarizeArticle(f, f, (t) => recognize(t, kb), DEFAULT_MAX_ARTICLE_SIZE)));
      assert.deepEqual(viaPool, here);
      assert.ok(viaPool.filter((s) => !s.problem).every((s) => s.mentions.length > 0));
      assert.match(viaPool[viaPool.length - 1].problem ?? '', /binary/);
    } finally {
      pool.dispose();
    }
  });

  it('use the workspace knowledge it is given', async () => {
    const pool = new SummaryPool(worker, 1);
    try {
      const f = path.join(dir, 'custom.txt');
      writeFileSync(f, 'The Zorblax Accord members met in Geneva.');
      const before = await pool.summarize(f, f, DEFAULT_MAX_ARTICLE_SIZE);
      assert.ok(!before.mentions.some((m) => m.entity === 'zorblax'));
      pool.setKnowledge(parseWorkspaceKb('ws.json', JSON.stringify({ version: 1, entities: [{ id: 'zorblax', kind: 'actor', type: 'organization', names: { en: ['Zorblax Accord'] } }] })), 'ws.json');
      const after = await pool.summarize(f, f, DEFAULT_MAX_ARTICLE_SIZE);
      assert.ok(after.mentions.some((m) => m.entity === 'zorblax' && m.text === 'Zorblax Accord'), JSON.stringify(after.mentions));
    } finally {
      pool.dispose();
    }
  });
  it('give every article of a long queue its own summary, once', async () => {
    // Many more articles than the workers hold at a time: they go several per message.
    const many = path.join(dir, 'many');
    mkdirSync(many);
    const names = readdirSync(articles).filter((x) => /\.(txt|md)$/.test(x));
    const paths = Array.from({ length: 150 }, (_, i) => {
      const f = path.join(many, `${i}.txt`);
      writeFileSync(f, `${readFileSync(path.join(articles, names[i % names.length]), 'utf8')}\n(${i})\n`);
      return f;
    });
    const pool = new SummaryPool(worker, 2);
    try {
      const kb = KnowledgeBase.builtin();
      const settled: string[] = [];
      const viaPool = await Promise.all(paths.map((f, i) => pool.summarize(f, `key-${i}`, DEFAULT_MAX_ARTICLE_SIZE).then((s) => (settled.push(s.file), s))));
      assert.equal(settled.length, paths.length);
      assert.deepEqual([...settled].sort(), paths.map((_, i) => `key-${i}`).sort());
      for (let i = 0; i < paths.length; i += 7) {
        assert.deepEqual(viaPool[i], await summarizeArticle(paths[i], `key-${i}`, (t) => recognize(t, kb), DEFAULT_MAX_ARTICLE_SIZE));
      }
    } finally {
      pool.dispose();
    }
  });

  it('keep a problem with its own article; a FIFO article or sidecar does not hang a worker', async function () {
    const odd = path.join(dir, 'odd');
    mkdirSync(odd);
    const good = path.join(odd, 'good.txt');
    writeFileSync(good, readFileSync(path.join(articles, 'en-nato-hague-summit.txt')));
    const fifo = path.join(odd, 'fifo.txt');
    const withFifoSidecar = path.join(odd, 'side.txt');
    writeFileSync(withFifoSidecar, readFileSync(path.join(articles, 'ko-us-rok-ncg-meeting.txt')));
    try {
      execFileSync('mkfifo', [fifo, `${withFifoSidecar}.annotations.json`]);
    } catch {
      console.log('    (skipped: mkfifo not available)');
      this.skip();
    }
    const binary = path.join(odd, 'binary.txt');
    writeFileSync(binary, Buffer.from([0x41, 0x00, 0x42]));
    const missing = path.join(odd, 'missing.txt');
    const order = [good, fifo, binary, withFifoSidecar, missing, good];
    const pool = new SummaryPool(worker, 1);
    try {
      const out = await Promise.all(order.map((f) => pool.summarize(f, f, DEFAULT_MAX_ARTICLE_SIZE)));
      assert.deepEqual(out.map((s) => s.file), order);
      assert.equal(out[0].problem, undefined);
      assert.ok(out[0].mentions.length > 0);
      assert.deepEqual(out[5], out[0]);
      assert.match(out[1].problem ?? '', /FIFO/);
      assert.match(out[2].problem ?? '', /binary/);
      assert.match(out[3].problem ?? '', /annotations\.json.*\n?.*FIFO/);
      assert.ok(out[3].mentions.length > 0, 'the article itself is still summarized');
      assert.ok(out[4].problem, 'a missing file has a problem');
      for (const s of [out[1], out[2], out[4]]) assert.equal(s.mentions.length, 0);
    } finally {
      pool.dispose();
    }
  });

  it('fail only what a stopped worker held; a new one takes the rest of the queue', async () => {
    const pool = new SummaryPool(worker, 1);
    try {
      const all = files.filter((f) => !f.endsWith('broken.txt'));
      const results = all.map((f) => pool.summarize(f, f, DEFAULT_MAX_ARTICLE_SIZE).then((s) => s, (e: Error) => e));
      await new Promise((r) => setImmediate(r));
      // The pool's one worker, stopped while it holds the first requests and the rest wait in the queue.
      const { workers } = pool as unknown as { workers: Array<{ worker: { terminate(): Promise<number> } }> };
      assert.equal(workers.length, 1);
      await workers[0].worker.terminate();
      const out = await Promise.all(results);
      const failed = out.filter((x) => x instanceof Error);
      assert.ok(failed.length > 0 && failed.length < all.length, `${failed.length} of ${all.length} failed`);
      for (const e of failed) assert.match((e as Error).message, /exited/);
      const done = out.filter((x): x is Awaited<ReturnType<SummaryPool['summarize']>> => !(x instanceof Error));
      assert.ok(done.every((s) => s.mentions.length > 0 && !s.problem));
      assert.deepEqual(done.map((s) => s.file), all.filter((_, i) => !(out[i] instanceof Error)));
    } finally {
      pool.dispose();
    }
  });
});
