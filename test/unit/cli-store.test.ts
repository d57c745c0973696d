import { strict as assert } from 'assert';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'fs';
import * as path from 'path';
import type { CliIO, Command } from '../../src/cli/command';
import { UsageError } from '../../src/cli/command';
import { commands } from '../../src/cli/commands';
import { parseSidecar, sidecarPathFor } from '../../src/core/annotations';
import { KnowledgeBase } from '../../src/core/kb';
import { recognize } from '../../src/core/recognize';
import { ARTICLE, ARTICLE_FILE, cp, tempDir, writeArticle } from './annotations/helpers';

const command = (name: string): Command => commands.find((c) => c.name === name)!;

async function run(name: string, ...args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (l) => out.push(l), err: (l) => err.push(l) };
  const code = await command(name).run(args, io);
  return { code, out, err };
}

describe('cli: confirm, tag, validate, export', () => {
  let tmp: ReturnType<typeof tempDir>;
  let article: string;
  const sidecar = () => sidecarPathFor(article);
  const doc = () => parseSidecar(readFileSync(sidecar()), sidecar());
  const recognized = () => recognize(ARTICLE, KnowledgeBase.builtin());
  beforeEach(() => {
    tmp = tempDir();
    article = writeArticle(tmp.dir);
  });
  afterEach(() => tmp.cleanup());

  it('are registered', () => {
    for (const n of ['confirm', 'tag', 'validate', 'export']) assert.ok(command(n), n);
  });

  describe('confirm', () => {
    it('without a flag lists the undecided recognitions and writes nothing', async () => {
      const r = await run('confirm', article);
      assert.equal(r.code, 0);
      assert.equal(r.out.length, recognized().length + 1);
      assert.equal(existsSync(sidecar()), false);
    });

    it('--entity confirms that entity only; --all the rest; then nothing is left', async () => {
      const rec = recognized();
      const russia = rec.filter((m) => m.entity === 'russia');
      assert.ok(russia.length > 0, 'the recognizer finds Russia in the sample');
      assert.equal((await run('confirm', article, '--entity', 'russia')).code, 0);
      assert.deepEqual(doc().annotations.map((a) => a.entity), russia.map(() => 'russia'));
      assert.equal(doc().entities.find((e) => e.id === 'russia')!.qid, 'Q159');
      const r = await run('confirm', article, '--all');
      assert.equal(r.code, 0);
      assert.match(r.out[0], new RegExp(`^confirmed ${rec.length - russia.length} mentions`));
      const spans = doc().annotations.map((a) => a.target.selector.map((s) => (s.type === 'TextPositionSelector' ? `${s.start}-${s.end}` : '')).join(''));
      assert.deepEqual(spans.sort(), rec.map((m) => `${m.start}-${m.end}`).sort());
      assert.match((await run('confirm', article)).out.at(-1)!, /^0 recognized mentions/);
    });

    it('rejects wrong flags as usage errors', async () => {
      await assert.rejects(run('confirm', article, '--all', '--entity', 'x'), UsageError);
      await assert.rejects(run('confirm', article, '--bogus'), UsageError);
      await assert.rejects(run('confirm'), UsageError);
    });
  });

  describe('tag', () => {
    it('--name defines an entity with a slug id; --entity links a known one (code point offsets)', async () => {
      const tokyo = cp(ARTICLE, 'Tokyo');
      let r = await run('tag', article, '--start', `${tokyo.start}`, '--end', `${tokyo.end}`, '--type', 'organization', '--name', 'Tokyo Metropolitan Government');
      assert.equal(r.code, 0, r.err.join('\n'));
      const ru = cp(ARTICLE, 'ロシア');
      r = await run('tag', article, '--start', `${ru.start}`, '--end', `${ru.end}`, '--type', 'country', '--entity', 'russia', '--note', 'checked');
      assert.equal(r.code, 0, r.err.join('\n'));
      const d = doc();
      assert.deepEqual(d.entities.map((e) => e.id), ['russia', 'tokyo-metropolitan-government']);
      const quotes = d.annotations.map((a) => a.target.selector.find((s) => s.type === 'TextQuoteSelector')!);
      assert.deepEqual(quotes.map((q) => q.type === 'TextQuoteSelector' && q.exact), ['Tokyo', 'ロシア']);
      assert.equal(d.annotations[1].note, 'checked');
    });

    it('refuses bad input: unknown type (usage), span outside the text, unknown entity', async () => {
      await assert.rejects(run('tag', article, '--start', '0', '--end', '2', '--type', 'city', '--name', 'X'), UsageError);
      await assert.rejects(run('tag', article, '--start', '-1', '--end', '2', '--type', 'country', '--name', 'X'), UsageError);
      await assert.rejects(run('tag', article, '--start', '0', '--end', '2', '--type', 'country'), UsageError);
      const big = await run('tag', article, '--start', '0', '--end', '100000', '--type', 'country', '--entity', 'japan');
      assert.equal(big.code, 1);
      assert.match(big.err[0], /not inside the text/);
      const unknown = await run('tag', article, '--start', '0', '--end', '2', '--type', 'country', '--entity', 'no-such-entity');
      assert.equal(unknown.code, 1);
      assert.match(unknown.err[0], /unknown entity 'no-such-entity'/);
      assert.equal(existsSync(sidecar()), false);
    });
  });

  describe('validate', () => {
    it('exits 0 for valid files given as sidecar, article or folder', async () => {
      await run('confirm', article, '--all');
      for (const target of [sidecar(), article, tmp.dir]) {
        const r = await run('validate', target);
        assert.equal(r.code, 0, r.out.join('\n'));
        assert.match(r.out.at(-1)!, /1 annotations file, \d+ annotations: valid/);
      }
    });

    it('lists every problem with file and JSON path, and orphans, exit 1', async () => {
      await run('confirm', article, '--all');
      const sub = path.join(tmp.dir, 'sub');
      mkdirSync(sub);
      const other = writeArticle(sub, 'b.txt');
      await run('confirm', other, '--all');
      const d = JSON.parse(readFileSync(sidecar(), 'utf8'));
      d.annotations[0].status = 'maybe';
      d.annotations[1].target.selector[0].end = d.annotations[1].target.selector[0].start;
      writeFileSync(sidecar(), JSON.stringify(d));
      writeFileSync(other, ARTICLE_FILE.replace(/ロシア/g, 'ロシヤ'));
      const r = await run('validate', tmp.dir);
      assert.equal(r.code, 1);
      const text = r.out.join('\n');
      assert.match(text, /a\.txt\.annotations\.json: annotations\[0\]\.status: /);
      assert.match(text, /a\.txt\.annotations\.json: annotations\[1\]\.target\.selector\[0\]\.end: end \(\d+\) must be greater than start/);
      assert.match(text, /b\.txt\.annotations\.json: annotations\[\d+\]: 'ロシア' \(a-[0-9a-f]{12}\) is not found in b\.txt: orphaned/);
      assert.match(r.err[0], /2 annotations files, \d+ annotations: 3 problems/);
    });
  });

  describe('export', () => {
    beforeEach(async () => {
      await run('confirm', article, '--all');
    });

    it('brat, w3c and jsonl to stdout with code point offsets', async () => {
      const ru = cp(ARTICLE, 'ロシア');
      const brat = await run('export', '--format', 'brat', article);
      assert.equal(brat.code, 0);
      assert.ok(brat.out[0].split('\n').includes(`T4\tcountry ${ru.start} ${ru.end}\tロシア`) || brat.out[0].includes(`country ${ru.start} ${ru.end}\tロシア`));
      assert.match(brat.out[0], /\tReference T\d+ Wikidata:Q159\tRussia/);
      const w3c = JSON.parse((await run('export', '--format', 'w3c', tmp.dir)).out[0]);
      // One annotation per mention, plus the linking annotation of the parties of the treaty the two sign.
      assert.equal(w3c.total, recognized().length + 1);
      assert.equal(w3c.first.items.filter((i: { motivation: string }) => i.motivation === 'identifying').length, recognized().length);
      assert.equal(w3c.first.items[0].target.source, 'a.txt');
      const jsonl = JSON.parse((await run('export', '--format', 'jsonl', article)).out[0]);
      assert.equal(jsonl.text, ARTICLE);
      assert.ok(jsonl.entities.some(([s, e, l]: [number, number, string]) => s === ru.start && e === ru.end && l === 'country'));
    });

    it('--out writes files, and never overwrites an article', async () => {
      const out = path.join(tmp.dir, 'out');
      const r = await run('export', '--format', 'brat', '--out', out, tmp.dir);
      assert.equal(r.code, 0);
      assert.deepEqual(readdirSync(out).sort(), ['a.ann', 'a.txt']);
      assert.equal(readFileSync(path.join(out, 'a.txt'), 'utf8'), ARTICLE, 'the text brat offsets count in: no BOM');
      const before = readFileSync(article);
      const clash = await run('export', '--format', 'brat', '--out', tmp.dir, article);
      assert.equal(clash.code, 0, 'written under another name (see cli-export.test.ts)');
      assert.ok(readFileSync(article).equals(before));
      await assert.rejects(run('export', '--format', 'xml', article), UsageError);
      writeArticle(tmp.dir, 'c.txt');
      await run('confirm', path.join(tmp.dir, 'c.txt'), '--all');
      await assert.rejects(run('export', '--format', 'brat', tmp.dir), /--out/);
    });
  });

  describe('a corrupt sidecar', () => {
    const corruptions: [string, string][] = [
      ['truncated JSON', '{"version": 1, "article": "a.txt", "entit'],
      ['newer version', '{"version": 3}\n'],
      ['schema violation', '{"version": 1, "article": "a.txt", "textHash": "nope", "entities": [], "annotations": []}'],
    ];
    for (const [what, content] of corruptions) {
      it(`(${what}) makes every command exit non-zero, names the file and leaves it byte for byte`, async () => {
        writeFileSync(sidecar(), content);
        const mtime = statSync(sidecar()).mtimeMs;
        const tokyo = cp(ARTICLE, 'Tokyo');
        const attempts: string[][] = [
          ['confirm', article, '--all'],
          ['confirm', article],
          ['tag', article, '--start', `${tokyo.start}`, '--end', `${tokyo.end}`, '--type', 'organization', '--name', 'Tokyo'],
          ['validate', article],
          ['validate', tmp.dir],
          ['export', '--format', 'jsonl', article],
          ['export', '--format', 'w3c', tmp.dir],
        ];
        for (const [name, ...args] of attempts) {
          const r = await run(name, ...args);
          assert.notEqual(r.code, 0, `${name} ${args.join(' ')}`);
          assert.match([...r.out, ...r.err].join('\n'), /a\.txt\.annotations\.json/, `${name} names the file`);
        }
        assert.equal(readFileSync(sidecar(), 'utf8'), content);
        assert.equal(statSync(sidecar()).mtimeMs, mtime);
        assert.deepEqual(readdirSync(tmp.dir).sort(), ['a.txt', 'a.txt.annotations.json']);
      });
    }
  });
});
