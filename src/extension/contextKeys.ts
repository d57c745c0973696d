/** Context keys the manifest's menus, keybindings and welcome view read. */
import * as vscode from 'vscode';
import type { Controller } from './controller';

export function trackContextKeys(controller: Controller): vscode.Disposable[] {
  const update = () => {
    const editor = vscode.window.activeTextEditor;
    void vscode.commands.executeCommand('setContext', 'articleAnnotator.isArticle', !!(editor && controller.get(editor.document.uri)));
    void vscode.commands.executeCommand('setContext', 'articleAnnotator.articleOpen', controller.all().length > 0);
  };
  update();
  return [vscode.window.onDidChangeActiveTextEditor(update), controller.onDidChange(update)];
}
