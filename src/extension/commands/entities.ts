/**
 * Rename Entity and Merge Entities: entity-level changes across every annotated article, and in the
 * workspace knowledge base for an entity it defines (one learnt from a tag), so every article
 * suggests it under its new name, or as the entity it was merged into.
 */
import * as vscode from 'vscode';
import { KbError } from '../../core/kb';
import { kindOf } from '../../core/model';
import { isWorkspaceEntity, mergeWorkspaceEntity, renameWorkspaceEntity } from '../../core/workspace/kb';
import { relinkEntity, renameEntity } from '../../core/workspace/relink';
import type { EntityInfo } from '../../core/workspace/entities';
import { canWrite } from '../config';
import { typeLabel } from '../labels';
import { fileName, log } from '../log';
import { input, notify, pick } from '../ui';
import { forEachStore, type BulkResult } from './bulk';
import { attempt, entityOf, type Services } from './context';
import { CMD } from './ids';

export function registerEntityCommands(s: Services): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(CMD.renameEntity, (arg?: unknown) => rename(s, arg)),
    vscode.commands.registerCommand(CMD.mergeEntities, (arg?: unknown) => merge(s, arg)),
  ];
}

async function rename(s: Services, arg: unknown): Promise<void> {
  const target = await entityOf(s, arg);
  if (!target) return notify('info', vscode.l10n.t('put the cursor on a mention, or pick an entity in the sidebar.'));
  const { entity } = target;
  const own = isWorkspaceEntity(s.knowledge.workspace, entity);
  if (s.knowledge.kb.get(entity) && !own) {
    return notify('info', vscode.l10n.t('“{0}” is named by the knowledge base. Add an alias instead.', s.knowledge.kb.displayName(entity)), {
      [vscode.l10n.t('Add Alias')]: () => vscode.commands.executeCommand(CMD.addAlias, { entity }),
    });
  }
  const articles = await s.index.articles();
  const current = s.controller.directory(articles.flatMap((a) => a.entities)).get(entity);
  const given = (arg as { name?: unknown } | undefined)?.name;
  const name = typeof given === 'string' ? given : await input({ title: vscode.l10n.t('Rename Entity'), prompt: vscode.l10n.t('New canonical name'), value: current?.name ?? entity });
  if (!name?.trim()) return;
  // The workspace file first: the sidecars then link to the id it gave (or keep theirs if it failed).
  let id: string | undefined;
  if (own) {
    const taken = new Set(articles.flatMap((a) => a.entities.map((e) => e.id)));
    const edited = await editKnowledge(s, entity, (file) => renameWorkspaceEntity(file, s.knowledge.kb, entity, name, taken));
    if (!edited) return;
    id = edited.id;
  }
  const result = await forEachStore(
    s,
    (store) => !!store.entity(entity) && !!attempt(vscode.l10n.t('could not rename the entity'), () => (id ? relinkEntity(store, entity, id) : renameEntity(store, entity, name.trim()))),
  );
  report(vscode.l10n.t('renamed “{0}” to “{1}” in {2} article(s).', current?.name ?? entity, name.trim(), result.changed), result);
}

async function merge(s: Services, arg: unknown): Promise<void> {
  const target = await entityOf(s, arg);
  if (!target) return notify('info', vscode.l10n.t('put the cursor on a mention, or pick an entity in the sidebar.'));
  const from = target.entity;
  const directory = s.controller.directory((await s.index.articles()).flatMap((a) => a.entities));
  const source = directory.get(from) ?? target.state?.view.mentions.find((m) => m.entity === from);
  if (!source) return;
  const kind = kindOf(source.type);
  const given = (arg as { into?: unknown } | undefined)?.into;
  const into = typeof given === 'string' ? directory.get(given) : await pickInto(directory.ofKind(kind).filter((e) => e.id !== from));
  if (!into || into.id === from) return;
  const own = isWorkspaceEntity(s.knowledge.workspace, from);
  if (own) {
    const target = { id: into.id, kind: into.kind, type: into.type, name: into.name, qid: into.qid };
    const merged = await editKnowledge(s, from, (file) => mergeWorkspaceEntity(file, s.knowledge.kb, from, target));
    if (!merged) return;
    if (merged.dropped.length) log.warn(`merging ${from} into ${into.id}: contextual forms not carried to a built-in entity: ${merged.dropped.join(', ')}`);
  }
  const result = await forEachStore(s, (store) => {
    const uses = store.annotations().some((a) => a.entity === from);
    if (!uses) return false;
    const id = s.knowledge.kb.get(into.id) || store.entity(into.id) ? into.id : store.defineEntity({ name: into.name, type: into.type, qid: into.qid }).id;
    return !!attempt(vscode.l10n.t('could not merge the entities'), () => relinkEntity(store, from, id, into.type));
  });
  // Suggestions of a merged knowledge-base entity in open articles become confirmed mentions of the
  // other; those of a workspace entity are suggested as the other already (its forms moved there).
  for (const state of own ? [] : s.controller.all()) {
    const store = state.store;
    if (!store || store.readOnly) continue;
    const suggested = state.view.mentions.filter((m) => m.entity === from && m.status === 'recognized');
    if (!suggested.length) continue;
    const id = s.knowledge.kb.get(into.id) || store.entity(into.id) ? into.id : store.defineEntity({ name: into.name, type: into.type, qid: into.qid }).id;
    attempt(vscode.l10n.t('could not merge the entities'), () => state.batch(() => suggested.forEach((m) => store.tag({ start: m.start, end: m.end, entity: id, type: into.type }))));
  }
  report(vscode.l10n.t('merged into “{0}” in {1} article(s).', into.name, result.changed), result);
}

/**
 * An edit of the workspace file, then the knowledge base reloaded; undefined (and said) when it
 * cannot be made: an untrusted workspace, or an invalid file (never rewritten).
 */
async function editKnowledge<T>(s: Services, entity: string, edit: (file: string) => Promise<T>): Promise<T | undefined> {
  const file = s.knowledge.file;
  if (!file || !canWrite()) {
    notify('warning', vscode.l10n.t('the knowledge base cannot be changed in an untrusted workspace.'));
    return undefined;
  }
  try {
    const result = await edit(file);
    s.knowledge.reload();
    return result;
  } catch (e) {
    if (!(e instanceof KbError)) throw e;
    log.error(`could not change ${entity} in ${fileName(file)}`, e);
    notify('error', vscode.l10n.t('could not change the entity in the workspace knowledge base: {0}', e.message));
    return undefined;
  }
}

async function pickInto(candidates: EntityInfo[]): Promise<EntityInfo | undefined> {
  const items = candidates.map((e) => ({
    label: e.name,
    description: `${typeLabel(e.type)} · ${e.aliases.slice(0, 4).join(', ')}`,
    detail: [e.qid, e.id].filter(Boolean).join(' · '),
    entity: e,
  }));
  const title = vscode.l10n.t('Merge Entities: merge into…');
  return (await pick(items, { title, placeholder: vscode.l10n.t('Search names, aliases, QIDs'), matchOnDescription: true, matchOnDetail: true }))?.entity;
}

/** `done` says what changed in how many articles; skipped articles are added. */
function report(done: string, r: BulkResult): void {
  const skipped = r.skipped.length ? ` ${vscode.l10n.t('{0} article(s) skipped (broken sidecar or unreadable article).', r.skipped.length)}` : '';
  notify(r.skipped.length ? 'warning' : 'info', `${done}${skipped}`);
}
