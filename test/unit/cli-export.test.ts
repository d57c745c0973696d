import { strict as assert } from 'assert';
import { readFileSync, readdirSync, writeFileSync } from 'fs';
import * as path from 'path';
import type { CliIO } from '../../src/cli/command';
import { UsageError } from '../../src/cli/command';
import { commands } from '../../src/cli/commands';
import { sidecarPathFor } from '../../src/core/annotations';
import { KnowledgeBase } from '../../src/core/kb';
import { recognize } from '../../src/core/recognize';
import { ARTICLE, tempDir, writeArticle } from './annotations/helpers';

async function run(name: string, ...args: string[]): Promise<{ code: number; out: string[]; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (l) => out.push(l), err: (l) => err.push(l) };
  const code = await commands.find((c) => c.name === name)!.run(args, io);
  return { code, out, err: err.join('\n') };
}

describe('cli: export never overwrites an input, and says what it left out', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir();
  });
  afterEach(() => tmp.cleanup());

  it('brat --out . next to a.md and a.txt: a.md.* and a.txt.* are written, both inputs stay byte for byte', async () => {
    const txt = writeArticle(tmp.dir, 'a.txt');
    const md = path.join(tmp.dir, 'a.md');
    writeFileSync(md, '# 見出し\n\n' + ARTICLE, 'utf8');
    await run('confirm', txt, '--all');
    await run('confirm', md, '--all');
    const before = new Map([txt, md, sidecarPathFor(txt), sidecarPathFor(md)].map((f) => [f, readFileSync(f)]));
    const r = await run('export', '--format', 'brat', '--out', tmp.dir, tmp.dir);
    assert.equal(r.code, 0, r.err);
    for (const [f, bytes] of before) assert.ok(readFileSync(f).equals(bytes), `${f} unchanged`);
    assert.deepEqual(
      readdirSync(tmp.dir).filter((n) => /\.(ann|txt)$/.test(n) && n !== 'a.txt').sort(),
      ['a.md.ann', 'a.md.txt', 'a.txt.ann', 'a.txt.txt'],
    );
    assert.equal(readFileSync(path.join(tmp.dir, 'a.md.txt'), 'utf8'), '# 見出し\n\n' + ARTICLE);
    assert.equal(readFileSync(path.join(tmp.dir, 'a.txt.txt'), 'utf8'), ARTICLE);
    assert.match(r.err, /a\.md\.ann instead: another article has the stem a/);
  });

  it('one article: the plain name, unless it is the article itself; then the whole file name, said on stderr', async () => {
    const article = writeArticle(tmp.dir, 'a.txt');
    await run('confirm', article, '--all');
    const out = path.join(tmp.dir, 'out');
    assert.deepEqual((await run('export', '--format', 'brat', '--out', out, article)).out.map((f) => path.basename(f)), ['a.ann', 'a.txt']);
    const before = readFileSync(article);
    const r = await run('export', '--format', 'brat', '--out', tmp.dir, article);
    assert.equal(r.code, 0);
    assert.ok(readFileSync(article).equals(before));
    assert.deepEqual(r.out.map((f) => path.basename(f)), ['a.txt.ann', 'a.txt.txt']);
    assert.match(r.err, /would overwrite the article/);
  });

  it('a jsonl/w3c collection whose name is an input gets a numbered name', async () => {
    const article = writeArticle(tmp.dir, 'annotations.jsonl.txt');
    await run('confirm', article, '--all');
    // An article literally named like the collection (the extension list is the caller's business).
    const collection = path.join(tmp.dir, 'annotations.jsonl');
    writeFileSync(collection, ARTICLE);
    writeFileSync(sidecarPathFor(collection), readFileSync(sidecarPathFor(article)));
    const r = await run('export', '--format', 'jsonl', '--out', tmp.dir, collection, article);
    assert.equal(r.code, 0, r.err);
    assert.equal(readFileSync(collection, 'utf8'), ARTICLE);
    assert.deepEqual(r.out.map((f) => path.basename(f)), ['annotations-2.jsonl']);
    assert.equal(readFileSync(r.out[0], 'utf8').trim().split('\n').length, 2);
  });

  it('--include confirmed (default) and all: counts of exported and left-out mentions on stderr', async () => {
    const article = writeArticle(tmp.dir, 'a.txt');
    const n = recognize(ARTICLE, KnowledgeBase.builtin()).length;
    assert.ok(n > 2);
    const none = await run('export', '--format', 'jsonl', article);
    assert.equal(JSON.parse(none.out[0]).entities.length, 0);
    assert.match(none.err, new RegExp(`exported 0 mention\\(s\\) \\(0 confirmed, 0 suggestions\\); left out ${n} \\(${n} suggestions: --include all`));
    const all = await run('export', '--format', 'jsonl', '--include', 'all', article);
    assert.equal(JSON.parse(all.out[0]).entities.length, n);
    assert.match(all.err, new RegExp(`exported ${n} mention\\(s\\) \\(0 confirmed, ${n} suggestions\\); left out 0`));
    await run('confirm', article, '--all');
    const confirmed = await run('export', '--format', 'w3c', article);
    const items = JSON.parse(confirmed.out[0]).first.items as Array<{ motivation: string }>;
    // One annotation per mention, and the parties' linking annotation of the treaty the two sign.
    assert.equal(items.filter((i) => i.motivation === 'identifying').length, n);
    assert.equal(items.filter((i) => i.motivation === 'linking').length, 1);
    assert.match(confirmed.err, new RegExp(`exported ${n} mention\\(s\\) \\(${n} confirmed, 0 suggestions\\); left out 0`));
    await assert.rejects(run('export', '--format', 'jsonl', '--include', 'some', article), UsageError);
  });
});
