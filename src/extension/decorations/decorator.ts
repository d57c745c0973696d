/**
 * Paints the mentions of articles in visible editors only, and remembers
 * what it painted so tests (and nothing else) can read it back.
 */
import * as vscode from 'vscode';
import type { Controller } from '../controller';
import type { ArticleState } from '../articleState';
import { settings } from '../config';
import { createDecorationTypes, key, STATUSES, STYLES, styleOf, type ShownStatus, type Style } from './styles';

export interface DecorationSnapshot {
  style: Style;
  status: ShownStatus;
  ranges: vscode.Range[];
}

export class Decorator implements vscode.Disposable {
  private readonly types = createDecorationTypes();
  private readonly painted = new Map<string, DecorationSnapshot[]>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly controller: Controller) {
    this.disposables.push(
      controller.onDidChange((s) => this.paintDocument(s)),
      vscode.window.onDidChangeVisibleTextEditors(() => this.paintAll()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('articleAnnotator') && this.paintAll()),
    );
    this.paintAll();
  }

  /** What was last painted in `editor`, per style and status (read-only copy). */
  snapshot(editor: vscode.TextEditor): DecorationSnapshot[] {
    return (this.painted.get(editor.document.uri.toString()) ?? []).map((d) => ({ ...d, ranges: [...d.ranges] }));
  }

  dispose(): void {
    for (const t of this.types.values()) t.dispose();
    for (const d of this.disposables) d.dispose();
  }

  private paintAll(): void {
    const visible = new Set(vscode.window.visibleTextEditors.map((e) => e.document.uri.toString()));
    for (const k of [...this.painted.keys()]) if (!visible.has(k)) this.painted.delete(k);
    for (const editor of vscode.window.visibleTextEditors) this.paint(editor, this.controller.get(editor.document.uri));
  }

  private paintDocument(state: ArticleState): void {
    for (const editor of vscode.window.visibleTextEditors) {
      if (editor.document.uri.toString() === state.uri.toString()) this.paint(editor, this.controller.get(state.uri));
    }
  }

  private paint(editor: vscode.TextEditor, state: ArticleState | undefined): void {
    if (!state && !this.painted.has(editor.document.uri.toString())) return;
    const showSuggestions = settings().showSuggestions;
    const buckets = new Map<string, vscode.Range[]>();
    for (const m of state?.view.mentions ?? []) {
      if (m.status === 'recognized' && !showSuggestions) continue;
      const k = key(styleOf(m.type), m.status === 'confirmed' ? 'confirmed' : 'suggested');
      let list = buckets.get(k);
      if (!list) buckets.set(k, (list = []));
      list.push(state!.range(m));
    }
    const snapshot: DecorationSnapshot[] = [];
    for (const style of STYLES) {
      for (const status of STATUSES) {
        const ranges = buckets.get(key(style, status)) ?? [];
        editor.setDecorations(this.types.get(key(style, status))!, ranges);
        if (ranges.length) snapshot.push({ style, status, ranges });
      }
    }
    if (state) this.painted.set(editor.document.uri.toString(), snapshot);
    else this.painted.delete(editor.document.uri.toString());
  }
}
