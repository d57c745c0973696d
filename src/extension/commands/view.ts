/** Sidebar commands: scope, filter, reveal an entity or a mention, show the view. */
import * as vscode from 'vscode';
import { revealCentred } from '../reveal';
import { notify, input } from '../ui';
import { articleOf, type Services } from './context';
import { CMD, ENTITIES_VIEW, type MentionArg } from './ids';

export function registerViewCommands(s: Services): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(CMD.scopeWorkspace, () => s.view.setScope('workspace')),
    vscode.commands.registerCommand(CMD.scopeArticle, () => s.view.setScope('article')),
    vscode.commands.registerCommand(CMD.toggleScope, () => s.view.setScope(s.view.scope === 'article' ? 'workspace' : 'article')),
    vscode.commands.registerCommand(CMD.filter, async (text?: string) => {
      const value = typeof text === 'string' ? text : await input({
        title: vscode.l10n.t('Filter Entities'),
        prompt: vscode.l10n.t('Show entities whose name, alias, QID or mentions contain…'),
        value: s.view.tree.filter,
      });
      if (value !== undefined) await s.view.setFilter(value);
    }),
    vscode.commands.registerCommand(CMD.clearFilter, () => s.view.setFilter('')),
    vscode.commands.registerCommand(CMD.showSidebar, () => vscode.commands.executeCommand(`${ENTITIES_VIEW}.focus`)),
    vscode.commands.registerCommand(CMD.showInSidebar, async (arg?: { entity?: string; type?: string }) => {
      await vscode.commands.executeCommand(`${ENTITIES_VIEW}.focus`);
      let entity = arg?.entity;
      let type = arg?.type;
      if (!entity) {
        const editor = vscode.window.activeTextEditor;
        const state = editor && s.controller.get(editor.document.uri);
        const at = state && editor && state.offset(editor.selection.active);
        const m = state?.view.mentions.find((x) => at !== undefined && x.start <= at && at <= x.end);
        entity = m?.entity;
        type = m?.type;
      }
      if (!entity) return;
      if (!(await s.view.reveal(entity, type)) && s.view.tree.filter) {
        await s.view.setFilter('');
        await s.view.reveal(entity, type);
      }
    }),
    vscode.commands.registerCommand(CMD.revealMention, async (arg: MentionArg) => {
      const state = await articleOf(s, arg.uri);
      if (!state) return notify('info', vscode.l10n.t('that article is gone.'));
      const editor = await vscode.window.showTextDocument(state.document, { preserveFocus: false, preview: true });
      const range = state.range(arg);
      editor.selection = new vscode.Selection(range.start, range.end);
      revealCentred(editor, range);
    }),
  ];
}
