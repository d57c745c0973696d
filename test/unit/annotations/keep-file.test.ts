/** writeFileAtomic keeps what the user set: mode, symlinks, owner; refuses files it may not write. */
import { strict as assert } from 'assert';
import { spawn } from 'child_process';
import { buildSync } from 'esbuild';
import { chmodSync, lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, statSync, symlinkSync, writeFileSync, chownSync } from 'fs';
import * as path from 'path';
import { ArticleAnnotations, SidecarPermissionError, sidecarPathFor, writeFileAtomic } from '../../../src/core/annotations';
import { tempDir } from './helpers';

const isRoot = process.getuid?.() === 0;

describe('writeFileAtomic keeps what the user set', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.cleanup());

  for (const mode of [0o600, 0o640, 0o444]) {
    it(`mode ${mode.toString(8)} stays ${mode.toString(8)}${mode === 0o444 ? ' (written only when the process may: as root)' : ''}`, async function () {
      const f = path.join(tmp.dir, 'a.txt.annotations.json');
      writeFileSync(f, 'old');
      chmodSync(f, mode);
      if (mode === 0o444 && !isRoot) {
        await assert.rejects(writeFileAtomic(f, 'new'), SidecarPermissionError);
        assert.equal(readFileSync(f, 'utf8'), 'old');
        return;
      }
      assert.equal(await writeFileAtomic(f, 'new'), true);
      assert.equal(readFileSync(f, 'utf8'), 'new');
      assert.equal(statSync(f).mode & 0o7777, mode);
    });
  }

  it('a symlinked sidecar is written through to its target; the link stays; the temp file goes next to the target', async () => {
    const real = path.join(tmp.dir, 'store');
    mkdirSync(real);
    const target = path.join(real, 'a.txt.annotations.json');
    writeFileSync(target, 'old');
    chmodSync(target, 0o600);
    const link = path.join(tmp.dir, 'a.txt.annotations.json');
    symlinkSync(path.relative(tmp.dir, target), link);
    let tempDirSeen = '';
    const steps = { ...(await import('../../../src/core/annotations/atomic')).nodeWriteSteps };
    const create = steps.create;
    steps.create = (file: string) => ((tempDirSeen = path.dirname(file)), create(file));
    await writeFileAtomic(link, 'new', steps);
    assert.ok(lstatSync(link).isSymbolicLink(), 'still a symlink');
    assert.equal(readlinkSync(link), path.join('store', 'a.txt.annotations.json'));
    assert.equal(readFileSync(target, 'utf8'), 'new');
    assert.equal(statSync(target).mode & 0o777, 0o600);
    assert.equal(tempDirSeen, real);
    assert.deepEqual(readdirSync(tmp.dir).sort(), ['a.txt.annotations.json', 'store']);
  });

  it('a dangling symlink is written through too (creates its target)', async () => {
    const link = path.join(tmp.dir, 'x.json');
    symlinkSync('y.json', link);
    await writeFileAtomic(link, 'new');
    assert.ok(lstatSync(link).isSymbolicLink());
    assert.equal(readFileSync(path.join(tmp.dir, 'y.json'), 'utf8'), 'new');
  });

  (isRoot ? it : it.skip)('as root: owner and group are kept', async () => {
    const f = path.join(tmp.dir, 'a.json');
    writeFileSync(f, 'old');
    chownSync(f, 65534, 65534);
    await writeFileAtomic(f, 'new');
    const st = statSync(f);
    assert.deepEqual([st.uid, st.gid], [65534, 65534]);
  });

  it('a process that may not write the sidecar gets SidecarPermissionError and keeps its changes in memory', async function () {
    this.timeout(20_000);
    const article = path.join(tmp.dir, 'a.txt');
    writeFileSync(article, 'Alpha Bravo Charlie\n');
    const sidecar = sidecarPathFor(article);
    const store = await ArticleAnnotations.load(article, 'Alpha Bravo Charlie\n');
    store.tag({ start: 0, end: 5, entity: store.defineEntity({ name: 'A', type: 'organization' }).id });
    await store.save();
    chmodSync(sidecar, 0o444);
    if (!isRoot) {
      store.tag({ start: 6, end: 11, entity: store.defineEntity({ name: 'B', type: 'organization' }).id });
      await assert.rejects(store.save(), SidecarPermissionError);
      assert.equal(store.hasUnsavedChanges, true);
      chmodSync(sidecar, 0o644);
      await store.save();
      assert.equal(store.hasUnsavedChanges, false);
      return;
    }
    // Root may write anything: run the writer as nobody, in a folder nobody may write to.
    chmodSync(tmp.dir, 0o777);
    chmodSync(article, 0o644);
    const writer = path.join(tmp.dir, 'writer.js');
    buildSync({ entryPoints: [path.join(__dirname, 'writer-child.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: writer, logLevel: 'error' });
    chmodSync(writer, 0o644);
    const before = readFileSync(sidecar);
    const out = await new Promise<string>((resolve, reject) => {
      const p = spawn(process.execPath, [writer, article, 'once', '1'], { uid: 65534, gid: 65534, stdio: ['ignore', 'pipe', 'pipe'] });
      let o = '';
      let e = '';
      p.stdout.on('data', (d) => (o += d));
      p.stderr.on('data', (d) => (e += d));
      p.on('close', () => (o ? resolve(o) : reject(new Error(e))));
    });
    const r = JSON.parse(out);
    assert.equal(r.ok, false);
    assert.equal(r.name, 'SidecarPermissionError', r.message);
    assert.match(r.message, /cannot be written \(EACCES\)/);
    assert.equal(r.unsaved, true);
    assert.equal(r.kept, 2, 'its own tag and the one read from the file');
    assert.deepEqual(readFileSync(sidecar), before);
  });
});
