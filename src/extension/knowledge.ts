/**
 * The window's knowledge base: built-in data overlaid by the workspace file
 * (`article-annotator.kb.json` at the first workspace folder's root or
 * above), reloaded when that file changes.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { KbError, KnowledgeBase, WORKSPACE_KB_FILE, type WorkspaceKb } from '../core/kb';
import { knowledgeAt, workspaceKbPath } from '../core/workspace/kb';
import type { Recognizer } from './recognizer/client';
import { fileName, log } from './log';
import { notify } from './ui';

export class Knowledge implements vscode.Disposable {
  kb: KnowledgeBase = KnowledgeBase.builtin();
  /** The workspace file's content in use (null: built-in data only), for threads that build their own KB. */
  workspace: WorkspaceKb | null = null;
  error: KbError | null = null;
  private fileInUse: string | null = null;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(private readonly recognizer: Recognizer) {
    const root = this.root();
    if (root) {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(root, WORKSPACE_KB_FILE));
      const reload = () => this.reload();
      this.disposables.push(watcher, watcher.onDidChange(reload), watcher.onDidCreate(reload), watcher.onDidDelete(reload));
    }
    this.load();
  }

  /** Where Add Alias writes: the file in use, else a new one at the workspace root. */
  get file(): string | undefined {
    const root = this.root();
    return this.fileInUse ?? (root ? workspaceKbPath(root) : undefined);
  }

  /** Reads the workspace file again and tells everyone who recognizes articles. */
  reload(): void {
    this.load();
    this.changed.fire();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private load(): void {
    const root = this.root();
    const k = root ? knowledgeAt(root) : { kb: KnowledgeBase.builtin(), file: null, workspace: null, error: null };
    this.kb = k.kb;
    this.workspace = k.workspace;
    this.error = k.error;
    this.fileInUse = k.file;
    log.info(`knowledge base: ${this.kb.size} entities${k.file ? ` (with ${fileName(k.file)})` : ''}`);
    if (k.error) notify('warning', vscode.l10n.t('the workspace knowledge base is ignored: {0}', k.error.message));
    this.recognizer.setKnowledge(this.kb, k.workspace, k.file);
  }

  private root(): string | undefined {
    const folder = vscode.workspace.workspaceFolders?.[0];
    return folder?.uri.scheme === 'file' ? path.normalize(folder.uri.fsPath) : undefined;
  }
}
