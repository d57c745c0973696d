import { strict as assert } from 'assert';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { ArticleAnnotations } from '../../../src/core/annotations';
import { KbError, KnowledgeBase, WORKSPACE_KB_FILE } from '../../../src/core/kb';
import { recognize } from '../../../src/core/recognize';
import { EntityDirectory } from '../../../src/core/workspace/entities';
import { addWorkspaceAlias, knowledgeAt } from '../../../src/core/workspace/kb';
import { relinkEntity, renameEntity } from '../../../src/core/workspace/relink';
import { moveSidecar } from '../../../src/core/workspace/sidecarMove';

describe('workspace files', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'aa-ws-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  describe('workspace knowledge base', () => {
    it('adds an alias of a known entity in a new file, and the overlay recognizes it', async () => {
      const file = path.join(dir, WORKSPACE_KB_FILE);
      const kb = knowledgeAt(dir).kb;
      assert.strictEqual(await addWorkspaceAlias(file, kb, { id: 'japan', kind: 'actor', type: 'country', name: 'Japan' }, ' Yamato '), 'added');
      assert.deepStrictEqual(JSON.parse(readFileSync(file, 'utf8')), { version: 1, entities: [], aliases: [{ entity: 'japan', forms: ['Yamato'] }] });
      const k = knowledgeAt(dir);
      assert.strictEqual(k.file, file);
      assert.deepStrictEqual(recognize('Yamato met.', k.kb).map((m) => m.entity), ['japan']);
      // Twice is once; a form the entity already has is not added.
      assert.strictEqual(await addWorkspaceAlias(file, k.kb, { id: 'japan', kind: 'actor', type: 'country', name: 'Japan' }, 'Yamato'), 'present');
      assert.strictEqual(await addWorkspaceAlias(file, k.kb, { id: 'japan', kind: 'actor', type: 'country', name: 'Japan' }, '日本'), 'present');
    });

    it('makes an entity known only to a sidecar a workspace entity', async () => {
      const file = path.join(dir, WORKSPACE_KB_FILE);
      await addWorkspaceAlias(file, KnowledgeBase.builtin(), { id: 'entity-1a2b3c4d', kind: 'actor', type: 'organization', name: '港湾連合' }, '港連');
      const ws = JSON.parse(readFileSync(file, 'utf8'));
      assert.deepStrictEqual(ws.entities[0].names, { ja: ['港湾連合'] });
      assert.deepStrictEqual(ws.entities[0].aliases, ['港連']);
      const k = knowledgeAt(dir);
      assert.deepStrictEqual(recognize('港連と港湾連合', k.kb).map((m) => [m.text, m.entity]), [['港連', 'entity-1a2b3c4d'], ['港湾連合', 'entity-1a2b3c4d']]);
    });

    it('never rewrites an invalid file, and the knowledge falls back to the built-in data', async () => {
      const file = path.join(dir, WORKSPACE_KB_FILE);
      writeFileSync(file, '{ "version": 1, ');
      await assert.rejects(addWorkspaceAlias(file, KnowledgeBase.builtin(), { id: 'japan', kind: 'actor', type: 'country', name: 'Japan' }, 'Yamato'), KbError);
      assert.strictEqual(readFileSync(file, 'utf8'), '{ "version": 1, ');
      const k = knowledgeAt(dir);
      assert.ok(k.error instanceof KbError);
      assert.strictEqual(k.kb, KnowledgeBase.builtin());
    });
  });

  describe('entity directory', () => {
    it('describes knowledge-base entities with aliases and sidecar entities by their name', () => {
      const d = new EntityDirectory(KnowledgeBase.builtin(), [{ id: 'harbor-alliance', kind: 'actor', type: 'organization', name: 'Harbor Alliance', qid: null }]);
      const japan = d.get('japan')!;
      assert.strictEqual(japan.name, 'Japan');
      assert.strictEqual(japan.qid, 'Q17');
      assert.ok(japan.aliases.includes('日本') && !japan.aliases.includes('Japan'));
      assert.deepStrictEqual(d.get('harbor-alliance'), { id: 'harbor-alliance', name: 'Harbor Alliance', kind: 'actor', type: 'organization', qid: null, aliases: [], source: 'sidecar' });
      assert.ok(d.ofType('organization').some((e) => e.id === 'harbor-alliance'));
      assert.ok(d.ofType('country').every((e) => e.type === 'country'));
      assert.strictEqual(d.name('unknown', 'the text'), 'the text');
    });
  });

  describe('relinking', () => {
    const text = 'The Dock Union and the Pier League met. The Dock Union left.';
    async function store(): Promise<ArticleAnnotations> {
      const article = path.join(dir, 'a.txt');
      writeFileSync(article, text);
      return ArticleAnnotations.load(article, text, { kb: KnowledgeBase.builtin() });
    }
    const at = (w: string, n = 0) => {
      let i = -1;
      for (let k = 0; k <= n; k++) i = text.indexOf(w, i + 1);
      return { start: i, end: i + w.length };
    };

    it('moves annotations to another entity in place, keeping ids and rejections', async () => {
      const s = await store();
      const union = s.defineEntity({ name: 'Dock Union', type: 'organization' });
      const a = s.tag({ ...at('Dock Union'), entity: union.id });
      const b = s.tag({ ...at('Dock Union', 1), entity: union.id });
      s.reject({ ...at('Dock Union', 1), text: 'Dock Union', kind: 'actor', type: 'organization', entity: union.id, qid: null });
      const league = s.defineEntity({ name: 'Pier League', type: 'organization' });
      assert.deepStrictEqual(relinkEntity(s, union.id, league.id), { moved: 2, skippedOrphans: 0 });
      assert.deepStrictEqual(s.annotations().map((x) => [x.id, x.entity, x.status]), [[a.id, league.id, 'confirmed'], [b.id, league.id, 'rejected']]);
    });

    it('renames a sidecar entity: a new entity of that name takes its annotations', async () => {
      const s = await store();
      const union = s.defineEntity({ name: 'Dock Union', type: 'organization' });
      s.tag({ ...at('Dock Union'), entity: union.id });
      const r = renameEntity(s, union.id, 'Dockworkers Union');
      assert.strictEqual(r.id, 'dockworkers-union');
      assert.deepStrictEqual(s.annotations().map((x) => x.entity), ['dockworkers-union']);
      await s.save();
      const doc = JSON.parse(readFileSync(s.sidecarPath, 'utf8'));
      assert.deepStrictEqual(doc.entities.map((e: { name: string }) => e.name), ['Dockworkers Union']);
    });
  });

  describe('moving a sidecar', () => {
    const sidecar = (name: string) => path.join(dir, name + '.annotations.json');

    it('follows its article and names the new file', async () => {
      const text = 'Japan and France.';
      const article = path.join(dir, 'old.txt');
      writeFileSync(article, text);
      const s = await ArticleAnnotations.load(article, text, { kb: KnowledgeBase.builtin() });
      s.confirm({ start: 0, end: 5, text: 'Japan', kind: 'actor', type: 'country', entity: 'japan', qid: 'Q17' });
      await s.save();
      assert.strictEqual(await moveSidecar(article, path.join(dir, 'sub', 'new.txt')), 'moved');
      assert.ok(!existsSync(sidecar('old.txt')));
      const moved = JSON.parse(readFileSync(path.join(dir, 'sub', 'new.txt.annotations.json'), 'utf8'));
      assert.strictEqual(moved.article, 'new.txt');
      assert.strictEqual(moved.annotations.length, 1);
    });

    it('moves a broken sidecar byte for byte, never replaces an existing one, and does nothing without one', async () => {
      writeFileSync(sidecar('a.txt'), '{ broken');
      assert.strictEqual(await moveSidecar(path.join(dir, 'a.txt'), path.join(dir, 'b.txt')), 'moved');
      assert.strictEqual(readFileSync(sidecar('b.txt'), 'utf8'), '{ broken');
      writeFileSync(sidecar('c.txt'), '{}');
      assert.strictEqual(await moveSidecar(path.join(dir, 'b.txt'), path.join(dir, 'c.txt')), 'conflict');
      assert.strictEqual(readFileSync(sidecar('b.txt'), 'utf8'), '{ broken');
      assert.strictEqual(readFileSync(sidecar('c.txt'), 'utf8'), '{}');
      assert.strictEqual(await moveSidecar(path.join(dir, 'none.txt'), path.join(dir, 'x.txt')), 'none');
    });
  });
});
