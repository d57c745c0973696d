import { strict as assert } from 'assert';
import { execFileSync } from 'child_process';
import { mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import type { CliIO } from '../../src/cli/command';
import { commands } from '../../src/cli/commands';
import { main } from '../../src/cli/main';
import { ArticleError, defaultMaxArticleSize, expandArticlePaths, parseSize, readArticle, setDefaultMaxArticleSize, DEFAULT_MAX_ARTICLE_SIZE } from '../../src/core/text/article';

async function run(name: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (l) => out.push(l), err: (l) => err.push(l) };
  const code = await commands.find((c) => c.name === name)!.run(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

// Every test here would hang or eat memory if the reader read from the odd file: the timeout proves it does not.
describe('reading articles: odd files are refused without reading them', function () {
  this.timeout(3000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'annotator-odd-'));
    writeFileSync(path.join(dir, 'good.txt'), '日米韓の首脳', 'utf8');
  });
  afterEach(() => {
    setDefaultMaxArticleSize(DEFAULT_MAX_ARTICLE_SIZE);
    rmSync(dir, { recursive: true, force: true });
  });

  const rejects = (file: string, reason: RegExp, maxSize?: number) =>
    assert.throws(() => readArticle(file, { maxSize }), (e: unknown) => e instanceof ArticleError && e.file === file && reason.test(e.reason));

  it('a FIFO without a writer: refused at once, named, and scan of its folder goes on', async () => {
    const fifo = path.join(dir, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    rejects(fifo, /FIFO/);
    const r = await run('scan', '--json', dir);
    assert.equal(r.code, 1);
    assert.match(r.err, /pipe\.txt: is a FIFO/);
    assert.deepEqual(JSON.parse(r.out).files.map((f: { path: string }) => path.basename(f.path)), ['good.txt']);
  });

  it('a unix socket is refused and named', async () => {
    const sock = path.join(dir, 'sock.txt');
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(sock, resolve));
    try {
      rejects(sock, /socket/);
      const r = await run('scan', dir);
      assert.equal(r.code, 1);
      assert.match(r.err, /sock\.txt: is a socket/);
    } finally {
      server.close();
    }
  });

  it('a *.txt symlink to /dev/zero is a character device, refused in a folder and when named', async () => {
    const zero = path.join(dir, 'zero.txt');
    symlinkSync('/dev/zero', zero);
    rejects(zero, /character device/);
    assert.ok(expandArticlePaths([dir]).includes(zero));
    const folder = await run('scan', dir);
    assert.equal(folder.code, 1);
    assert.match(folder.err, /zero\.txt: is a character device/);
    const named = await run('confirm', zero, '--all');
    assert.notEqual(named.code, 0);
    assert.match(named.err, /zero\.txt: is a character device/);
  });

  it('a sparse file above the limit is refused naming the limit; below it, read', async () => {
    const big = path.join(dir, 'big.txt');
    writeFileSync(big, '');
    truncateSync(big, 5 * 1024 * 1024 * 1024); // 5 GB of holes: reading it would take long and a lot of memory
    rejects(big, /larger than the size limit of 20 MB/);
    rejects(path.join(dir, 'good.txt'), /larger than the size limit of 4 bytes/, 4);
    assert.equal(readArticle(path.join(dir, 'good.txt'), { maxSize: 18 }).text, '日米韓の首脳');
    setDefaultMaxArticleSize(1024);
    const r = await run('scan', dir);
    assert.equal(r.code, 1);
    assert.match(r.err, /big\.txt: is larger than the size limit of 1 KB/);
    assert.match(r.out, /good\.txt/);
  });

  it('--max-size is parsed by every command (bytes or NMB) and a bad value is a usage error', async () => {
    assert.equal(parseSize('20MB'), 20 * 1024 * 1024);
    assert.equal(parseSize('512'), 512);
    assert.equal(parseSize('1.5kb'), 1536);
    assert.equal(parseSize('lots'), null);
    assert.equal(parseSize('0'), null);
    const write = process.stderr.write;
    const err: string[] = [];
    process.stderr.write = ((s: string) => (err.push(String(s)), true)) as typeof process.stderr.write;
    try {
      assert.equal(await main(['confirm', '--max-size', 'lots', path.join(dir, 'good.txt'), '--all']), 2);
      assert.match(err.join(''), /--max-size/);
      err.length = 0;
      assert.equal(await main(['confirm', '--max-size=4', path.join(dir, 'good.txt'), '--all']), 1);
      assert.match(err.join(''), /good\.txt: is larger than the size limit of 4 bytes/);
      assert.equal(defaultMaxArticleSize(), 4);
    } finally {
      process.stderr.write = write;
    }
  });

  it('a directory named as an article is refused', () => {
    rejects(dir, /directory/);
  });
});
