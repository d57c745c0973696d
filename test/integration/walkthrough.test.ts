// The walkthrough (contributes.walkthroughs): every step's picture ships, every step links a command the
// extension has, and its first step's Open Sample Article opens a recognized article outside the workspace.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { annotator, closeAllEditors, EXTENSION_ID, waitFor } from './helpers';

interface Step {
  id: string;
  description: string;
  media: { image: string };
}

describe('walkthrough', () => {
  after(closeAllEditors);

  it('has a picture and a working command link in every step', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const [walkthrough] = ext.packageJSON.contributes.walkthroughs as Array<{ steps: Step[] }>;
    assert.deepStrictEqual(walkthrough.steps.map((s) => s.id), ['openSample', 'highlights', 'tag', 'review', 'export']);
    const commands = new Set(await vscode.commands.getCommands(true));
    for (const step of walkthrough.steps) {
      assert.ok(fs.statSync(path.join(ext.extensionPath, step.media.image)).size > 1000, `${step.id}: ${step.media.image}`);
      const links = [...step.description.matchAll(/\(command:([\w.]+)\)/g)].map((m) => m[1]);
      assert.ok(links.length > 0, `${step.id} links no command`);
      for (const id of links) assert.ok(commands.has(id), `${step.id} links ${id}, which is not registered`);
    }
  });

  it('Open Sample Article opens a copy outside the workspace, recognized, and reopens the same copy', async () => {
    const api = await annotator();
    await vscode.commands.executeCommand('articleAnnotator.openSample');
    const editor = vscode.window.activeTextEditor!;
    assert.strictEqual(path.basename(editor.document.uri.fsPath), 'sample-article.md');
    const workspace = vscode.workspace.workspaceFolders![0].uri.fsPath;
    assert.ok(!editor.document.uri.fsPath.startsWith(workspace), 'nothing is written into the workspace');
    await waitFor(() => !!api.article(editor.document.uri)?.mentions.some((m) => m.entity === 'yoko-kamikawa'), 'the sample recognized');

    // A change to the copy stays: the command opens it again instead of copying anew.
    await editor.edit((e) => e.insert(new vscode.Position(editor.document.lineCount - 1, 0), 'Notes.\n'));
    await editor.document.save();
    await closeAllEditors();
    await vscode.commands.executeCommand('articleAnnotator.openSample');
    assert.match(vscode.window.activeTextEditor!.document.getText(), /Notes\.\n/);
  });
});
