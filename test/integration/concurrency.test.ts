// Two writers at once on one article: the extension host confirms mentions while a CLI process
// (dist/cli.js of this extension, run by the host's own node) tags others. Both go through the
// core's sidecar lock, so afterwards every change of both is in the sidecar and in the editor's store.
import * as assert from 'assert';
import { spawn } from 'child_process';
import * as path from 'path';
import * as vscode from 'vscode';
import { annotator, closeAllEditors, cpSpan, EXTENSION_ID, openArticle, positionOf, readSidecar, waitFor, writeArticle } from './helpers';

const COUNTRIES = ['Japan', 'France', 'Germany', 'Italy', 'Spain', 'Canada', 'Brazil', 'India'];
const LINE = COUNTRIES.join(' and ') + ' met.';
const TEXT = `${LINE}\n${LINE}\n`;

/** Runs the CLI with the host's node (code-server: node; Electron: node mode), resolving with its exit code. */
function cli(args: string[]): Promise<{ code: number | null; err: string }> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [path.join(ext.extensionPath, 'dist', 'cli.js'), ...args], {
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    p.stderr.on('data', (d) => (err += d));
    p.on('close', (code) => resolve({ code, err }));
  });
}

describe('concurrent writers: extension host + CLI', () => {
  afterEach(closeAllEditors);

  it('confirms in the editor while the CLI tags the same article: both sets end up in the sidecar and the store', async function () {
    this.timeout(120_000);
    const api = await annotator();
    const uri = writeArticle('concurrency/both.txt', TEXT);
    await openArticle(uri);
    const mine = COUNTRIES.map((c) => cpSpan(TEXT, c, 0));
    const theirs = COUNTRIES.map((c) => cpSpan(TEXT, c, 1));
    const cliRuns = (async () => {
      const failed: string[] = [];
      // Two CLI chains at once, alongside the editor's confirmations.
      await Promise.all(
        [0, 1].map(async (chain) => {
          for (let i = chain; i < theirs.length; i += 2) {
            const s = theirs[i];
            const r = await cli(['tag', uri.fsPath, '--start', `${s.start}`, '--end', `${s.end}`, '--type', 'organization', '--name', `CLI Org ${i}`]);
            if (r.code !== 0) failed.push(`${i}: ${r.err}`);
          }
        }),
      );
      return failed;
    })();
    for (const s of mine) {
      await vscode.commands.executeCommand('articleAnnotator.confirmMention', { uri: uri.toString(), ...s });
      await api.whenIdle();
    }
    assert.deepStrictEqual(await cliRuns, []);
    const key = (s: { start: number; end: number }) => `${s.start}-${s.end}`;
    const want = [...mine, ...theirs].map(key).sort();
    const inSidecar = () => readSidecar(uri).annotations.map(positionOf).map(key).sort();
    const inStore = () => (api.article(uri)?.annotations ?? []).map(key).sort();
    await waitFor(() => JSON.stringify(inStore()) === JSON.stringify(want), `the store to hold all 16 (has ${inStore().length})`, 20_000);
    // The editor's store has the CLI's tags merged in; its next write keeps them (nothing of either is lost).
    await waitFor(() => JSON.stringify(inSidecar()) === JSON.stringify(want), `the sidecar to hold all 16 (has ${inSidecar().length})`, 20_000);
  });
});
