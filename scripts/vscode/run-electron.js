#!/usr/bin/env node
// `npm run test:electron`: the same integration bundle under desktop VS Code via @vscode/test-electron.
// Uses VSCODE_EXECUTABLE_PATH when set, else downloads VS Code (VSCODE_VERSION, default stable),
// which needs internet access. Build first (`node esbuild.js`). Linux without a display: run under xvfb-run.
const fs = require('fs');
const path = require('path');
const P = require('./paths');
const { conclude } = require('./results');
const { makeWorkspace } = require('./workspace');

const TIMEOUT_MS = Number(process.env.ANNOTATOR_TEST_TIMEOUT_MS) || 10 * 60_000;

async function main() {
  const { runTests } = require('@vscode/test-electron');
  const testsPath = path.join(P.ROOT, 'dist', 'test', 'integration', 'index.js');
  if (!fs.existsSync(testsPath)) throw new Error(`${path.relative(P.ROOT, testsPath)} is missing: run \`node esbuild.js\` first`);
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.error('integration: no DISPLAY set; desktop VS Code needs one (try `xvfb-run -a npm run test:electron`)');
  }
  const { root, workspace, cleanup } = makeWorkspace(['test/fixtures/workspace']);
  const resultsFile = path.join(root, 'results.txt');
  let timer;
  try {
    const run = runTests({
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE_PATH || undefined,
      version: process.env.VSCODE_VERSION || undefined,
      extensionDevelopmentPath: P.ROOT,
      extensionTestsPath: testsPath,
      launchArgs: [workspace, '--disable-extensions'],
      extensionTestsEnv: { ANNOTATOR_TEST_RESULTS: resultsFile, ANNOTATOR_TEST_WORKSPACE: workspace },
    }).then(
      (code) => ({ exitCode: code, problem: null }),
      (e) => (typeof e?.code === 'number' ? { exitCode: e.code, problem: null } : { exitCode: null, problem: e?.message ?? String(e) }),
    );
    const timeout = new Promise((resolve) => {
      timer = setTimeout(() => resolve({ exitCode: null, problem: `the tests did not finish within ${TIMEOUT_MS / 1000} s` }), TIMEOUT_MS);
    });
    const { exitCode, problem } = await Promise.race([run, timeout]);
    return conclude({ resultsFile, exitCode, problem });
  } finally {
    clearTimeout(timer);
    cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`integration: ${e.message}`);
    console.log('integration: 0 passed, 0 failed');
    process.exit(1);
  },
);
