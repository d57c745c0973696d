import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { CliIO } from '../../src/cli/command';
import { commands } from '../../src/cli/commands';

// A long article's scan output is written in parts (src/cli/scanOutput.ts): the parts must make the
// same single line as the in-process command (which joins them) and as JSON.stringify would.
const root = path.resolve(__dirname, '../..');
const cli = path.join(root, 'dist/cli.js');

async function inProcess(...args: string[]): Promise<string[]> {
  const out: string[] = [];
  const io: CliIO = { out: (l) => out.push(l), err: (l) => assert.fail(l) };
  assert.equal(await commands.find((c) => c.name === 'scan')!.run(args, io), 0);
  return out;
}

describe('cli: scan output of a long article, in parts', function () {
  this.timeout(120000);
  let dir: string;
  let file: string;
  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'annotator-parts-'));
    file = path.join(dir, 'long.txt');
    // 3 country mentions per line, 1,700 lines: more than two parts of 2,000 mentions.
    writeFileSync(file, Array.from({ length: 1700 }, (_, i) => `${i}: 日米韓の首脳が "会談" した。`).join('\n'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('--jsonl: one line, the same JSON as a whole-object serialization', async function () {
    const [line] = await inProcess('--jsonl', file);
    const doc = JSON.parse(line);
    assert.equal(doc.mentions.length, 5100);
    assert.equal(line, JSON.stringify(doc));
    if (!existsSync(cli)) return this.skip();
    const r = spawnSync(process.execPath, [cli, 'scan', '--jsonl', file], { encoding: 'utf8', maxBuffer: 1 << 28 });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, line + '\n');
  });

  it('text: a line per mention after the header, written in parts', async function () {
    const [text] = await inProcess(file);
    const lines = text.split('\n');
    assert.equal(lines.length, 5101);
    assert.match(lines[0], /5100 mentions$/);
    assert.ok(lines.slice(1).every((l) => /^\s+\d+-\d+\s+actor\s+country\s+(日|米|韓) {2}→ /.test(l)));
    if (!existsSync(cli)) return this.skip();
    const r = spawnSync(process.execPath, [cli, 'scan', file], { encoding: 'utf8', maxBuffer: 1 << 28 });
    assert.equal(r.stdout, text + '\n');
  });
});
