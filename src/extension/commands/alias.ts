/** Add Alias: a new surface form of an entity, written to the workspace knowledge base so every article recognizes it. */
import * as vscode from 'vscode';
import { KbError } from '../../core/kb';
import { kindOf } from '../../core/model';
import { addWorkspaceAlias } from '../../core/workspace/kb';
import { canWrite } from '../config';
import { fileName, log } from '../log';
import { input, notify } from '../ui';
import { entityOf, type Services } from './context';
import { CMD } from './ids';

export function registerAlias(s: Services): vscode.Disposable[] {
  return [vscode.commands.registerCommand(CMD.addAlias, (arg?: unknown) => addAlias(s, arg))];
}

async function addAlias(s: Services, arg: unknown): Promise<void> {
  if (!canWrite()) return notify('warning', vscode.l10n.t('the knowledge base cannot be changed in an untrusted workspace.'));
  const file = s.knowledge.file;
  if (!file) return notify('warning', vscode.l10n.t('open a folder first; aliases go to its knowledge base file.'));
  const target = await entityOf(s, arg);
  if (!target) return notify('info', vscode.l10n.t('put the cursor on a mention, or pick an entity in the sidebar.'));
  const directory = s.controller.directory((await s.index.articles()).flatMap((a) => a.entities));
  const mention = target.state?.view.mentions.find((m) => m.entity === target.entity);
  const info = directory.get(target.entity);
  const type = info?.type ?? mention?.type;
  if (!type) return notify('info', vscode.l10n.t('unknown entity “{0}”.', target.entity));
  const name = info?.name ?? mention?.text ?? target.entity;

  const given = (arg as { alias?: unknown } | undefined)?.alias;
  const alias = typeof given === 'string' ? given : await input({ title: vscode.l10n.t('Add Alias for {0}', name), prompt: vscode.l10n.t('Another name the articles use'), value: selectedText() });
  if (!alias?.trim()) return;
  try {
    const result = await addWorkspaceAlias(file, s.knowledge.kb, { id: target.entity, kind: kindOf(type), type, name, qid: info?.qid ?? null }, alias);
    s.knowledge.reload();
    notify(
      'info',
      result === 'added'
        ? vscode.l10n.t('“{0}” now names {1} in every article.', alias.trim(), name)
        : vscode.l10n.t('“{0}” already names {1}.', alias.trim(), name),
    );
  } catch (e) {
    if (!(e instanceof KbError)) throw e;
    log.error(`could not add the alias “${alias.trim()}” of ${target.entity} to ${fileName(file)}`, e);
    notify('error', vscode.l10n.t('could not add the alias: {0}', e.message));
  }
}

function selectedText(): string {
  const editor = vscode.window.activeTextEditor;
  return editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection) : '';
}
