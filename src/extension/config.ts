/** The extension's settings, read in one place. */
import * as vscode from 'vscode';
import { DISPLAY_NAME_MODES, type DisplayNameMode } from '../core/kb/names';

export const SECTION = 'articleAnnotator';

export type SavePolicy = 'onSave' | 'onChange';

export interface Settings {
  /** Glob of the plain-text and Markdown files treated as articles (the `article` language always is). */
  include: string;
  /** Milliseconds of quiet after typing before an article is recognized again. */
  updateDelay: number;
  saveSidecar: SavePolicy;
  showSuggestions: boolean;
  /** Names shown in the sidebar, hover and status bar: the article's language, the UI's, or English. */
  displayNames: DisplayNameMode;
}

export function settings(): Settings {
  const c = vscode.workspace.getConfiguration(SECTION);
  return {
    include: c.get<string>('include') || '**/*.{txt,md}',
    updateDelay: Math.max(0, c.get<number>('updateDelay') ?? 300),
    saveSidecar: c.get<SavePolicy>('saveSidecar') === 'onChange' ? 'onChange' : 'onSave',
    showSuggestions: c.get<boolean>('showSuggestions') ?? true,
    displayNames: DISPLAY_NAME_MODES.find((m) => m === c.get<string>('displayNames')) ?? 'article',
  };
}

export function onDidChangeSettings(listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(SECTION)) listener();
  });
}

/** Whether a document is an article: the `article` language, or a file matching `include`. */
export function isArticleDocument(doc: vscode.TextDocument): boolean {
  if (doc.languageId === 'article') return true;
  if (doc.uri.scheme !== 'file') return false;
  if (doc.uri.path.endsWith('.annotations.json')) return false;
  return vscode.languages.match({ scheme: 'file', pattern: settings().include }, doc) > 0;
}

/** Writes are allowed only in trusted workspaces (declared as limited support in the manifest). */
export function canWrite(): boolean {
  return vscode.workspace.isTrusted;
}
