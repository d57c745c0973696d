// Starts and stops a headless VS Code (code-server) on 127.0.0.1 for tests and `npm start`.
const { spawn } = require('child_process');
const fs = require('fs');
const http = require('http');
const net = require('net');
const os = require('os');
const path = require('path');
const P = require('./paths');

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function healthy(port) {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/healthz', timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => req.destroy());
  });
}

function tail(file, lines = 40) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

// A quiet workbench: no welcome page, chat panel, tips or network chatter.
const DEFAULT_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
};

/**
 * Lets `--locale` take effect offline. VS Code only switches its language (vscode.env.language, and so the
 * extensions' package.nls.<locale>.json and l10n bundles) when a language pack for it is installed, and
 * the packs come from the marketplace. This declares an empty one in the user-data dir, as the language
 * pack service would for an installed pack: the workbench runs in `locale`, VS Code's own strings stay
 * English (they have no translation), and every extension's own translations are used.
 */
function declareLanguagePack(userDataDir, locale) {
  const translations = path.join(userDataDir, `empty-language-pack-${locale}.i18n.json`);
  fs.writeFileSync(translations, JSON.stringify({ contents: {} }));
  const pack = { extensionIdentifier: { id: `article-annotator.empty-language-pack-${locale}` }, version: '0.0.0' };
  const packs = { [locale]: { hash: `annotator-empty-${locale}`, extensions: [pack], translations: { vscode: translations }, label: locale } };
  fs.writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify(packs, null, 2));
}

/**
 * Starts code-server on `workspace` with a throwaway user-data dir.
 * @param {object} o
 * @param {string} o.workspace folder to open
 * @param {Record<string,string>} [o.env] extra environment; the extension host inherits it
 * @param {string} [o.extensionsDir] defaults to an empty temp folder
 * @param {Record<string, unknown>} [o.settings] user settings, on top of DEFAULT_SETTINGS
 * @param {number} [o.port] defaults to a free one
 * @param {string} [o.locale] UI language (`--locale`, with an empty language pack: see declareLanguagePack)
 * @param {number} [o.startTimeoutMs]
 * @returns {Promise<{url: string, port: number, logFile: string, tmpDir: string, userDataDir: string,
 *   stop: () => Promise<void>, exited: Promise<number|string>}>}
 */
async function startServer({ workspace, env = {}, extensionsDir, settings = {}, port, locale, startTimeoutMs = 60_000 }) {
  for (const f of [P.NODE_BIN, P.CODE_SERVER_ENTRY]) {
    if (!fs.existsSync(f)) throw new Error(`${f} is missing: run \`npm run setup:vscode\` first`);
  }
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'annotator-vscode-'));
  const userDataDir = path.join(tmpDir, 'user-data');
  const extDir = extensionsDir ?? path.join(tmpDir, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...DEFAULT_SETTINGS, ...settings }, null, 2));
  fs.mkdirSync(extDir, { recursive: true });
  if (locale) declareLanguagePack(userDataDir, locale);
  const logFile = path.join(tmpDir, 'server.log');
  const logFd = fs.openSync(logFile, 'a');
  port ??= await freePort();
  const args = [
    P.CODE_SERVER_ENTRY,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extDir,
    // Without it the workbench ignores the `payload` URL parameter that starts extension tests.
    '--vscode-option', 'enable-smoke-test-driver',
    ...(locale ? ['--locale', locale] : []),
    workspace,
  ];
  const child = spawn(P.NODE_BIN, args, {
    // Own process group, so stop() also ends the extension host and other children.
    detached: true,
    stdio: ['ignore', logFd, logFd],
    env: {
      ...process.env,
      // No marketplace, and code-server's own config and logs stay in tmpDir instead of the home folder.
      EXTENSIONS_GALLERY: '{}',
      XDG_CONFIG_HOME: path.join(tmpDir, 'config'),
      XDG_DATA_HOME: path.join(tmpDir, 'data'),
      ...env,
    },
  });
  let exitCode;
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve((exitCode = code ?? signal))));

  let stopping;
  const stop = () =>
    (stopping ??= (async () => {
      if (exitCode === undefined) {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {}
        const killer = setTimeout(() => {
          try {
            process.kill(-child.pid, 'SIGKILL');
          } catch {}
        }, 5000);
        await exited;
        clearTimeout(killer);
      }
      // Children that outlive the main process (an extension host, say) go too.
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
      fs.closeSync(logFd);
      fs.rmSync(tmpDir, { recursive: true, force: true });
    })());

  const deadline = Date.now() + startTimeoutMs;
  while (!(await healthy(port))) {
    if (exitCode !== undefined) {
      const log = tail(logFile);
      await stop();
      throw new Error(`code-server exited (${exitCode}) before answering /healthz:\n${log}`);
    }
    if (Date.now() > deadline) {
      const log = tail(logFile);
      await stop();
      throw new Error(`code-server did not answer /healthz within ${startTimeoutMs / 1000} s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url: `http://127.0.0.1:${port}/`, port, logFile, tmpDir, userDataDir, stop, exited };
}

/**
 * The workbench URL that opens `workspace` and, when given, loads the extension at `developmentPath`
 * and runs the tests at `testsPath` (both are paths on the server's disk).
 */
function workbenchUrl(server, { workspace, developmentPath, testsPath }) {
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const payload = [['skipWelcome', 'true']];
  if (developmentPath) payload.push(['extensionDevelopmentPath', remote(developmentPath)]);
  if (testsPath) payload.push(['extensionTestsPath', remote(testsPath)]);
  const query = new URLSearchParams({ folder: workspace, payload: JSON.stringify(payload) });
  return `${server.url}?${query}`;
}

/** The remote extension hosts' logs so far (activations, extension errors), oldest first. */
function extensionHostLog(server) {
  const logs = path.join(server.userDataDir, 'logs');
  if (!fs.existsSync(logs)) return '';
  return fs
    .readdirSync(logs, { recursive: true })
    .filter((f) => path.basename(f) === 'remoteexthost.log')
    .sort()
    .map((f) => fs.readFileSync(path.join(logs, f), 'utf8'))
    .join('\n');
}

/** An extensions folder holding the repo under the name VS Code expects, so rebuilds show after a window reload. */
function linkExtension() {
  const { version } = require(path.join(P.ROOT, 'package.json'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'annotator-extensions-'));
  fs.symlinkSync(P.ROOT, path.join(dir, `${P.EXTENSION_ID}-${version}`), 'dir');
  // Removing the folder unlinks the symlink; it never follows it into the repo.
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Flags for headless Chromium on a machine whose only network is loopback. */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/** Debian's Chromium, headless, its config and crash reports kept in the server's temp folder. */
function launchChromium(server) {
  const { chromium } = require('playwright-core');
  return chromium.launch({
    executablePath: P.CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    env: { ...process.env, XDG_CONFIG_HOME: path.join(server.tmpDir, 'browser-config') },
  });
}

module.exports = { startServer, workbenchUrl, extensionHostLog, tail, linkExtension, launchChromium };
