/**
 * Reports what needs the analyst's attention: a broken sidecar (an error on
 * the sidecar file and a notification with Open Sidecar, once per problem)
 * and orphaned annotations (information on the article, where they were).
 */
import * as vscode from 'vscode';
import type { ArticleState } from './articleState';
import { CMD } from './commands/ids';
import type { Controller } from './controller';
import { notify } from './ui';

const SOURCE = 'Article Annotator';

export class Problems implements vscode.Disposable {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('articleAnnotator');
  /** Sidecar problems already announced, so a reload does not repeat the notification. */
  private readonly announced = new Map<string, string>();
  private readonly disposables: vscode.Disposable[] = [this.diagnostics];

  constructor(private readonly controller: Controller) {
    this.disposables.push(
      controller.onDidChange((s) => this.update(s)),
      controller.onWillClose((s) => this.clear(s)),
    );
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private update(state: ArticleState): void {
    if (!this.controller.get(state.uri)) return this.clear(state);
    const store = state.store;
    const orphans = store?.orphans() ?? [];
    this.diagnostics.set(
      state.uri,
      orphans.map((a) => {
        const at = state.position(a.start);
        const d = new vscode.Diagnostic(
          new vscode.Range(at, at),
          vscode.l10n.t('Orphaned annotation “{0}” ({1}): its text is no longer in the article. Restore the text or remove the annotation.', a.quote.exact, a.entity),
          vscode.DiagnosticSeverity.Information,
        );
        d.source = SOURCE;
        return d;
      }),
    );
    if (!store) return;
    const sidecar = vscode.Uri.file(store.sidecarPath);
    const error = store.error;
    if (!error) {
      this.diagnostics.delete(sidecar);
      this.announced.delete(sidecar.toString());
      return;
    }
    const origin = new vscode.Range(0, 0, 0, 0);
    const problems = error.problems.length ? error.problems : [{ path: '', message: error.message }];
    this.diagnostics.set(
      sidecar,
      problems.map((p) => {
        const d = new vscode.Diagnostic(origin, p.path ? `${p.path}: ${p.message}` : p.message, vscode.DiagnosticSeverity.Error);
        d.source = SOURCE;
        return d;
      }),
    );
    if (this.announced.get(sidecar.toString()) === error.message) return;
    this.announced.set(sidecar.toString(), error.message);
    notify('error', `${error.message}\n${vscode.l10n.t('Annotations of this article are read-only until the file is fixed; it will not be overwritten.')}`, {
      [vscode.l10n.t('Open Sidecar')]: () => vscode.commands.executeCommand(CMD.openSidecar, { uri: state.uri.toString() }),
      ...(error.reason === 'foreign' ? { [vscode.l10n.t('Adopt Sidecar')]: () => vscode.commands.executeCommand(CMD.adoptSidecar, { uri: state.uri.toString() }) } : {}),
    });
  }

  private clear(state: ArticleState): void {
    this.diagnostics.delete(state.uri);
    if (state.store) this.diagnostics.delete(vscode.Uri.file(state.store.sidecarPath));
  }
}
