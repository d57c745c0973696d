/**
 * The knowledge base an article is recognized with (built-in data overlaid
 * by the workspace file) and the edits the editor makes to that file: adding
 * a surface form to an entity (Add Alias, or learnt from a tag or a
 * confirmation), so every article recognizes it, rejecting a form
 * everywhere, and renaming or merging an entity the file defines.
 */
import { promises as fsp } from 'fs';
import * as path from 'path';
import { writeFileAtomic } from '../annotations/atomic';
import { slugify } from '../annotations/ids';
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

/** Whether the workspace file defines `id` and the built-in data does not: Rename and Merge change it there. */
export function isWorkspaceEntity(ws: WorkspaceKb | null, id: string): boolean {
  return !!ws?.entities.some((e) => e.id === id) && !KnowledgeBase.builtin().get(id);
}

/**
 * Rename Entity for an entity the workspace file defines. As in a sidecar, an entity with
 * the new name takes over: its id is the name's slug, numbered when the knowledge base or
 * `taken` (the sidecars' ids) holds it, the old id included, so no sidecar keeps the old
 * name under the id. The new name becomes its only name, so it is the canonical name in
 * every UI language; its former names stay its forms (aliases), because the articles still
 * use them. References to it (agreement parties, a country) follow the id. Renaming to its
 * name as it is changes nothing. An invalid file is never rewritten: the KbError is thrown.
 */
export async function renameWorkspaceEntity(file: string, kb: KnowledgeBase, from: string, name: string, taken: ReadonlySet<string> = new Set()): Promise<{ id: string }> {
  const canonical = name.trim();
  if (!canonical) throw new KbError(file, 'an entity needs a name');
  const ws = await readWorkspaceFile(file);
  const own = ownEntity(file, ws, from);
  const former = Object.values(own.names).flatMap((f) => f ?? []);
  if (former.length === 1 && former[0] === canonical) return { id: from };
  const id = freeId(slugify(canonical), (x) => x === from || !!kb.get(x) || taken.has(x));
  own.id = id;
  own.names = { [languageOf(canonical)]: [canonical] };
  own.aliases = [...new Set([...former, ...own.aliases])].filter((f) => f !== canonical);
  for (const a of ws.aliases) if (a.entity === from) a.entity = id;
  retarget(ws, from, id);
  ws.rejected = ws.rejected.filter((f) => f !== canonical);
  await writeWorkspaceFile(file, ws);
  return { id };
}

export interface MergeResult {
  /** Forms of the merged entity the target did not have, now the target's aliases. */
  moved: string[];
  /** Contextual forms not carried to a built-in target (its `aliases` entry would match them anywhere). */
  dropped: string[];
}

/**
 * Merge Entities for an entity the workspace file defines: its forms (names, aliases) become
 * aliases of `into` (a workspace entity's own aliases, an `aliases` entry for a built-in one,
 * a new workspace entity for one only a sidecar defines), and it leaves the file, so no
 * article suggests it under its old id. References to it follow. An invalid file is never
 * rewritten: the KbError is thrown.
 */
export async function mergeWorkspaceEntity(file: string, kb: KnowledgeBase, from: string, into: AliasTarget): Promise<MergeResult> {
  if (into.id === from) throw new KbError(file, `cannot merge '${from}' into itself`);
  const ws = await readWorkspaceFile(file);
  const own = ownEntity(file, ws, from);
  const entries = ws.aliases.filter((a) => a.entity === from);
  const forms = [...Object.values(own.names).flatMap((f) => f ?? []), ...own.aliases, ...entries.flatMap((a) => a.forms)];
  ws.entities = ws.entities.filter((e) => e !== own);
  ws.aliases = ws.aliases.filter((a) => a.entity !== from);
  retarget(ws, from, into.id);

  const known = kb.get(into.id);
  const has = new Set([...(known ? formsOf(known) : [into.name]), ...ws.rejected]);
  const moved = [...new Set(forms)].filter((f) => !has.has(f));
  let dropped: string[] = [];
  const target = ws.entities.find((e) => e.id === into.id);
  if (target) {
    target.aliases = [...new Set([...target.aliases, ...moved])];
    target.contextual = [...new Set([...target.contextual, ...own.contextual])];
  } else if (known) {
    dropped = own.contextual;
    const entry = ws.aliases.find((a) => a.entity === into.id);
    if (entry) entry.forms = [...new Set([...entry.forms, ...moved])];
    else if (moved.length) ws.aliases.push({ entity: into.id, forms: moved });
  } else {
    ws.entities.push({ ...newEntity(into, into.name), aliases: moved, contextual: own.contextual });
  }
  await writeWorkspaceFile(file, ws);
  return { moved, dropped };
}

/** The entity `id` as the workspace file defines it; a built-in one is not the file's to rename or merge. */
function ownEntity(file: string, ws: WorkspaceKb, id: string): Entity {
  const own = ws.entities.find((e) => e.id === id);
  if (!own || KnowledgeBase.builtin().get(id)) throw new KbError(file, `'${id}' is not an entity this file defines`);
  return own;
}

/** `base`, or base-2, base-3…: the first not `taken` (as the sidecars number their entities). */
function freeId(base: string, taken: (id: string) => boolean): string {
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}-${n}`;
    if (!taken(id)) return id;
  }
}

/** References of the file's entities to `from` (agreement parties, a country) name `to` instead. */
function retarget(ws: WorkspaceKb, from: string, to: string): void {
  for (const e of ws.entities) {
    if (e.parties?.includes(from)) e.parties = [...new Set(e.parties.map((p) => (p === from ? to : p)))];
    if (e.country === from) e.country = to;
  }
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
