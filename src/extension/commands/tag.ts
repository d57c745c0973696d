/**
 * Tag Selection…: pick a type, then an entity (knowledge base, sidecars of
 * the workspace, or a new one), then whether to tag the other occurrences
 * of the same words. Every answer can come as an argument instead.
 */
import * as vscode from 'vscode';
import type { SidecarEntity } from '../../core/annotations';
import { ACTOR_TYPES, AGREEMENT_TYPES, kindOf, type EntityType } from '../../core/model';
import type { EntityInfo } from '../../core/workspace/entities';
import { findOccurrences } from '../../core/workspace/occurrences';
import type { Span } from '../../core/workspace/navigate';
import type { ArticleState } from '../articleState';
import { kindLabel, typeLabel } from '../labels';
import { revealCentred } from '../reveal';
import { flash } from '../statusBar';
import { input, notify, pick } from '../ui';
import { articleOf, attempt, writable, type Services } from './context';
import { CMD } from './ids';
import { learnFrom } from './learn';

export interface TagArgs {
  /** The article and span (code points); default: the active editor's selection. */
  uri?: string;
  start?: number;
  end?: number;
  type?: EntityType;
  /** An existing entity id; with `name` instead, a new entity of that name. */
  entity?: string;
  name?: string;
  tagAll?: boolean;
}

const TYPE_ICONS: Record<string, string> = { country: 'globe', person: 'person', organization: 'organization' };

export function registerTag(s: Services): vscode.Disposable[] {
  return [vscode.commands.registerCommand(CMD.tagSelection, (args?: TagArgs) => tagSelection(s, args ?? {}))];
}

async function tagSelection(s: Services, args: TagArgs): Promise<void> {
  const target = await targetOf(s, args);
  if (!target) return notify('info', vscode.l10n.t('select the words to tag first.'));
  const { state, span } = target;
  if (!writable(state)) return;
  const words = textOf(state, span);

  const type = args.type ?? (await pickType());
  if (!type) return;
  const entity = args.entity ?? (args.name !== undefined ? null : await pickEntity(s, state, type, words));
  if (entity === undefined) return;
  let id: string;
  if (entity === null) {
    const name =
      args.name ??
      (await input({
        title: vscode.l10n.t('New {0}', typeLabel(type)),
        prompt: vscode.l10n.t('Canonical name of the new entity'),
        value: words,
        validate: (v) => (v.trim() ? undefined : vscode.l10n.t('A name is needed')),
      }));
    if (!name) return;
    const created = attempt(vscode.l10n.t('could not create the entity'), () => state.store!.defineEntity({ name, type }));
    if (!created) return;
    id = created.id;
  } else {
    id = await ensureKnown(s, state, entity);
  }
  if (!attempt(vscode.l10n.t('could not tag the selection'), () => state.store!.tag({ start: span.start, end: span.end, entity: id, type }))) return;
  revealSpan(state, span);
  const name = s.controller.directory([], s.controller.namesFor(state)).get(id)?.name ?? words;
  flash(vscode.l10n.t('Tagged “{0}” as {1} ({2})', words, name, typeLabel(type)));
  await learnFrom(s, state, { entity: id, type, text: words });

  // Spans the analyst already decided on (this one included) stay as they are; suggestions get tagged.
  const others = findOccurrences(state.currentText, words, state.store!.annotations());
  if (!others.length) return;
  const all = args.tagAll ?? (await confirmTagAll(words, others.length));
  if (!all) return;
  const done = attempt(vscode.l10n.t('could not tag the other occurrences'), () =>
    state.batch(() => {
      for (const o of others) state.store!.tag({ start: o.start, end: o.end, entity: id, type });
      return true;
    }),
  );
  if (done) flash(vscode.l10n.t('Tagged {0} occurrences of “{1}” as {2}', others.length + 1, words, name));
}

async function targetOf(s: Services, args: TagArgs): Promise<{ state: ArticleState; span: Span } | undefined> {
  if (args.uri !== undefined && args.start !== undefined && args.end !== undefined) {
    const state = await articleOf(s, args.uri);
    return state && { state, span: { start: args.start, end: args.end } };
  }
  const editor = vscode.window.activeTextEditor;
  const state = editor && s.controller.get(editor.document.uri);
  if (!state || !editor || editor.selection.isEmpty) return undefined;
  const span = state.span(editor.selection);
  return span.end > span.start ? { state, span } : undefined;
}

function textOf(state: ArticleState, span: Span): string {
  return state.document.getText(state.range(span));
}

async function pickType(): Promise<EntityType | undefined> {
  const items = [...ACTOR_TYPES, ...AGREEMENT_TYPES].map((t: EntityType) => ({
    label: typeLabel(t),
    description: kindLabel(kindOf(t)),
    iconPath: new vscode.ThemeIcon(TYPE_ICONS[t] ?? 'law'),
    type: t,
  }));
  const chosen = await pick(items, { title: vscode.l10n.t('Tag Selection: type'), placeholder: vscode.l10n.t('What is it?') });
  return chosen?.type;
}

/** An entity id, null for a new entity, undefined when cancelled. */
async function pickEntity(s: Services, state: ArticleState, type: EntityType, words: string): Promise<string | null | undefined> {
  const articles = await s.index.articles();
  const directory = s.controller.directory(articles.flatMap((a) => a.entities), s.controller.namesFor(state));
  const item = (e: EntityInfo) => ({
    label: e.name,
    description: e.aliases.slice(0, 6).join(', '),
    detail: [e.qid, e.id, e.source === 'sidecar' ? vscode.l10n.t('defined in a sidecar') : ''].filter(Boolean).join(' · '),
    id: e.id as string | null,
  });
  const items = [
    {
      label: vscode.l10n.t('New Entity…'),
      description: vscode.l10n.t('a new {0}', typeLabel(type)),
      detail: vscode.l10n.t('Defined in this article’s sidecar, named “{0}” unless you change it', words),
      id: null,
      alwaysShow: true,
    },
    ...directory.ofType(type).map(item),
  ];
  const chosen = await pick(items, {
    title: vscode.l10n.t('Tag Selection: which {0}?', typeLabel(type)),
    placeholder: vscode.l10n.t('Search names, aliases, QIDs'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return chosen === undefined ? undefined : chosen.id;
}

/** A sidecar entity of another article becomes known to this one under the same name (and so the same id). */
async function ensureKnown(s: Services, state: ArticleState, id: string): Promise<string> {
  if (s.knowledge.kb.get(id) || state.store!.entity(id)) return id;
  const articles = await s.index.articles();
  const other: SidecarEntity | undefined = articles.flatMap((a) => a.entities).find((e) => e.id === id);
  if (!other) return id;
  return state.store!.defineEntity({ name: other.name ?? id, type: other.type, qid: other.qid ?? null }).id;
}

async function confirmTagAll(words: string, n: number): Promise<boolean> {
  const yes = { label: vscode.l10n.t('Tag all {0} other occurrences of “{1}”', n, words), all: true };
  const no = { label: vscode.l10n.t('Only this one'), all: false };
  return (await pick([yes, no], { title: vscode.l10n.t('Tag Selection: other occurrences') }))?.all ?? false;
}

/** Scroll the tagged span into the middle of its editor, also sideways on long unwrapped lines. */
function revealSpan(state: ArticleState, span: Span): void {
  const editor = vscode.window.visibleTextEditors.find((e) => e.document === state.document);
  if (editor) revealCentred(editor, state.range(span));
}
