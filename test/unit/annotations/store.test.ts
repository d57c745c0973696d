import { strict as assert } from 'assert';
import fc from 'fast-check';
import { execFileSync } from 'child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'fs';
import * as path from 'path';
import {
  AnnotationError,
  ArticleAnnotations,
  SidecarError,
  nodeWriteSteps,
  parseSidecar,
  serializeSidecar,
  writeFileAtomic,
  sidecarPathFor,
  type WriteSteps,
} from '../../../src/core/annotations';
import { sha256Hex } from '../../../src/core/annotations/ids';
import { ARTICLE, cp, deterministic, mention, tempDir, writeArticle } from './helpers';

const kb = {
  entities: new Map([
    ['russia', { kind: 'actor' as const, type: 'country' as const, qid: 'Q159', name: 'Russia' }],
    ['japan', { kind: 'actor' as const, type: 'country' as const, qid: 'Q17', name: 'Japan' }],
  ]),
  get(id: string) {
    return this.entities.get(id);
  },
  displayName(id: string) {
    return this.entities.get(id)?.name ?? id;
  },
};

describe('annotations/store', () => {
  let tmp: ReturnType<typeof tempDir>;
  let article: string;
  beforeEach(() => {
    tmp = tempDir();
    article = writeArticle(tmp.dir);
  });
  afterEach(() => tmp.cleanup());

  const open = (options = {}) => ArticleAnnotations.load(article, ARTICLE, { kb, ...deterministic(), ...options });
  const sidecar = () => sidecarPathFor(article);

  it('writes a stable sidecar next to the article: sorted, 2-space indent, trailing newline, code point offsets', async () => {
    const s = await open();
    s.confirm(mention(ARTICLE, 'Russia', 'russia', 'country', 1, 'Q159'));
    s.confirm(mention(ARTICLE, 'ロシア', 'russia', 'country', 0, 'Q159'));
    s.reject(mention(ARTICLE, 'Tokyo', 'tokyo', 'organization'));
    assert.deepEqual(await s.save(), { written: true, merged: false });
    assert.equal(sidecar(), path.join(tmp.dir, 'a.txt.annotations.json'));
    const raw = readFileSync(sidecar(), 'utf8');
    assert.ok(raw.endsWith('}\n') && raw.includes('\n  "version": 1,'));
    const doc = parseSidecar(Buffer.from(raw), sidecar());
    assert.equal(doc.article, 'a.txt');
    assert.equal(doc.textHash, sha256Hex(ARTICLE));
    assert.deepEqual(doc.entities.map((e) => [e.id, e.name, e.qid]), [['russia', 'Russia', 'Q159'], ['tokyo', 'Tokyo', null]]);
    const starts = doc.annotations.map((a) => (a.target.selector[0] as { start: number }).start);
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
    const ru = doc.annotations.find((a) => a.target.selector.some((x) => x.type === 'TextQuoteSelector' && x.exact === 'ロシア'))!;
    const q = ru.target.selector.find((x) => x.type === 'TextQuoteSelector') as { prefix: string; suffix: string };
    assert.equal([...q.prefix].length, 32);
    assert.ok(q.prefix.endsWith('🇯🇵 日本と'));
    assert.deepEqual(ru.target.selector[0], { type: 'TextPositionSelector', ...cp(ARTICLE, 'ロシア') });
    assert.equal(doc.annotations.find((a) => a.entity === 'tokyo')!.status, 'rejected');
  });

  it('save then load is the identity (property), and saving unchanged writes nothing', async () => {
    const words: [string, string][] = [['Japan', 'japan'], ['Russia', 'russia'], ['日本', 'japan'], ['ロシア', 'russia'], ['Tokyo', 'tokyo']];
    await fc.assert(
      fc.asyncProperty(
        fc.subarray(words, { minLength: 1 }),
        fc.array(fc.constantFrom('confirm', 'reject', 'note'), { minLength: 5, maxLength: 5 }),
        async (chosen, actions) => {
          tmp.cleanup();
          tmp = tempDir();
          article = writeArticle(tmp.dir);
          const s = await open();
          chosen.forEach(([w, e], i) => {
            const m = mention(ARTICLE, w, e, e === 'tokyo' ? 'organization' : 'country');
            const a = actions[i] === 'reject' ? s.reject(m) : s.confirm(m);
            if (actions[i] === 'note') s.setNote(a.id, `note ${i} 💡`);
          });
          await s.save();
          const bytes = readFileSync(sidecar());
          const t = await open();
          assert.deepEqual(t.all(), s.all());
          assert.deepEqual(t.entities(), s.entities());
          assert.deepEqual(await t.save(), { written: false, merged: false });
          assert.ok(readFileSync(sidecar()).equals(bytes));
        },
      ),
      { numRuns: 25 },
    );
  });

  it('keeps unknown fields at every level on rewrite', async () => {
    const s = await open();
    s.confirm(mention(ARTICLE, 'Japan', 'japan', 'country'));
    await s.save();
    const doc = JSON.parse(readFileSync(sidecar(), 'utf8'));
    doc.reviewer = 'kim';
    doc.entities[0].wiki = 'x';
    doc.annotations[0].confidence = 0.9;
    doc.annotations[0].target.source = 'a.txt';
    doc.annotations[0].target.selector[1].lang = 'en';
    writeFileSync(sidecar(), JSON.stringify(doc));
    const t = await open();
    t.confirm(mention(ARTICLE, 'ロシア', 'russia', 'country'));
    await t.save();
    const out = JSON.parse(readFileSync(sidecar(), 'utf8'));
    assert.equal(out.reviewer, 'kim');
    assert.equal(out.entities.find((e: { id: string }) => e.id === 'japan').wiki, 'x');
    const ja = out.annotations.find((a: { entity: string }) => a.entity === 'japan');
    assert.equal(ja.confidence, 0.9);
    assert.equal(ja.target.source, 'a.txt');
    assert.equal(ja.target.selector[1].lang, 'en');
  });

  it('re-anchors on load after the article changed, and keeps orphans in the file', async () => {
    const s = await open();
    const ja = s.confirm(mention(ARTICLE, '日本', 'japan', 'country'));
    const ru = s.confirm(mention(ARTICLE, 'Russia', 'russia', 'country', 1));
    await s.save();
    const edited = '🇰🇷 Breaking.\r\n' + ARTICLE.replace('Russia said', 'Moscow said');
    const t = await ArticleAnnotations.load(article, edited, { kb });
    // The sidecar's text snapshot and a diff map 日本 exactly; nothing needed a search.
    assert.deepEqual(t.lastAnchoring.moved, []);
    assert.equal(t.get(ja.id)!.start, cp(edited, '日本').start);
    // Its sentence is gone; the other "Russia" shares none of its context, so it does not jump there.
    assert.deepEqual(t.lastAnchoring.orphaned, [ru.id]);
    assert.deepEqual(t.orphans().map((o) => o.quote.exact), ['Russia']);
  });

  it('orphans stay in the file with their quote and can be re-attached', async () => {
    const s = await open();
    const ru = s.confirm(mention(ARTICLE, 'ロシア', 'russia', 'country'));
    await s.save();
    const edited = ARTICLE.replace('ロシア', 'ロシヤ');
    const t = await ArticleAnnotations.load(article, edited, { kb, ...deterministic() });
    assert.deepEqual(t.orphans().map((o) => o.id), [ru.id]);
    await t.save();
    const again = await ArticleAnnotations.load(article, edited, { kb });
    assert.equal(again.orphans()[0].quote.exact, 'ロシア');
    const at = cp(edited, 'ロシヤ');
    const re = again.reattach(ru.id, at.start, at.end);
    assert.equal(re.anchored, true);
    assert.equal(re.quote.exact, 'ロシヤ');
    assert.throws(() => again.reattach('a-nope', 0, 1), AnnotationError);
    assert.throws(() => again.reattach(ru.id, 5, 5), AnnotationError);
  });

  describe('corrupt sidecars', () => {
    const cases: [string, string, string][] = [
      ['bad JSON', '{"version": 1,', 'syntax'],
      ['schema violation', JSON.stringify({ version: 1, article: 'a.txt', textHash: 'x', entities: [], annotations: [{}] }), 'schema'],
      ['newer version', JSON.stringify({ version: 2, whatever: true }), 'version'],
      ['not UTF-8', '\u00ff', 'syntax'],
    ];
    for (const [name, content, reason] of cases) {
      it(`${name}: typed error naming the file, read-only, never written`, async () => {
        const bytes = name === 'not UTF-8' ? Buffer.from([0x7b, 0xff, 0x7d]) : Buffer.from(content);
        writeFileSync(sidecar(), bytes);
        const mtime = statSync(sidecar()).mtimeMs;
        const s = await open();
        assert.ok(s.error instanceof SidecarError);
        assert.equal(s.error.reason, reason);
        assert.equal(s.error.file, sidecar());
        assert.match(s.error.message, /a\.txt\.annotations\.json/);
        assert.equal(s.readOnly, true);
        assert.throws(() => s.confirm(mention(ARTICLE, 'Japan', 'japan', 'country')), SidecarError);
        await assert.rejects(s.save(), SidecarError);
        assert.ok(readFileSync(sidecar()).equals(bytes));
        assert.equal(statSync(sidecar()).mtimeMs, mtime);
        assert.deepEqual(readdirSync(tmp.dir).sort(), ['a.txt', 'a.txt.annotations.json']);
      });
    }

    it('a FIFO in place of the sidecar: refused at once as unreadable, read-only, the pipe left alone', async function () {
      this.timeout(5000);
      execFileSync('mkfifo', [sidecar()]);
      const s = await open();
      assert.ok(s.error instanceof SidecarError);
      assert.equal(s.error.reason, 'unreadable');
      assert.match(s.error.message, /not a regular file/);
      assert.equal(s.readOnly, true);
      await assert.rejects(s.save(), SidecarError);
      assert.ok(statSync(sidecar()).isFIFO());
    });

    it('schema problems carry JSON paths', async () => {
      const s = await open();
      s.confirm(mention(ARTICLE, 'Japan', 'japan', 'country'));
      await s.save();
      const doc = JSON.parse(readFileSync(sidecar(), 'utf8'));
      doc.annotations[0].target.selector[0].start = -1;
      doc.annotations[0].status = 'maybe';
      writeFileSync(sidecar(), JSON.stringify(doc));
      const t = await open();
      assert.deepEqual(t.error!.problems.map((p) => p.path).sort(), ['annotations[0].status', 'annotations[0].target.selector[0].start']);
    });

    it('property: corrupt files are never touched, whatever the user does', async () => {
      await fc.assert(
        fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 64 }), fc.array(fc.constantFrom('confirm', 'save', 'reload', 'tag'), { maxLength: 4 }), async (garbage, ops) => {
          const bytes = Buffer.concat([Buffer.from('{"version":1,"x":'), Buffer.from(garbage)]);
          writeFileSync(sidecar(), bytes);
          const mtime = statSync(sidecar()).mtimeMs;
          const s = await open();
          assert.ok(s.error);
          for (const op of ops) {
            if (op === 'save') await s.save().catch(() => undefined);
            else if (op === 'reload') await s.reloadFromDisk();
            else {
              try {
                if (op === 'confirm') s.confirm(mention(ARTICLE, 'Japan', 'japan', 'country'));
                else s.tag({ ...cp(ARTICLE, 'Tokyo'), entity: 'japan' });
              } catch {
                /* refused */
              }
            }
          }
          assert.ok(readFileSync(sidecar()).equals(bytes));
          assert.equal(statSync(sidecar()).mtimeMs, mtime);
        }),
        { numRuns: 40 },
      );
    });

    it('a file that breaks after loading is not overwritten, and fixing it lifts read-only', async () => {
      const s = await open();
      s.confirm(mention(ARTICLE, 'Japan', 'japan', 'country'));
      await s.save();
      const good = readFileSync(sidecar());
      writeFileSync(sidecar(), '{ oops');
      s.confirm(mention(ARTICLE, 'ロシア', 'russia', 'country'));
      await assert.rejects(s.save(), /not valid JSON/);
      assert.equal(readFileSync(sidecar(), 'utf8'), '{ oops');
      assert.equal(s.readOnly, true);
      writeFileSync(sidecar(), good);
      await s.reloadFromDisk();
      assert.equal(s.readOnly, false);
      await s.save();
      assert.equal(parseSidecar(readFileSync(sidecar()), sidecar()).annotations.length, 2);
    });
  });

  describe('atomic writes', () => {
    const steps = ['create', 'write', 'sync', 'close', 'rename'] as const;
    /** Steps that "crash" (throw) at one point; `partial` writes half the bytes first. */
    function crashing(at: (typeof steps)[number], partial: boolean): WriteSteps {
      const crash = () => {
        throw new Error(`simulated crash at ${at}`);
      };
      return {
        ...nodeWriteSteps,
        async create(file) {
          if (at === 'create') crash();
          const h = await nodeWriteSteps.create(file);
          return {
            write: async (data) => {
              if (at === 'write') {
                if (partial) await h.write(data.subarray(0, data.length >> 1));
                crash();
              }
              return h.write(data);
            },
            sync: async () => (at === 'sync' ? crash() : h.sync()),
            close: async () => {
              await h.close();
              if (at === 'close') crash();
            },
          };
        },
        rename: async (from, to) => (at === 'rename' ? crash() : nodeWriteSteps.rename(from, to)),
      };
    }

    it('property: a write interrupted before the rename leaves the old file intact', async () => {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...steps), fc.boolean(), fc.constantFrom('Japan', 'ロシア', 'Tokyo'), async (at, partial, word) => {
          const s = await open();
          s.confirm(mention(ARTICLE, '日本', 'japan', 'country'));
          await s.save();
          const old = readFileSync(sidecar());
          const t = await open({ writeSteps: crashing(at, partial) });
          t.confirm(mention(ARTICLE, word, 'x', 'organization'));
          await assert.rejects(t.save(), /simulated crash/);
          assert.ok(readFileSync(sidecar()).equals(old));
          assert.deepEqual(readdirSync(tmp.dir).sort(), ['a.txt', 'a.txt.annotations.json'], 'no temp file left');
          assert.equal(t.hasUnsavedChanges, true);
          // The same store saves fine once the disk behaves.
          const u = await open();
          assert.equal(u.all().length, 1);
        }),
        { numRuns: 30 },
      );
    });

    it('a crash after the rename leaves the new file whole', async () => {
      const s = await open({ writeSteps: { ...nodeWriteSteps, syncDir: async () => Promise.reject(new Error('crash after rename')) } });
      s.confirm(mention(ARTICLE, '日本', 'japan', 'country'));
      await assert.rejects(s.save(), /crash after rename/);
      assert.equal(parseSidecar(readFileSync(sidecar()), sidecar()).annotations.length, 1);
    });

    it('does not create a file when there is nothing to save', async () => {
      const s = await open();
      assert.deepEqual(await s.save(), { written: false, merged: false });
      assert.equal(existsSync(sidecar()), false);
    });
  });

  describe('two writers', () => {
    it('merges by id: ours for what we changed, theirs for what they changed, deletions stay deleted', async () => {
      const base = await open();
      const ja = base.confirm(mention(ARTICLE, 'Japan', 'japan', 'country'));
      const ru = base.confirm(mention(ARTICLE, 'Russia', 'russia', 'country'));
      const jp = base.confirm(mention(ARTICLE, '日本', 'japan', 'country'));
      const ro = base.confirm(mention(ARTICLE, 'ロシア', 'russia', 'country'));
      await base.save();

      let n = 0;
      const a = await open({ newId: () => `a-aaaaaaaaaa${n++}0` });
      const b = await open({ newId: () => `a-bbbbbbbbbb${n++}0` });
      a.setNote(ja.id, 'ours');
      a.remove(ru.id);
      const aNew = a.tag({ ...cp(ARTICLE, 'Tokyo'), entity: a.defineEntity({ name: 'Tokyo', type: 'organization' }).id });
      b.setNote(ja.id, 'theirs');
      b.setNote(ru.id, 'they edited what we deleted');
      b.setNote(jp.id, 'only they changed this');
      b.remove(ro.id);
      const bNew = b.confirm(mention(ARTICLE, 'Russia', 'russia', 'country', 1));
      await b.save();

      const events: string[] = [];
      a.onDidChange((e) => events.push(e.reason));
      assert.deepEqual(await a.save(), { written: true, merged: true });
      assert.ok(events.includes('merge'));
      const ids = new Set(a.all().map((x) => x.id));
      assert.deepEqual([...ids].sort(), [ja.id, jp.id, aNew.id, bNew.id].sort());
      assert.equal(a.get(ja.id)!.note, 'ours');
      assert.equal(a.get(jp.id)!.note, 'only they changed this');
      const disk = await open();
      assert.deepEqual(disk.all(), a.all());
      assert.deepEqual(disk.entities().map((e) => e.id).sort(), ['japan', 'russia', 'tokyo']);

      // b learns of a's save: nothing of b's is lost, a's deletion is respected.
      await b.reloadFromDisk();
      assert.deepEqual(b.all(), a.all());
    });

    it('the same mention confirmed by both writers ends up once', async () => {
      const a = await open({ newId: () => 'a-aaaaaaaaaaaa' });
      const b = await open({ newId: () => 'a-bbbbbbbbbbbb' });
      a.confirm(mention(ARTICLE, 'Japan', 'japan', 'country'));
      b.confirm(mention(ARTICLE, 'Japan', 'japan', 'country'));
      await b.save();
      await a.save();
      assert.deepEqual(a.all().map((x) => x.id), ['a-bbbbbbbbbbbb']);
    });

    it('a rewrite that lands between the merge and the rename is merged, not overwritten', async () => {
      const a0 = await open();
      a0.confirm(mention(ARTICLE, 'Japan', 'japan', 'country'));
      await a0.save();
      let sneaked = false;
      const a = await open({
        newId: () => 'a-aaaaaaaaaaaa',
        writeSteps: {
          ...nodeWriteSteps,
          async create(file: string) {
            if (!sneaked) {
              sneaked = true;
              // A writer that ignores the lock (an older version, another tool): only the check before the rename sees it.
              const b = await open({ newId: () => 'a-bbbbbbbbbbbb' });
              b.confirm(mention(ARTICLE, 'ロシア', 'russia', 'country'));
              await writeFileAtomic(b.sidecarPath, serializeSidecar(b.toDoc()));
            }
            return nodeWriteSteps.create(file);
          },
        },
      });
      a.confirm(mention(ARTICLE, 'Tokyo', 'tokyo', 'organization'));
      assert.deepEqual(await a.save(), { written: true, merged: true });
      const disk = await open();
      assert.deepEqual(disk.all().map((x) => x.quote.exact).sort(), ['Japan', 'Tokyo', 'ロシア']);
    });

    it('keeps every annotation when the file vanished since loading', async () => {
      const s = await open();
      s.confirm(mention(ARTICLE, 'Japan', 'japan', 'country'));
      await s.save();
      const { rmSync } = await import('fs');
      rmSync(sidecar());
      s.confirm(mention(ARTICLE, 'ロシア', 'russia', 'country'));
      await s.save();
      assert.equal((await open()).all().length, 2);
    });
  });

  describe('user operations', () => {
    it('confirm flips a rejection at the same span; one annotation per span', async () => {
      const s = await open();
      const m = mention(ARTICLE, 'Tokyo', 'tokyo', 'organization');
      const r = s.reject(m);
      const c = s.confirm(m);
      assert.equal(c.id, r.id);
      assert.equal(c.status, 'confirmed');
      assert.equal(s.all().length, 1);
    });

    it('refuses a mention that does not match the text', async () => {
      const s = await open();
      const m = { ...mention(ARTICLE, 'Tokyo', 'tokyo', 'organization'), text: 'Kyoto' };
      assert.throws(() => s.confirm(m), AnnotationError);
    });

    it('tag uses knowledge-base entities and defineEntity makes slug ids', async () => {
      const s = await open();
      const t = s.tag({ ...cp(ARTICLE, 'Russia', 1), entity: 'russia' });
      assert.deepEqual([t.kind, t.type], ['actor', 'country']);
      assert.deepEqual(s.entity('russia'), { id: 'russia', kind: 'actor', type: 'country', name: 'Russia', qid: 'Q159' });
      assert.equal(s.defineEntity({ name: 'Tōkyō Metropolis', type: 'organization' }).id, 'tokyo-metropolis');
      assert.equal(s.defineEntity({ name: 'Russia', type: 'country' }).id, 'russia', 'same name and type: reused');
      assert.equal(s.defineEntity({ name: 'Russia', type: 'organization' }).id, 'russia-2');
      assert.match(s.defineEntity({ name: '日本共産党', type: 'organization' }).id, /^entity-[0-9a-f]{8}$/);
      assert.throws(() => s.tag({ ...cp(ARTICLE, 'Tokyo'), entity: 'nowhere' }), /unknown entity/);
    });

    it('remove deletes and reports changes to listeners until disposed', async () => {
      const s = await open();
      const seen: string[] = [];
      const sub = s.onDidChange((e) => seen.push(e.reason));
      const a = s.confirm(mention(ARTICLE, 'Japan', 'japan', 'country'));
      assert.equal(s.remove(a.id), true);
      assert.equal(s.remove(a.id), false);
      sub.dispose();
      s.confirm(mention(ARTICLE, 'Japan', 'japan', 'country'));
      assert.deepEqual(seen, ['user', 'user']);
    });
  });
});
