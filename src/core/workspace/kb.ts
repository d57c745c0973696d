/**
 * The knowledge base an article is recognized with (built-in data overlaid
 * by the workspace file) and the edits the editor makes to that file: adding
 * a surface form to an entity (Add Alias, or learnt from a tag or a
 * confirmation), so every article recognizes it, and rejecting a form
 * everywhere.
 */
import { promises as fsp } from 'fs';
import * as path from 'path';
import { writeFileAtomic } from '../annotations/atomic';
import { KbError, KnowledgeBase, loadWorkspaceKb, parseWorkspaceKb, WORKSPACE_KB_FILE, type WorkspaceKb } from '../kb';
import type { Entity } from '../kb/schema';
import type { EntityType, Kind } from '../model';
import { isCjkWordChar, isHangul } from '../text/script';

export interface WorkspaceKnowledge {
  kb: KnowledgeBase;
  /** The workspace file in use, if one was found, and its content. */
  file: string | null;
  workspace: WorkspaceKb | null;
  /** Why the workspace file was ignored (invalid); the built-in data is used meanwhile. */
  error: KbError | null;
}

/** Built-in data plus the workspace file found in `dir` or above it. */
export function knowledgeAt(dir: string): WorkspaceKnowledge {
  try {
    const ws = loadWorkspaceKb(dir);
    return ws
      ? { kb: KnowledgeBase.builtin().withWorkspace(ws.kb, ws.path), file: ws.path, workspace: ws.kb, error: null }
      : { kb: KnowledgeBase.builtin(), file: null, workspace: null, error: null };
  } catch (e) {
    if (!(e instanceof KbError)) throw e;
    return { kb: KnowledgeBase.builtin(), file: e.file, workspace: null, error: e };
  }
}

/** An entity the alias is for; `name` and `qid` are used only when the knowledge base does not know it yet. */
export interface AliasTarget {
  id: string;
  kind: Kind;
  type: EntityType;
  name: string;
  qid?: string | null;
}

export type AliasResult = 'added' | 'present';

/**
 * Adds `form` to the entity in the workspace file `file` (created when
 * missing). Entities the knowledge base knows get an `aliases` entry; others
 * (defined in a sidecar) become workspace entities. An invalid file is never
 * rewritten: the KbError is thrown.
 */
export async function addWorkspaceAlias(file: string, kb: KnowledgeBase, target: AliasTarget, form: string): Promise<AliasResult> {
  const alias = form.trim();
  if (!alias) throw new KbError(file, 'an alias cannot be empty');
  const ws = await readWorkspaceFile(file);
  const known = kb.get(target.id);
  if (known && formsOf(known).includes(alias)) return 'present';

  const own = ws.entities.find((e) => e.id === target.id);
  if (own) {
    if (!own.aliases.includes(alias)) own.aliases.push(alias);
  } else if (known) {
    const entry = ws.aliases.find((a) => a.entity === target.id);
    if (entry) {
      if (entry.forms.includes(alias)) return 'present';
      entry.forms.push(alias);
    } else {
      ws.aliases.push({ entity: target.id, forms: [alias] });
    }
  } else {
    ws.entities.push(newEntity(target, alias));
  }
  // A form the analyst names again is no longer rejected.
  ws.rejected = ws.rejected.filter((f) => f !== alias);
  await writeWorkspaceFile(file, ws);
  return 'added';
}

/**
 * Learning from a decision (a tag or a confirmation in one article): the form becomes a form of
 * its entity in the workspace knowledge base, so every article of the workspace suggests it.
 * Nothing is written when the knowledge base already gives this form to this entity.
 */
export async function learnWorkspaceForm(file: string, kb: KnowledgeBase, target: AliasTarget, form: string): Promise<AliasResult> {
  const known = kb.get(target.id);
  if (known && formsOf(known).includes(form.trim())) return 'present';
  return addWorkspaceAlias(file, kb, target, form);
}

/**
 * Reject Everywhere: the form is never suggested again in any article of the workspace (it joins
 * the file's `rejected` forms, which block it like the curated non-actors); workspace aliases of
 * that form are dropped. An invalid file is never rewritten.
 */
export async function rejectWorkspaceForm(file: string, form: string): Promise<AliasResult> {
  const rejected = form.trim();
  if (!rejected) throw new KbError(file, 'a rejected form cannot be empty');
  const ws = await readWorkspaceFile(file);
  if (ws.rejected.includes(rejected)) return 'present';
  ws.rejected.push(rejected);
  ws.aliases = ws.aliases.map((a) => ({ ...a, forms: a.forms.filter((f) => f !== rejected) })).filter((a) => a.forms.length);
  for (const e of ws.entities) e.aliases = e.aliases.filter((f) => f !== rejected);
  await writeWorkspaceFile(file, ws);
  return 'added';
}

/** Validate the result as the loader will read it, then replace the file (no empty `rejected` list written). */
async function writeWorkspaceFile(file: string, ws: WorkspaceKb): Promise<void> {
  const { rejected, ...rest } = ws;
  const text = JSON.stringify(rejected.length ? ws : rest, null, 2) + '\n';
  KnowledgeBase.builtin().withWorkspace(parseWorkspaceKb(file, text), file);
  await writeFileAtomic(file, text);
}

/** Where a new workspace file goes: the workspace folder's root. */
export function workspaceKbPath(root: string): string {
  return path.join(root, WORKSPACE_KB_FILE);
}

async function readWorkspaceFile(file: string): Promise<WorkspaceKb> {
  let json: string;
  try {
    json = await fsp.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, entities: [], aliases: [], rejected: [] };
    throw new KbError(file, `cannot be read (${(e as Error).message})`);
  }
  return parseWorkspaceKb(file, json);
}

function formsOf(e: Entity): string[] {
  return [...Object.values(e.names).flatMap((f) => f ?? []), ...e.aliases];
}

function newEntity(t: AliasTarget, alias: string): Entity {
  const lang = languageOf(t.name);
  return {
    id: t.id,
    kind: t.kind,
    type: t.type,
    qid: t.qid ?? null,
    names: { [lang]: [t.name] },
    aliases: alias === t.name ? [] : [alias],
    contextual: [],
  };
}

/** The language a name is filed under: Hangul → ko, other CJK → ja, anything else en. */
function languageOf(name: string): 'en' | 'ja' | 'ko' {
  for (const ch of name) {
    const c = ch.codePointAt(0)!;
    if (isHangul(c)) return 'ko';
    if (isCjkWordChar(c)) return 'ja';
  }
  return 'en';
}
