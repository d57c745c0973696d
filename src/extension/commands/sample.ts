/**
 * Open Sample Article (the walkthrough's first step): a copy of the sample shipped in
 * media/walkthrough, kept in the extension's own storage so trying things out never writes into
 * the user's folder. An existing copy is opened as it is, annotations and all.
 */
import * as vscode from 'vscode';
import { fileName, log } from '../log';
import type { Services } from './context';
import { CMD } from './ids';

const SAMPLE = 'sample-article.md';

export function registerSample(s: Services): vscode.Disposable[] {
  return [vscode.commands.registerCommand(CMD.openSample, () => openSample(s))];
}

async function openSample(s: Services): Promise<vscode.TextEditor | undefined> {
  if (!s.extension) return undefined;
  const copy = vscode.Uri.joinPath(s.extension.storage, SAMPLE);
  try {
    await vscode.workspace.fs.stat(copy);
  } catch {
    // Not there yet (the first run, or the storage was cleared): copy it.
    await vscode.workspace.fs.createDirectory(s.extension.storage);
    await vscode.workspace.fs.copy(vscode.Uri.joinPath(s.extension.uri, 'media', 'walkthrough', SAMPLE), copy);
    log.info(`copied the sample article to ${fileName(copy)}`);
  }
  return vscode.window.showTextDocument(copy, { preview: false });
}
