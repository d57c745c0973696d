#!/usr/bin/env node
// `npm run start:desktop`: builds, copies the sample articles to a temp folder and opens them in
// desktop VS Code (`code` on PATH) with this repo loaded as a development extension.
const { spawnSync } = require('child_process');
const P = require('./paths');
const { makeWorkspace } = require('./workspace');

const which = spawnSync('sh', ['-c', 'command -v code'], { encoding: 'utf8' });
if (which.status !== 0) {
  console.error('start:desktop: `code` is not on PATH. Install VS Code and its shell command, or use `npm start` (VS Code in the browser).');
  process.exit(1);
}
const build = spawnSync(process.execPath, ['esbuild.js'], { cwd: P.ROOT, stdio: 'inherit' });
if (build.status !== 0) process.exit(1);
// Left in place: the window outlives this command, which returns as soon as VS Code has it open.
const { workspace } = makeWorkspace(['test/fixtures/articles', 'test/fixtures/workspace']);
console.log(`start:desktop: opening ${workspace}`);
const code = spawnSync('code', [`--extensionDevelopmentPath=${P.ROOT}`, '--new-window', workspace], { stdio: 'inherit' });
process.exit(code.status ?? 1);
