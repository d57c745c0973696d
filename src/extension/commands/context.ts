/**
 * What commands work with, and how they find their target: an explicit
 * argument (hover links, tree items, tests) or else the active editor.
 */
import * as vscode from 'vscode';
import type { ShownMention } from '../../core/annotations';
import { spanAt } from '../../core/workspace/navigate';
import type { ArticleState } from '../articleState';
import { canWrite } from '../config';
import type { Controller } from '../controller';
import type { Knowledge } from '../knowledge';
import type { Node } from '../sidebar/nodes';
import type { EntitiesView } from '../sidebar/view';
import type { SidecarSync } from '../sync';
import { log } from '../log';
import { notify } from '../ui';
import type { WorkspaceIndex } from '../workspaceIndex';
import { CMD, type MentionArg } from './ids';

export interface Services {
  controller: Controller;
  knowledge: Knowledge;
  index: WorkspaceIndex;
  view: EntitiesView;
  sync: SidecarSync;
  /** The workspace's memory (export folder); absent in tests that build services by hand. */
  memento?: vscode.Memento;
  /** The extension's folder and its global storage (the walkthrough's sample article). */
  extension?: { uri: vscode.Uri; storage: vscode.Uri };
}

/** An article named by a URI string, else the active one; opened (not shown) when needed. */
export async function articleOf(s: Services, uri?: string): Promise<ArticleState | undefined> {
  if (!uri) return s.controller.active();
  const existing = s.controller.get(uri);
  if (existing) return existing;
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const state = s.controller.forDocument(doc);
  await state?.whenIdle();
  return state;
}

function isMentionArg(a: unknown): a is MentionArg {
  const m = a as MentionArg | undefined;
  return typeof m?.uri === 'string' && Number.isInteger(m.start) && Number.isInteger(m.end);
}

/** A mention argument, a tree mention node, or the mention at the cursor. */
export async function mentionOf(s: Services, arg: unknown): Promise<{ state: ArticleState; mention: ShownMention } | undefined> {
  const node = arg as Node | undefined;
  const ref: MentionArg | undefined =
    node && 't' in node && node.t === 'mention'
      ? { uri: node.ref.file, start: node.ref.mention.start, end: node.ref.mention.end }
      : isMentionArg(arg)
        ? arg
        : undefined;
  if (ref) {
    const state = await articleOf(s, ref.uri);
    const mention = state?.view.mentions.find((m) => m.start === ref.start && m.end === ref.end);
    return state && mention && { state, mention };
  }
  const editor = vscode.window.activeTextEditor;
  const state = editor && s.controller.get(editor.document.uri);
  if (!state || !editor) return undefined;
  const mention = spanAt(state.view.mentions, state.offset(editor.selection.active));
  return mention && { state, mention };
}

/** True when annotations of this article may change; says why not otherwise. */
export function writable(state: ArticleState): boolean {
  if (!canWrite()) {
    notify('warning', vscode.l10n.t('annotations cannot be changed in an untrusted workspace.'));
    return false;
  }
  if (!state.store) {
    notify('warning', vscode.l10n.t('save the article to a file first; annotations live next to it.'));
    return false;
  }
  if (state.store.error) {
    notify('error', vscode.l10n.t('annotations are read-only: {0}', state.store.error.message), {
      [vscode.l10n.t('Open Sidecar')]: () => vscode.commands.executeCommand(CMD.openSidecar, { uri: state.uri.toString() }),
    });
    return false;
  }
  return true;
}

/**
 * Runs a store change, showing the store's refusal (a bad span, an unknown entity) instead of throwing.
 * `failed` is the translated "could not …" phrase the message starts with.
 */
export function attempt<T>(failed: string, change: () => T): T | undefined {
  try {
    return change();
  } catch (e) {
    log.error(failed, e);
    notify('error', `${failed}: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
}

/** An entity argument: a tree entity node, `{ entity }`, or the entity of the mention at the cursor. */
export async function entityOf(s: Services, arg: unknown): Promise<{ entity: string; state?: ArticleState } | undefined> {
  const node = arg as Node | undefined;
  if (node && 't' in node && node.t === 'entity') return { entity: node.group.entity, state: s.controller.active() };
  const given = (arg as { entity?: unknown } | undefined)?.entity;
  if (typeof given === 'string') return { entity: given, state: s.controller.active() };
  const found = await mentionOf(s, arg);
  return found && { entity: found.mention.entity, state: found.state };
}
