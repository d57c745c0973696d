import { strict as assert } from 'assert';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { CliIO } from '../../src/cli/command';
import { commands } from '../../src/cli/commands';
import { sidecarPathFor } from '../../src/core/annotations';

async function run(name: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (l) => out.push(l), err: (l) => err.push(l) };
  const code = await commands.find((c) => c.name === name)!.run(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('cli: scan and kb', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'annotator-scan-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('scan --json prints exactly files → mentions with code point offsets and status', async () => {
    const file = path.join(dir, 'a.txt');
    writeFileSync(file, '\ufeff💡 ロシアと北朝鮮は\r\n日米韓', 'utf8');
    const r = await run('scan', '--json', file);
    assert.equal(r.code, 0);
    const json = JSON.parse(r.out);
    assert.deepEqual(Object.keys(json), ['files']);
    const [f] = json.files;
    assert.equal(f.path, file);
    assert.deepEqual(f.mentions[0], { start: 2, end: 5, text: 'ロシア', kind: 'actor', type: 'country', entity: 'russia', qid: 'Q159', status: 'recognized' });
    assert.deepEqual(f.mentions.map((m: { text: string }) => m.text), ['ロシア', '北朝鮮', '日', '米', '韓']);
    assert.equal(f.mentions[2].start, 12); // BOM dropped, emoji one code point, CRLF two
    assert.deepEqual(f.orphans, []);
  });

  it('walks directories for .txt and .md, and reports bad files by name while scanning the rest', async () => {
    writeFileSync(path.join(dir, 'good.md'), 'NATO and Japan', 'utf8');
    writeFileSync(path.join(dir, 'latin1.txt'), Buffer.from([0x52, 0xe9, 0x73, 0x75, 0x6d, 0xe9]));
    writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0x41, 0x00, 0x42]));
    writeFileSync(path.join(dir, 'notes.json'), '{}', 'utf8');
    const r = await run('scan', '--json', dir, path.join(dir, 'missing.txt'));
    assert.equal(r.code, 1);
    assert.match(r.err, /latin1\.txt: is not valid UTF-8/);
    assert.match(r.err, /binary\.txt: looks binary/);
    assert.match(r.err, /missing\.txt: no such file/);
    const json = JSON.parse(r.out);
    assert.deepEqual(json.files.map((f: { path: string }) => path.basename(f.path)), ['good.md']);
    assert.deepEqual(json.files[0].mentions.map((m: { entity: string }) => m.entity), ['nato', 'japan']);
  });

  it('merges the sidecar: confirmed annotations, rejected recognitions suppressed, orphans listed', async () => {
    const file = path.join(dir, 'b.txt');
    writeFileSync(file, 'ロシアと北朝鮮の国防相が平壌で会談した。', 'utf8');
    assert.equal((await run('confirm', file, '--entity', 'russia')).code, 0);
    // The article gains a line in front: the confirmed annotation follows its words.
    writeFileSync(file, '【速報】\nロシアと北朝鮮の国防相が平壌で会談した。', 'utf8');
    let json = JSON.parse((await run('scan', '--json', file)).out);
    const russia = json.files[0].mentions.find((m: { text: string }) => m.text === 'ロシア');
    assert.equal(russia.status, 'confirmed');
    assert.equal(russia.start, 5);
    assert.equal(json.files[0].mentions.find((m: { text: string }) => m.text === '北朝鮮').status, 'recognized');
    writeFileSync(file, '【速報】\n北朝鮮の国防相が平壌で会談した。', 'utf8');
    json = JSON.parse((await run('scan', '--json', file)).out);
    assert.deepEqual(json.files[0].orphans.map((o: { text: string; entity: string }) => [o.text, o.entity]), [['ロシア', 'russia']]);
    // Another text altogether: the sidecar is not this article's; reported, not re-anchored.
    writeFileSync(file, 'An unrelated English text about the weather.', 'utf8');
    const foreign = await run('scan', '--json', file);
    assert.equal(foreign.code, 1);
    assert.match(foreign.err, /does not belong to this article/);
  });

  it('exits non-zero naming a corrupt sidecar and leaves it byte for byte', async () => {
    const file = path.join(dir, 'c.txt');
    writeFileSync(file, '日本', 'utf8');
    const sidecar = sidecarPathFor(file);
    writeFileSync(sidecar, '{"version": 1, "annotations": [', 'utf8');
    const before = statSync(sidecar).mtimeMs;
    const r = await run('scan', '--json', file);
    assert.equal(r.code, 1);
    assert.match(r.err, /c\.txt\.annotations\.json/);
    assert.equal(readFileSync(sidecar, 'utf8'), '{"version": 1, "annotations": [');
    assert.equal(statSync(sidecar).mtimeMs, before);
  });

  it('kb --json lists entities with every matched form, including the workspace file', async () => {
    writeFileSync(path.join(dir, 'article-annotator.kb.json'), JSON.stringify({ version: 1, aliases: [{ entity: 'japan', forms: ['Nippon'] }] }));
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const json = JSON.parse((await run('kb', '--json')).out);
      const japan = json.entities.find((e: { id: string }) => e.id === 'japan');
      assert.deepEqual(Object.keys(japan), ['id', 'kind', 'type', 'qid', 'names']);
      assert.equal(japan.qid, 'Q17');
      for (const f of ['日本', '일본', 'Japan', 'Nippon', '日']) assert.ok(japan.names.includes(f), f);
      assert.ok(json.entities.some((e: { type: string }) => e.type === 'treaty'));
    } finally {
      process.chdir(cwd);
    }
  });
});
