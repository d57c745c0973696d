/** Open Sidecar, Rescan and Export Annotations: the article's files. */
import * as fs from 'fs';
import * as vscode from 'vscode';
import { ArticleAnnotations, sidecarPathFor } from '../../core/annotations';
import { canWrite } from '../config';
import { notify } from '../ui';
import { articleOf, type Services } from './context';
import { exportArticle, type ExportArg } from './export';
import { CMD } from './ids';

export function registerSidecarCommands(s: Services): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(CMD.openSidecar, async (arg?: { uri?: string }) => {
      const state = await articleOf(s, arg?.uri);
      const article = state?.uri ?? (arg?.uri ? vscode.Uri.parse(arg.uri) : undefined);
      if (!article || article.scheme !== 'file') return notify('info', vscode.l10n.t('no article to open the sidecar of.'));
      const sidecar = article.fsPath.endsWith('.annotations.json') ? article.fsPath : sidecarPathFor(article.fsPath);
      if (!fs.existsSync(sidecar)) return notify('info', vscode.l10n.t('{0} has no annotations saved yet.', vscode.workspace.asRelativePath(article)));
      await vscode.window.showTextDocument(vscode.Uri.file(sidecar), { preview: false });
    }),
    // A sidecar reported as not belonging to its article (another file's, or another text's): take it over.
    vscode.commands.registerCommand(CMD.adoptSidecar, async (arg?: { uri?: string }) => {
      const state = await articleOf(s, arg?.uri);
      if (!state || state.uri.scheme !== 'file') return notify('info', vscode.l10n.t('no article to adopt the sidecar for.'));
      if (!canWrite()) return notify('info', vscode.l10n.t('nothing is written in an untrusted workspace.'));
      const kb = s.knowledge.kb;
      const adopted = await ArticleAnnotations.load(state.uri.fsPath, state.currentText, {
        kb: { get: (id) => kb.get(id), displayName: (id) => kb.displayName(id) },
        adopt: true,
      });
      if (adopted.error) return notify('error', adopted.error.message);
      await adopted.save();
      await state.reloadSidecar();
      notify(
        'info',
        vscode.l10n.t(
          'the sidecar now belongs to {0}: {1} annotations found, {2} orphaned.',
          vscode.workspace.asRelativePath(state.uri),
          adopted.annotations().length,
          adopted.orphans().length,
        ),
      );
    }),
    vscode.commands.registerCommand(CMD.rescan, async () => {
      s.knowledge.reload();
      s.index.invalidateAll();
      for (const state of s.controller.all()) await state.reloadSidecar();
    }),
    vscode.commands.registerCommand(CMD.exportAnnotations, (arg?: ExportArg) => exportArticle(s, arg ?? {})),
  ];
}
