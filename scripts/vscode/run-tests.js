#!/usr/bin/env node
// `npm run test:integration`: runs dist/test/integration/index.js inside a real VS Code
// (code-server + headless Chromium) on a fresh copy of test/fixtures/workspace.
// Build first (`node esbuild.js`); the summary line is `integration: N passed, M failed`.
const fs = require('fs');
const path = require('path');
const P = require('./paths');
const { setup, SetupError } = require('./setup');
const { startServer, workbenchUrl, tail, launchChromium } = require('./server');
const { readResults, concludeAll } = require('./results');
const { makeWorkspace } = require('./workspace');

const TOTAL_TIMEOUT_MS = Number(process.env.ANNOTATOR_TEST_TIMEOUT_MS) || 10 * 60_000;
// From page load to index.ts's first line; a workbench that never starts the tests fails here.
const START_TIMEOUT_MS = Number(process.env.ANNOTATOR_TEST_START_TIMEOUT_MS) || 120_000;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Opens `workspace` in code-server with the extension at `developmentPath`, runs the tests at
 * `testsPath` in its extension host and waits for the workbench to report their end.
 * @returns {Promise<{exitCode: number | null, problem: string | null, diagnostics: string}>}
 */
/**
 * What the extension host cannot see through the API, read off the page for test/integration/probe.ts:
 * where the active editor's selection is drawn relative to the text area (left of the minimap).
 */
const PROBES = {
  selectionOnScreen: () => {
    const editor = document.querySelector('.editor-group-container.active .monaco-editor');
    if (!editor) return { error: 'no active editor' };
    const box = (el) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width };
    };
    const guard = box(editor.querySelector('.overflow-guard'));
    const minimap = editor.querySelector('.minimap');
    const margin = editor.querySelector('.margin');
    return {
      text: {
        left: margin ? box(margin).right : guard.left,
        right: minimap && box(minimap).width > 0 ? box(minimap).left : guard.right,
        top: guard.top,
        bottom: guard.bottom,
      },
      selections: [...editor.querySelectorAll('.selected-text')].map(box).filter((r) => r.width > 0),
    };
  },
};

/** Answers the probe requests the tests write next to the results file (`<results>.probe`), one at a time. */
function answerProbes(page, resultsFile) {
  const request = `${resultsFile}.probe`;
  let busy = false;
  const timer = setInterval(async () => {
    if (busy || !fs.existsSync(request)) return;
    busy = true;
    try {
      const { id, kind } = JSON.parse(fs.readFileSync(request, 'utf8'));
      fs.rmSync(request, { force: true });
      const probe = PROBES[kind];
      const answer = probe ? await page.evaluate(probe).catch((e) => ({ error: String(e) })) : { error: `unknown probe ${kind}` };
      fs.writeFileSync(`${request}.${id}.answer`, JSON.stringify(answer));
    } catch {
      // A request caught half-written: read again on the next tick.
    } finally {
      busy = false;
    }
  }, 100);
  return () => clearInterval(timer);
}

