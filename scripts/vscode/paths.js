// Where the headless VS Code harness keeps its tools. One place, so setup, server and runners agree.
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
// ANNOTATOR_VSCODE_CACHE lets CI (a fresh clone each run) reuse one install across clones.
const CACHE = path.resolve(process.env.ANNOTATOR_VSCODE_CACHE || path.join(ROOT, '.cache'));

const NODE_VERSION = '24.15.0'; // the Node.js line this code-server release is built for
const CODE_SERVER_VERSION = '4.139.1'; // VS Code 1.139.1
const NODE_DIR = path.join(CACHE, 'node24');
const CODE_SERVER_DIR = path.join(CACHE, 'code-server');

module.exports = {
  ROOT,
  CACHE,
  NODE_VERSION,
  CODE_SERVER_VERSION,
  NODE_DIR,
  NODE_BIN: path.join(NODE_DIR, 'bin', 'node'),
  CODE_SERVER_DIR,
  CODE_SERVER_ENTRY: path.join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
  // Written only after a complete install, so an interrupted one is redone.
  CODE_SERVER_MARKER: path.join(CODE_SERVER_DIR, `.installed-${CODE_SERVER_VERSION}`),
  CHROMIUM: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  EXTENSION_ID: (() => {
    const pkg = require(path.join(ROOT, 'package.json'));
    return `${pkg.publisher}.${pkg.name}`;
  })(),
};
