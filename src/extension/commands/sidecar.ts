/** Open Sidecar, Rescan and Export Annotations: the article's files. */
import * as fs from 'fs';
import * as vscode from 'vscode';
import { sidecarPathFor } from '../../core/annotations';
import { notify } from '../ui';
import { articleOf, type Services } from './context';
import { exportArticle, type ExportArg } from './export';
import { CMD } from './ids';

export function registerSidecarCommands(s: Services): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(CMD.openSidecar, async (arg?: { uri?: string }) => {
      const state = await articleOf(s, arg?.uri);
      const article = state?.uri ?? (arg?.uri ? vscode.Uri.parse(arg.uri) : undefined);
      if (!article || article.scheme !== 'file') return notify('info', 'Article Annotator: no article to open the sidecar of.');
      const sidecar = article.fsPath.endsWith('.annotations.json') ? article.fsPath : sidecarPathFor(article.fsPath);
      if (!fs.existsSync(sidecar)) return notify('info', `Article Annotator: ${vscode.workspace.asRelativePath(article)} has no annotations saved yet.`);
      await vscode.window.showTextDocument(vscode.Uri.file(sidecar), { preview: false });
    }),
    vscode.commands.registerCommand(CMD.rescan, async () => {
      s.knowledge.reload();
      s.index.invalidateAll();
      for (const state of s.controller.all()) await state.reloadSidecar();
    }),
    vscode.commands.registerCommand(CMD.exportAnnotations, (arg?: ExportArg) => exportArticle(s, arg ?? {})),
  ];
}
