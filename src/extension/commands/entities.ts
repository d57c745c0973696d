/** Rename Entity and Merge Entities: entity-level changes across every annotated article. */
import * as vscode from 'vscode';
import { kindOf } from '../../core/model';
import { relinkEntity, renameEntity } from '../../core/workspace/relink';
import type { EntityInfo } from '../../core/workspace/entities';
import { typeLabel } from '../labels';
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
  if (s.knowledge.kb.get(entity)) {
    return notify('info', vscode.l10n.t('“{0}” is named by the knowledge base. Add an alias instead.', s.knowledge.kb.displayName(entity)), {
      [vscode.l10n.t('Add Alias')]: () => vscode.commands.executeCommand(CMD.addAlias, { entity }),
    });
  }
  const current = s.controller.directory((await s.index.articles()).flatMap((a) => a.entities)).get(entity);
  const given = (arg as { name?: unknown } | undefined)?.name;
  const name = typeof given === 'string' ? given : await input({ title: vscode.l10n.t('Rename Entity'), prompt: vscode.l10n.t('New canonical name'), value: current?.name ?? entity });
  if (!name?.trim()) return;
  const result = await forEachStore(s, (store) => !!store.entity(entity) && !!attempt(vscode.l10n.t('could not rename the entity'), () => renameEntity(store, entity, name.trim())));
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
  if (!into) return;
  const result = await forEachStore(s, (store) => {
    const uses = store.annotations().some((a) => a.entity === from);
    if (!uses) return false;
    const id = s.knowledge.kb.get(into.id) || store.entity(into.id) ? into.id : store.defineEntity({ name: into.name, type: into.type, qid: into.qid }).id;
    return !!attempt(vscode.l10n.t('could not merge the entities'), () => relinkEntity(store, from, id, into.type));
  });
  // Suggestions of the merged entity in open articles become confirmed mentions of the other.
  for (const state of s.controller.all()) {
    const store = state.store;
    if (!store || store.readOnly) continue;
    const suggested = state.view.mentions.filter((m) => m.entity === from && m.status === 'recognized');
    if (!suggested.length) continue;
    const id = s.knowledge.kb.get(into.id) || store.entity(into.id) ? into.id : store.defineEntity({ name: into.name, type: into.type, qid: into.qid }).id;
    attempt(vscode.l10n.t('could not merge the entities'), () => state.batch(() => suggested.forEach((m) => store.tag({ start: m.start, end: m.end, entity: id, type: into.type }))));
  }
  report(vscode.l10n.t('merged into “{0}” in {1} article(s).', into.name, result.changed), result);
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
