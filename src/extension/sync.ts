/**
 * Keeps sidecars and editors in step: writes the sidecar (on document save,
 * or on every change with `saveSidecar: onChange`), reloads it when it
 * changes on disk, and moves it with its article. Nothing is written in an
 * untrusted workspace.
 */
import * as fs from 'fs';
import * as vscode from 'vscode';
import { articlePathFor, isSidecarPath, SidecarBusyError, SidecarError, SIDECAR_SUFFIX } from '../core/annotations';
import { moveSidecar } from '../core/workspace/sidecarMove';
import type { ArticleState } from './articleState';
import { canWrite, settings } from './config';
import type { Controller } from './controller';
import { fileName, log } from './log';
import { notify } from './ui';

/** Writes a burst of changes once. */
const SAVE_DELAY_MS = 200;

export class SidecarSync implements vscode.Disposable {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly saving = new Set<Promise<unknown>>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly controller: Controller) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/*${SIDECAR_SUFFIX}`);
    const reload = (uri: vscode.Uri) => {
      if (!isSidecarPath(uri.fsPath)) return;
      void this.controller.get(vscode.Uri.file(articlePathFor(uri.fsPath)))?.reloadSidecar();
    };
    this.disposables.push(
      watcher,
      watcher.onDidChange(reload),
      watcher.onDidCreate(reload),
      watcher.onDidDelete(reload),
      vscode.workspace.onDidSaveTextDocument((doc) => {
        const state = this.controller.get(doc.uri);
        if (state) void this.saveNow(state);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        const state = this.controller.get(e.document.uri);
        if (state && settings().saveSidecar === 'onChange') this.saveSoon(state);
      }),
      controller.onDidChange((state) => this.afterChange(state)),
      controller.onWillClose((state) => {
        if (state.store?.hasUnsavedChanges && !state.document.isDirty && fs.existsSync(state.uri.fsPath)) void this.saveNow(state);
      }),
      vscode.workspace.onWillRenameFiles((e) => e.waitUntil(this.saveBeforeRename(e.files))),
      vscode.workspace.onDidRenameFiles((e) => this.moveSidecars(e.files)),
    );
  }

  /** Resolves when every write started so far has ended. */
  async whenIdle(): Promise<void> {
    while (this.timers.size || this.saving.size) {
      await Promise.all([...this.saving]);
      if (this.timers.size) await new Promise((r) => setTimeout(r, SAVE_DELAY_MS / 4));
    }
  }

  /** Write one article's sidecar now (when allowed); errors are shown, not thrown. */
  saveNow(state: ArticleState): Promise<void> {
    const key = state.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    const store = state.store;
    if (!store || store.readOnly || !canWrite()) return Promise.resolve();
    const p = store.save().then(
      (r) => {
        if (r.written || r.merged) log.info(`wrote ${fileName(store.sidecarPath)}${r.merged ? ' (merged changes another writer made)' : ''}`);
      },
      (e) => this.report(store.sidecarPath, e),
    );
    this.saving.add(p);
    return p.finally(() => this.saving.delete(p));
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }

  /**
   * With `onSave`, annotation changes to an article with no unsaved edits go
   * to disk at once (the offsets fit the file); otherwise with the document.
   */
  private afterChange(state: ArticleState): void {
    if (!state.store?.hasUnsavedChanges) return;
    if (settings().saveSidecar === 'onChange' || !state.document.isDirty) this.saveSoon(state);
  }

  private saveSoon(state: ArticleState): void {
    const key = state.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        const live = this.controller.get(key);
        if (live) void this.saveNow(live);
      }, SAVE_DELAY_MS),
    );
  }

  private async saveBeforeRename(files: readonly { oldUri: vscode.Uri }[]): Promise<void> {
    await Promise.all(
      files.map((f) => this.controller.get(f.oldUri)).filter((s): s is ArticleState => !!s?.store?.hasUnsavedChanges).map((s) => this.saveNow(s)),
    );
  }

  private async moveSidecars(files: readonly { oldUri: vscode.Uri; newUri: vscode.Uri }[]): Promise<void> {
    if (!canWrite()) return;
    for (const { oldUri, newUri } of files) {
      if (oldUri.scheme !== 'file' || newUri.scheme !== 'file') continue;
      try {
        const result = await moveSidecar(oldUri.fsPath, newUri.fsPath);
        log.info(`sidecar of renamed ${fileName(oldUri)} → ${fileName(newUri)}: ${result}`);
        if (result === 'conflict') {
          notify('warning', vscode.l10n.t('{0} already exists; the old sidecar was left where it was.', vscode.workspace.asRelativePath(newUri) + SIDECAR_SUFFIX));
        }
      } catch (e) {
        log.error(`could not move the sidecar of ${fileName(oldUri)} to ${fileName(newUri)}`, e);
        notify('error', vscode.l10n.t('could not move the sidecar of {0}: {1}', vscode.workspace.asRelativePath(oldUri), (e as Error).message));
      }
      await this.controller.get(newUri)?.reloadSidecar();
    }
  }

  private report(sidecar: string, e: unknown): void {
    log.error(`could not save ${fileName(sidecar)}`, e);
    if (e instanceof SidecarError) return; // shown by Problems, which watches store errors
    if (e instanceof SidecarBusyError) notify('warning', e.message);
    else notify('error', vscode.l10n.t('could not save annotations: {0}', e instanceof Error ? e.message : String(e)));
  }
}
