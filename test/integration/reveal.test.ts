// A mention navigated to on a long unwrapped line (a Japanese paragraph of 2,000 characters) is
// scrolled into view sideways too, with room on both sides, not left at the edge by the minimap.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { annotator, closeAllEditors, cpSpan, openArticle, rangeOf, waitFor, writeArticle } from './helpers';
import { probe, probesAvailable, type SelectionOnScreen } from './probe';

const FILLER = '今日は晴れです。'.repeat(250);
// Text after the mention too, so there is somewhere to scroll past it.
const TEXT = `長い行のテスト。\n${FILLER}パリでフランスの首相が話した。${'明日も晴れです。'.repeat(20)}\n`;
/** The selection must be this far inside the text area: not merely touching its edge. */
const ROOM_PX = 80;

async function selectionShown(): Promise<SelectionOnScreen> {
  // The view scrolls on its next frame.
  await new Promise((r) => setTimeout(r, 300));
  return probe<SelectionOnScreen>('selectionOnScreen');
}

function assertWellInside(shown: SelectionOnScreen, what: string): void {
  assert.ok(shown.selections.length > 0, `${what}: no selection drawn (${JSON.stringify(shown)})`);
  for (const s of shown.selections) {
    assert.ok(s.left >= shown.text.left + ROOM_PX && s.right <= shown.text.right - ROOM_PX, `${what}: selection ${JSON.stringify(s)} not well inside the text area ${JSON.stringify(shown.text)}`);
    assert.ok(s.top >= shown.text.top && s.bottom <= shown.text.bottom, `${what}: selection out of view vertically`);
  }
}

describe('reveal on long lines', () => {
  const config = () => vscode.workspace.getConfiguration('editor');
  before(async function () {
    if (!probesAvailable()) this.skip(); // only the code-server harness can look at the page
    await config().update('wordWrap', 'off', vscode.ConfigurationTarget.Workspace);
    await config().update('minimap.enabled', true, vscode.ConfigurationTarget.Workspace);
  });
  after(async () => {
    await config().update('wordWrap', undefined, vscode.ConfigurationTarget.Workspace);
    await config().update('minimap.enabled', undefined, vscode.ConfigurationTarget.Workspace);
    await closeAllEditors();
  });

  it('Next Entity and a sidebar click scroll sideways to a mention 2,000 characters into a line', async () => {
    const api = await annotator();
    const uri = writeArticle('reveal/long-line.txt', TEXT);
    const editor = await openArticle(uri);
    await waitFor(() => api.article(uri)!.mentions.some((m) => m.text === 'フランス'), 'the mention at the end of the line');
    const france = rangeOf(editor.document, 'フランス');
    assert.ok(france.start.character > 2000, 'the mention is 2,000 characters into its line');

    editor.selection = new vscode.Selection(0, 0, 0, 0);
    editor.revealRange(new vscode.Range(0, 0, 0, 0));
    await vscode.commands.executeCommand('articleAnnotator.nextEntity');
    assert.ok(editor.selection.isEqual(new vscode.Selection(france.start, france.end)), 'Next Entity selects the mention');
    assertWellInside(await selectionShown(), 'Next Entity');

    // Back to the start of the line, then the sidebar's Reveal Mention (what a click on a mention runs).
    editor.selection = new vscode.Selection(1, 0, 1, 0);
    editor.revealRange(new vscode.Range(1, 0, 1, 0));
    await new Promise((r) => setTimeout(r, 300));
    const before = await probe<SelectionOnScreen>('selectionOnScreen');
    assert.strictEqual(before.selections.length, 0, 'nothing selected before the reveal');
    await vscode.commands.executeCommand('articleAnnotator.revealMention', { uri: uri.toString(), ...cpSpan(TEXT, 'フランス') });
    assertWellInside(await selectionShown(), 'Reveal Mention');
  });
});
