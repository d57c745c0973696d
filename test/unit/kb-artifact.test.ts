import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { KnowledgeBase } from '../../src/core/kb';
import { recognize } from '../../src/core/recognize';
import { compile, compileKb, Mode, type CompiledKb } from '../../src/core/recognize/compile';
import { ArtifactError, deserializeCompiled, readCompiled, serializeCompiled } from '../../src/core/recognize/serialize';

const SENTENCES = [
  '石破茂首相は国連総会で演説し、ロシア国防省と露外務省の発表を批判した。',
  '岸田外相は北朝鮮のミサイル発射を受け、米軍と自衛隊の連携を確認し、日米韓の共同声明を発表した。',
  '中国海軍はロシアとの合同演習を終え、両国は行動計画に署名した。',
  '윤석열 대통령은 유엔 안전보장이사회에서 북한의 도발을 규탄했다.',
  '한미 양국은 국방부 장관 회담 후 공동성명을 발표했고, 일본 외무성도 환영했다.',
  'Prime Minister Shigeru Ishiba met U.S. officials at the UN Security Council, and NATO issued a joint statement.',
  "Russia's Defense Ministry said the Paris Agreement and the Rome Statute bind China and Japan.",
  'Kishida told the United Nations General Assembly that North Korea violated the Geneva Conventions.',
];

const FP = 'test-fingerprint';
/** A KB with the built-in content but its own instance, so its compiled matcher is its own. */
const builtinCopy = () => KnowledgeBase.builtin().withWorkspace({ version: 1, entities: [], aliases: [] });
const withCompiled = (ckb: (kb: KnowledgeBase) => CompiledKb) => {
  const kb = builtinCopy();
  kb.compiled = ckb(kb);
  return kb;
};

describe('compiled KB artifact', function () {
  this.timeout(60000);
  let artifact: Buffer;
  let tmp: string;
  before(() => {
    artifact = serializeCompiled(compileKb(KnowledgeBase.builtin()), FP);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-artifact-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('stays small', () => {
    assert.ok(artifact.length < 3 * 1024 * 1024, `${artifact.length} bytes`);
  });

  it('loads a matcher that recognizes exactly like a freshly compiled one (ja, ko, en)', () => {
    const fresh = withCompiled(compileKb);
    const loaded = withCompiled((kb) => deserializeCompiled(artifact, kb, FP));
    let mentions = 0;
    for (const text of SENTENCES) {
      const expected = recognize(text, fresh);
      assert.ok(expected.length >= 2, `too few mentions to compare in: ${text}`);
      assert.deepEqual(recognize(text, loaded), expected, text);
      mentions += expected.length;
    }
    const types = new Set(SENTENCES.flatMap((t) => recognize(t, fresh).map((m) => m.type)));
    for (const t of ['country', 'person', 'organization']) assert.ok(types.has(t as never), `no ${t} among ${mentions} mentions`);
  });

  it('rebuilds the same tries, values and tables', () => {
    const fresh = compileKb(builtinCopy());
    const loaded = deserializeCompiled(artifact, builtinCopy(), FP);
    for (const k of ['trie', 'suffixes'] as const) assert.deepEqual(loaded[k].exportArrays(), fresh[k].exportArrays(), k);
    assert.deepEqual([...loaded.orgBySuffix], [...fresh.orgBySuffix]);
    assert.deepEqual([...loaded.indexOf], [...fresh.indexOf]);
  });

  it('rejects a stale fingerprint, another magic or format version, and another KB', () => {
    const kb = builtinCopy();
    assert.throws(() => deserializeCompiled(artifact, kb, 'another-build'), (e: Error) => e instanceof ArtifactError && /stale/.test(e.message));
    const magic = Buffer.from(artifact);
    magic.write('XXXX', 0, 'latin1');
    assert.throws(() => deserializeCompiled(magic, kb, FP), (e: Error) => e instanceof ArtifactError && /magic/.test(e.message));
    const version = Buffer.from(artifact);
    version.writeUInt32LE(version.readUInt32LE(4) + 1, 4);
    assert.throws(() => deserializeCompiled(version, kb, FP), (e: Error) => e instanceof ArtifactError && /format version/.test(e.message));
    const small = KnowledgeBase.of([{ id: 'japan', kind: 'actor', type: 'country', names: { en: ['Japan'] } } as never]);
    assert.throws(() => deserializeCompiled(artifact, small, FP), (e: Error) => e instanceof ArtifactError && /entities/.test(e.message));
    const file = path.join(tmp, 'stale.bin');
    fs.writeFileSync(file, artifact);
    assert.equal(readCompiled(file, kb, 'another-build'), undefined);
    assert.equal(readCompiled(path.join(tmp, 'missing.bin'), kb, FP), undefined);
  });

  it('rejects a truncated or padded buffer with a clear error', () => {
    const kb = builtinCopy();
    const headerEnd = 12 + artifact.readUInt32LE(8);
    const cuts = [0, 3, 11, 12, 100, headerEnd - 1, headerEnd + 1, headerEnd + 4000, artifact.length >> 1, artifact.length - 4, artifact.length - 1];
    for (const cut of cuts) {
      assert.throws(
        () => deserializeCompiled(artifact.subarray(0, cut), kb, FP),
        (e: Error) => e instanceof ArtifactError && /compiled KB: (truncated|unreadable)/.test(e.message),
        `cut at ${cut}`,
      );
    }
    assert.throws(() => deserializeCompiled(Buffer.concat([artifact, Buffer.alloc(8)]), kb, FP), (e: Error) => e instanceof ArtifactError && /past the last section/.test(e.message));
  });

  it('loads from an unaligned buffer', () => {
    const shifted = Buffer.alloc(artifact.length + 1);
    artifact.copy(shifted, 1);
    const loaded = deserializeCompiled(shifted.subarray(1), builtinCopy(), FP);
    assert.equal(loaded.trie.nodeCount, compileKb(builtinCopy()).trie.nodeCount);
  });

  it('compile() takes the artifact only for the built-in KB and only with its fingerprint', () => {
    // An artifact with one extra form shows whether compile() used it or compiled from the KB.
    const marked = compileKb(KnowledgeBase.builtin());
    marked.trie.add('ゾルバキア', { mode: Mode.Free, entity: marked.indexOf.get('japan')! });
    const file = path.join(tmp, 'marked.bin');
    fs.writeFileSync(file, serializeCompiled(marked, FP));
    const text = 'ゾルバキアは声明を出した。';
    const usesArtifact = (kb: KnowledgeBase) => recognize(text, kb).some((m) => m.entity === 'japan');

    const builtin = KnowledgeBase.builtin();
    const saved = builtin.compiled;
    try {
      builtin.compiled = undefined;
      compile(builtin, { file, fingerprint: FP });
      assert.ok(usesArtifact(builtin), 'the built-in KB loads a matching artifact');
      builtin.compiled = undefined;
      compile(builtin, { file, fingerprint: 'another-build' });
      assert.ok(!usesArtifact(builtin), 'a stale artifact is compiled over');
    } finally {
      builtin.compiled = saved;
    }
    const overlay = builtinCopy();
    compile(overlay, { file, fingerprint: FP });
    assert.ok(!usesArtifact(overlay), 'a workspace overlay is compiled from its own entities');
  });
});
