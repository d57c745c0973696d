// Throwaway copies of fixture folders, so a run never edits the checked-in fixtures.
const fs = require('fs');
const os = require('os');
const path = require('path');
const P = require('./paths');

/**
 * Copies the first existing fixture folder (relative to the repo) into a new temp folder.
 * @param {string[]} candidates e.g. ['test/fixtures/articles', 'test/fixtures/workspace']
 * @returns {{ root: string, workspace: string, source: string, cleanup: () => void }}
 */
function makeWorkspace(candidates) {
  const source = candidates.map((c) => path.join(P.ROOT, c)).find((d) => fs.existsSync(d) && fs.readdirSync(d).length > 0);
  if (!source) throw new Error(`none of these fixture folders exists or has files: ${candidates.join(', ')}`);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'annotator-ws-'));
  const workspace = path.join(root, 'workspace');
  fs.cpSync(source, workspace, { recursive: true });
  return { root, workspace, source, cleanup: () => fs.rmSync(root, { recursive: true, force: true }) };
}

module.exports = { makeWorkspace };
