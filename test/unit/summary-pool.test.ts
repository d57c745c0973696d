import { strict as assert } from 'assert';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
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
});
