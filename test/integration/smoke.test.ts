// The harness's own check: the extension loads in a real VS Code and the test workspace is open.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import manifest from '../../package.json';

const EXTENSION_ID = `${manifest.publisher}.${manifest.name}`;

describe('smoke', () => {
  it('finds the extension and activates it', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not installed in this VS Code`);
    await extension.activate();
    assert.strictEqual(extension.isActive, true);
  });

  it('opens the test workspace and reads an article as a text document', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder is open');
    const expected = process.env.ANNOTATOR_TEST_WORKSPACE;
    if (expected) assert.strictEqual(fs.realpathSync(folder.uri.fsPath), fs.realpathSync(expected));

    const uri = vscode.Uri.joinPath(folder.uri, 'ja-sample.txt');
    const editor = await vscode.window.showTextDocument(uri);
    assert.strictEqual(editor.document.uri.toString(), uri.toString());
    assert.strictEqual(editor.document.getText(), fs.readFileSync(path.join(folder.uri.fsPath, 'ja-sample.txt'), 'utf8'));
    assert.ok(editor.document.lineCount >= 3, `expected a multi-line article, got ${editor.document.lineCount} lines`);
  });
});