async function runInBrowser({ workspace, developmentPath, testsPath, resultsFile, env = {}, locale }) {
  const server = await startServer({ workspace, locale, env: { ...env, ANNOTATOR_TEST_RESULTS: resultsFile, ANNOTATOR_TEST_PROBES: '1' } });
  const workbenchLog = [];
  let browser;
  let stopProbes = () => {};
  try {
    browser = await launchChromium(server);
    const page = await browser.newPage();
    let onExit;
    const exit = new Promise((resolve) => (onExit = resolve));
    // Both must exist before the workbench loads: it looks them up to report the end of the run.
    await page.exposeFunction('codeAutomationExit', (code) => onExit(code));
    await page.exposeFunction('codeAutomationLog', (level, args) =>
      workbenchLog.push(`[${level}] ${[].concat(args).map(String).join(' ')}`),
    );
    page.on('pageerror', (e) => workbenchLog.push(`[pageerror] ${e.message}`));
    page.on('crash', () => onExit({ problem: 'the browser page crashed' }));
    stopProbes = answerProbes(page, resultsFile);
    await page.goto(workbenchUrl(server, { workspace, developmentPath, testsPath }));

    const started = Date.now();
    let finished = false;
    const watchdog = (async () => {
      while (!finished) {
        await sleep(500);
        const elapsed = Date.now() - started;
        if (!readResults(resultsFile).started && elapsed > START_TIMEOUT_MS) {
          return {
            problem:
              `the extension host did not start the tests within ${START_TIMEOUT_MS / 1000} s ` +
              '(is the tests bundle built, and does the extension load? see the logs above)',
          };
        }
        if (elapsed > TOTAL_TIMEOUT_MS) return { problem: `the tests did not finish within ${TOTAL_TIMEOUT_MS / 1000} s` };
      }
    })();
    const serverDied = server.exited.then((code) => ({ problem: `code-server exited early (${code})` }));
    const outcome = await Promise.race([exit, watchdog, serverDied]);
    finished = true;
    if (typeof outcome === 'object') return { exitCode: null, problem: outcome.problem, diagnostics: diagnostics() };
    return { exitCode: outcome, problem: null, diagnostics: diagnostics() };
  } finally {
    stopProbes();
    await browser?.close().catch(() => {});
    await server.stop();
  }

  function diagnostics() {
    return [
      '--- workbench log (last 30 lines) ---', ...workbenchLog.slice(-30),
      '--- code-server log (last 30 lines) ---', tail(server.logFile, 30),
    ].join('\n');
  }
}

async function main() {
  setup();
  const testsPath = path.join(P.ROOT, 'dist', 'test', 'integration', 'index.js');
  for (const f of [testsPath, path.join(P.ROOT, 'dist', 'extension.js')]) {
    if (!fs.existsSync(f)) throw new SetupError(`${path.relative(P.ROOT, f)} is missing: run \`node esbuild.js\` first`);
  }
  // The main suite, then each locale's suites in a workbench of its own (the UI language is fixed at start).
  // ANNOTATOR_TEST_SUITES=a,b narrows both to the suites named (see test/integration/index.ts).
  const only = process.env.ANNOTATOR_TEST_SUITES?.split(',').filter(Boolean);
  const runs = [{ title: null, suites: only?.filter((s) => !s.startsWith('locale-')), locale: undefined }];
  for (const locale of LOCALES) {
    const suite = `locale-${locale}`;
    if (!only || only.includes(suite)) runs.push({ title: `UI language ${locale} (code-server --locale ${locale})`, suites: [suite], locale });
  }
  const outcomes = [];
  const t0 = Date.now();
  for (const r of runs) {
    if (r.suites && !r.suites.length) continue;
    const { root, workspace, cleanup } = makeWorkspace(['test/fixtures/workspace']);
    try {
      const resultsFile = path.join(root, 'results.txt');
      const run = await runInBrowser({
        workspace,
        developmentPath: P.ROOT,
        testsPath,
        resultsFile,
        locale: r.locale,
        env: {
          ANNOTATOR_TEST_WORKSPACE: workspace,
          ...(r.suites ? { ANNOTATOR_TEST_SUITES: r.suites.join(',') } : {}),
          ...(r.locale ? { ANNOTATOR_TEST_LOCALE: r.locale } : {}),
        },
      });
      if (run.problem || !readResults(resultsFile).summary) console.error(run.diagnostics);
      outcomes.push({ title: r.title, results: readResults(resultsFile), exitCode: run.exitCode, problem: run.problem });
    } finally {
      cleanup();
    }
  }
  const note = `(VS Code runs took ${((Date.now() - t0) / 1000).toFixed(1)} s)`;
  return concludeAll(outcomes, note);
}

/** UI languages the extension is translated into, each tested in a workbench of its own. */
const LOCALES = ['ja', 'ko'];

module.exports = { runInBrowser };

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (e) => {
      console.error(`integration: ${e instanceof SetupError ? e.message : e.stack}`);
      console.log('integration: 0 passed, 0 failed');
      process.exit(1);
    },
  );
}
