/**
 * Learning from the analyst (issue 12): a form tagged or confirmed in one article
 * becomes a form of its actor in the workspace knowledge base (an entity defined in
 * the sidecar becomes a workspace entity), so every article of the workspace suggests
 * it; Reject Everywhere rejects a mention here and its form in every article in one
 * step. Both go through article-annotator.kb.json.
 */
import * as vscode from 'vscode';
import { KbError } from '../../core/kb';
import { kindOf, type EntityType } from '../../core/model';
import { learnWorkspaceForm, rejectWorkspaceForm } from '../../core/workspace/kb';
import type { ArticleState } from '../articleState';
import { canWrite } from '../config';
import { fileName, log } from '../log';
import { flash } from '../statusBar';
import { notify } from '../ui';
import { attempt, mentionOf, writable, type Services } from './context';

/** Command id, as declared in the manifest. */
export const REJECT_EVERYWHERE = 'articleAnnotator.rejectEverywhere';

export function registerLearning(s: Services): vscode.Disposable[] {
  return [vscode.commands.registerCommand(REJECT_EVERYWHERE, (arg?: unknown) => rejectEverywhere(s, arg))];
}

/** Entity ids the knowledge base can hold (pattern finds such as person:… are recognized anew in each article). */
const KB_ID = /^[a-z0-9][a-z0-9-]*$/;

/**
 * After a tag or a confirmation: an actor's form the knowledge base does not give to this entity
 * yet is written to the workspace file. Silent (a log line); an unwritable workspace learns nothing.
 */
export async function learnFrom(s: Services, state: ArticleState, m: { entity: string; type: EntityType; text: string }): Promise<void> {
  const form = m.text.trim();
  const file = s.knowledge.file;
  if (!file || !canWrite() || kindOf(m.type) !== 'actor' || !KB_ID.test(m.entity) || [...form].length < 2) return;
  // An entity defined in a sidecar becomes a workspace entity with its name, type and QID (Rename
  // and Merge Entities change it there too). The canonical name: the knowledge base's, or the sidecar's.
  const info = s.controller.directory(state.store?.entities() ?? []).get(m.entity);
  try {
    const result = await learnWorkspaceForm(file, s.knowledge.kb, { id: m.entity, kind: 'actor', type: m.type, name: info?.name ?? form, qid: info?.qid ?? null }, form);
    if (result === 'present') return;
    log.info(`learnt “${form}” as a form of ${m.entity} (${fileName(file)})`);
    s.knowledge.reload();
  } catch (e) {
    if (!(e instanceof KbError)) throw e;
    log.error(`could not learn “${form}” for ${m.entity} in ${fileName(file)}`, e);
  }
}

async function rejectEverywhere(s: Services, arg: unknown): Promise<void> {
  const found = await mentionOf(s, arg);
  if (!found) return notify('info', vscode.l10n.t('no mention here to reject.'));
  if (!writable(found.state)) return;
  const file = s.knowledge.file;
  if (!file || !canWrite()) return notify('warning', vscode.l10n.t('open a folder first; aliases go to its knowledge base file.'));
  const form = found.mention.text;
  if (!attempt(vscode.l10n.t('could not reject the mention'), () => (found.state.store!.reject(found.mention), true))) return;
  try {
    await rejectWorkspaceForm(file, form);
    s.knowledge.reload();
    flash(vscode.l10n.t('“{0}” is no longer suggested in any article', form));
  } catch (e) {
    if (!(e instanceof KbError)) throw e;
    log.error(`could not reject “${form}” in ${fileName(file)}`, e);
    notify('error', vscode.l10n.t('could not reject the form everywhere: {0}', e.message));
  }
}
