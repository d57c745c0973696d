/** The status bar item: how many entities the active article mentions; a click opens the sidebar. */
import * as vscode from 'vscode';
import { CMD } from './commands/ids';
import type { Controller } from './controller';
import { PRODUCT } from './ui';

export class StatusBar implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('articleAnnotator.entities', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [this.item];

  constructor(private readonly controller: Controller) {
    this.item.name = PRODUCT;
    this.item.command = CMD.showSidebar;
    this.disposables.push(
      controller.onDidChange(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
    );
    this.update();
  }

  update(): void {
    const editor = vscode.window.activeTextEditor;
    const state = editor && this.controller.get(editor.document.uri);
    if (!state) {
      this.item.hide();
      return;
    }
    const { mentions, orphans } = state.view;
    const entities = new Set(mentions.map((m) => m.entity)).size;
    const confirmed = mentions.filter((m) => m.status === 'confirmed').length;
    this.item.text = `$(tag) ${entities === 1 ? vscode.l10n.t('1 entity') : vscode.l10n.t('{0} entities', entities)}${state.error ? ' $(error)' : ''}`;
    this.item.tooltip = [
      vscode.l10n.t('{0} entities, {1} mentions ({2} confirmed, {3} suggested)', entities, mentions.length, confirmed, mentions.length - confirmed),
      orphans.length ? vscode.l10n.t('{0} orphaned annotations', orphans.length) : '',
      state.error ? vscode.l10n.t('Sidecar problem: {0}', state.error.message) : '',
      vscode.l10n.t('Click to show the Entities view'),
    ]
      .filter(Boolean)
      .join('\n');
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** How long a command's confirmation stays in the status bar. */
const FLASH_MS = 4000;
const flashes: string[] = [];

/** A short sign in the status bar that a command worked (tests read `flashed()`). */
export function flash(text: string): void {
  flashes.push(text);
  vscode.window.setStatusBarMessage(`$(check) ${text}`, FLASH_MS);
}

export function flashed(): readonly string[] {
  return flashes;
}
