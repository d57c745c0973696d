#!/usr/bin/env node
// `npm start`: serves VS Code (code-server) on 127.0.0.1 with this extension installed and the sample
// articles open, until Ctrl-C; `npm start -- DIR` opens the folder DIR itself instead (edits stay there). Options: --port N, --check (open it in headless Chromium, confirm that
// the extension activates on an article, then stop; exit code 0 when it did).
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const P = require('./paths');
const { setup, SetupError } = require('./setup');
const { startServer, workbenchUrl, extensionHostLog, tail, linkExtension, launchChromium } = require('./server');
const { makeWorkspace } = require('./workspace');

function parseArgs(argv) {
  const opts = { port: undefined, check: false, folder: undefined };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--check') opts.check = true;
    else if (argv[i] === '--port') opts.port = Number(argv[++i]);
    else if (!argv[i].startsWith('-') && opts.folder === undefined) opts.folder = argv[i];
    else throw new SetupError(`unknown option ${argv[i]} (usage: npm start -- [DIR] [--port N] [--check])`);
  }
  if (opts.folder !== undefined) {
    // npm runs scripts from the package root; a relative DIR means the caller's directory.
    opts.folder = path.resolve(process.env.INIT_CWD || process.cwd(), opts.folder);
    if (!fs.existsSync(opts.folder) || !fs.statSync(opts.folder).isDirectory()) throw new SetupError(`not a folder: ${opts.folder}`);
  }
  if (opts.port !== undefined && !(opts.port > 0 && opts.port < 65536)) throw new SetupError('--port needs a number');
  return opts;
}


/** Opens an article in headless Chromium and waits for the extension host to log the activation. */
async function checkActivation(server, url, article) {
  const browser = await launchChromium(server);
  try {
    const page = await browser.newPage();
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    const activated = new RegExp(`_doActivateExtension ${P.EXTENSION_ID.replace(/\./g, '\\.')}\\b.*`);
    const failed = new RegExp(`Activating extension '?${P.EXTENSION_ID.replace(/\./g, '\\.')}'? failed.*`, 'i');
    const loaded = Date.now();
    const deadline = loaded + 60_000;
    let opened = false;
    while (Date.now() < deadline) {
      const log = extensionHostLog(server);
      if (failed.test(log)) throw new Error(`the extension failed to activate: ${log.match(failed)[0]}`);
      if (activated.test(log)) return log.match(activated)[0];
      if (!opened && (log.includes('Eager extensions activated') || Date.now() - loaded > 15_000)) {
        // Quick Open the article, the way a user would; that fires the extension's language activation.
        await page.keyboard.press('Control+P');
        await page.keyboard.type(article);
        await page.waitForTimeout(500);
        await page.keyboard.press('Enter');
        opened = true;
      }
      await page.waitForTimeout(500);
    }
    throw new Error(`no activation of ${P.EXTENSION_ID} in the extension host log within 60 s`);
  } finally {
    await browser.close();
  }
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  setup();
  console.log('start: building (node esbuild.js)');
  const build = spawnSync(process.execPath, ['esbuild.js'], { cwd: P.ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (build.status !== 0) throw new SetupError('the build failed');

  const ws = opts.folder
    ? { workspace: opts.folder, source: opts.folder, cleanup: () => {} }
    : makeWorkspace(['test/fixtures/articles', 'test/fixtures/workspace']);
  const ext = linkExtension();
  let server;
  const cleanup = async () => {
    await server?.stop();
    ws.cleanup();
    ext.cleanup();
  };
  try {
    server = await startServer({ workspace: ws.workspace, extensionsDir: ext.dir, port: opts.port });
  } catch (e) {
    await cleanup();
    throw e;
  }
  const url = workbenchUrl(server, { workspace: ws.workspace });
  console.log(opts.folder ? `start: opening ${ws.workspace}` : `start: articles copied from ${path.relative(P.ROOT, ws.source)} to ${ws.workspace}`);
  console.log(`start: server log ${server.logFile}`);

  if (opts.check) {
    try {
      const article = fs.readdirSync(ws.workspace).find((f) => /\.(txt|md)$/.test(f));
      console.log(`start: check: ${await checkActivation(server, url, article)}`);
      return 0;
    } catch (e) {
      console.error(`start: check failed: ${e.message}\n${tail(server.logFile, 20)}`);
      return 1;
    } finally {
      await cleanup();
    }
  }

  console.log(`\n  VS Code with Article Annotator: ${url}\n  (Ctrl-C to stop)\n`);
  return new Promise((resolve) => {
    let stopping = false;
    const stop = async () => {
      if (stopping) return;
      stopping = true;
      console.log('\nstart: stopping');
      await cleanup();
      resolve(0);
    };
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.once(signal, stop);
    // npm runs this under `sh -c`, which may die of the signal without passing it on: when the
    // parent goes away (this process is re-parented), stop the server's process group too.
    const parent = process.ppid;
    const watch = setInterval(() => {
      if (!stopping && process.ppid !== parent) stop();
    }, 500);
    watch.unref();
    server.exited.then(async (code) => {
      if (stopping) return;
      console.error(`start: code-server exited (${code}):\n${tail(server.logFile, 20)}`);
      await cleanup();
      resolve(1);
    });
  });
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`start: ${e instanceof SetupError ? e.message : e.stack}`);
    process.exit(1);
  },
);
