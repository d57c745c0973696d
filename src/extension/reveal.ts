/**
 * Brings a mention into the middle of its editor. revealRange centres vertically and scrolls
 * sideways only until the range touches the edge, so on a long unwrapped line (a Japanese
 * paragraph) the word would sit at the edge, next to the minimap. Revealing the line's text
 * around the mention as well leaves room on both sides.
 */
import * as vscode from 'vscode';

/** Characters of context kept in view on each side of the mention (CJK characters are two columns). */
const SIDE_CONTEXT = 12;

export function revealCentred(editor: vscode.TextEditor, range: vscode.Range): void {
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  if (range.start.line !== range.end.line) return;
  const line = editor.document.lineAt(range.start.line);
  const around = new vscode.Range(
    range.start.line,
    Math.max(0, range.start.character - SIDE_CONTEXT),
    range.start.line,
    Math.min(line.range.end.character, range.end.character + SIDE_CONTEXT),
  );
  editor.revealRange(around, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
