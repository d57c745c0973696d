/** Next / Previous Entity: move the selection to the neighbouring mention, wrapping around. */
import * as vscode from 'vscode';
import { nextSpan } from '../../core/workspace/navigate';
import { revealCentred } from '../reveal';
import type { Services } from './context';
import { CMD } from './ids';

export function registerNavigation(s: Services): vscode.Disposable[] {
  const go = (direction: 'next' | 'previous') => () => {
    const editor = vscode.window.activeTextEditor;
    const state = editor && s.controller.get(editor.document.uri);
    if (!state || !editor) return;
    // From the selection's start: with a mention selected, both directions leave it.
    const m = nextSpan(state.view.mentions, state.offset(editor.selection.start), direction);
    if (!m) return;
    const range = state.range(m);
    editor.selection = new vscode.Selection(range.start, range.end);
    revealCentred(editor, range);
  };
  return [vscode.commands.registerCommand(CMD.nextEntity, go('next')), vscode.commands.registerCommand(CMD.previousEntity, go('previous'))];
}
