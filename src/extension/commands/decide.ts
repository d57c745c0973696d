/** Confirm, reject, remove: the analyst's decisions on single mentions, and Confirm All. */
import * as vscode from 'vscode';
import type { ArticleState } from '../articleState';
import type { Node } from '../sidebar/nodes';
import { flash } from '../statusBar';
import { notify } from '../ui';
import { articleOf, attempt, mentionOf, writable, type Services } from './context';
import { CMD } from './ids';
import { learnFrom, registerLearning } from './learn';

export function registerDecisions(s: Services): vscode.Disposable[] {
  return [
    ...registerLearning(s),
    vscode.commands.registerCommand(CMD.confirmMention, async (arg?: unknown) => {
      const found = await mentionOf(s, arg);
      if (!found) return notify('info', vscode.l10n.t('no mention here to confirm.'));
      if (found.mention.status === 'confirmed' || !writable(found.state)) return;
      if (attempt(vscode.l10n.t('could not confirm the mention'), () => (found.state.store!.confirm(found.mention), true))) {
        flash(vscode.l10n.t('Confirmed {0}', nameOf(s, found.state, found.mention.entity, found.mention.text)));
        await learnFrom(s, found.state, found.mention);
      }
    }),
    vscode.commands.registerCommand(CMD.rejectMention, async (arg?: unknown) => {
      const found = await mentionOf(s, arg);
      if (!found) return notify('info', vscode.l10n.t('no mention here to reject.'));
      if (!writable(found.state)) return;
      if (attempt(vscode.l10n.t('could not reject the mention'), () => (found.state.store!.reject(found.mention), true)))
        flash(vscode.l10n.t('Rejected “{0}” as {1}', found.mention.text, nameOf(s, found.state, found.mention.entity, found.mention.text)));
    }),
    vscode.commands.registerCommand(CMD.removeAnnotation, async (arg?: unknown) => {
      const node = arg as Node | undefined;
      // An orphan has no span: it is named by its id.
      const byId =
        node && 't' in node && node.t === 'orphan'
          ? { uri: node.file, id: node.orphan.id }
          : typeof (arg as { id?: unknown })?.id === 'string'
            ? (arg as { uri?: string; id: string })
            : undefined;
      if (byId) {
        const state = await articleOf(s, byId.uri);
        if (state && writable(state)) attempt(vscode.l10n.t('could not remove the annotation'), () => state.store!.remove(byId.id));
        return;
      }
      const found = await mentionOf(s, arg);
      const store = found?.state.store;
      const annotation = found && store?.annotations().find((a) => a.start === found.mention.start && a.end === found.mention.end);
      if (!found || !annotation) return notify('info', vscode.l10n.t('no annotation here to remove.'));
      if (writable(found.state)) attempt(vscode.l10n.t('could not remove the annotation'), () => store!.remove(annotation.id));
    }),
    vscode.commands.registerCommand(CMD.confirmAll, async (arg?: { uri?: string }) => {
      const state = await articleOf(s, arg?.uri);
      if (!state || !writable(state)) return;
      const suggestions = state.view.mentions.filter((m) => m.status === 'recognized');
      attempt(vscode.l10n.t('could not confirm the suggestions'), () =>
        state.batch(() => {
          state.store!.confirmAll(suggestions);
        }),
      );
      notify('info', vscode.l10n.t('confirmed {0} suggestions.', suggestions.length));
    }),
  ];
}

/** The entity's name as the article's views show it, for a feedback message; else the mention's text. */
export function nameOf(s: Services, state: ArticleState, entity: string, text: string): string {
  return s.controller.directory([], s.controller.namesFor(state)).get(entity)?.name ?? text;
}
