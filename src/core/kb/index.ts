/**
 * The knowledge base: built-in curated data (validated by zod on load) plus
 * ISO countries, optionally overlaid by a workspace knowledge base file.
 */
import * as fs from 'fs';
import * as path from 'path';
import { EntitySchema, KbFileSchema, WORKSPACE_KB_FILE, WorkspaceKbSchema, type Entity, type Lang, type WorkspaceKb } from './schema';
import { isoCountries } from './countries';
import { nameIn } from './names';
import countriesData from './data/countries.json';
import organizationsData from './data/organizations.json';
import peopleData from './data/people.json';
import agreementsData from './data/agreements.json';
import nonActors from './data/non-actors.json';

export { WORKSPACE_KB_FILE } from './schema';
export type { Entity, WorkspaceKb } from './schema';

export class KbError extends Error {
  constructor(readonly file: string, message: string) {
    super(`${file}: ${message}`);
  }
}

/**
 * Check a curated data file against the schema. The build and the unit tests run
 * this over every built-in file; at activation the same files are only given
 * their defaults (withDefaults), which keeps knowledge-base loading fast.
 */
export function validateKbFile(name: string, data: unknown): Entity[] {
  const r = KbFileSchema.safeParse(data);
  if (!r.success) {
    throw new KbError(`built-in ${name}.json`, r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  }
  return r.data.entities;
}

/** The schema's defaults for an entity of a built-in (already validated) data file. */
function withDefaults(e: Partial<Entity>): Entity {
  return { qid: null, aliases: [], contextual: [], ...e } as Entity;
}

export const BUILTIN_FILES = { countries: countriesData, organizations: organizationsData, people: peopleData, agreements: agreementsData } as const;

function builtinEntities(name: keyof typeof BUILTIN_FILES): Entity[] {
  return (BUILTIN_FILES[name] as { entities: Partial<Entity>[] }).entities.map(withDefaults);
}

let builtinCache: KnowledgeBase | undefined;

export class KnowledgeBase {
  private readonly byId = new Map<string, Entity>();
  /** Forms never matched as names (places, regions, events, words) and forms dropped from the library's names. */
  readonly blockers: readonly string[];
  readonly dropForms: ReadonlySet<string>;
  /** Set by the recognizer: compiled matcher state for this exact KB instance. */
  compiled?: unknown;

  private constructor(entities: Iterable<Entity>, blockers: readonly string[], dropForms: ReadonlySet<string>, readonly workspaceFile?: string) {
    for (const e of entities) this.byId.set(e.id, e);
    this.blockers = blockers;
    this.dropForms = dropForms;
  }

  /** The curated data and ISO countries shipped with the extension (loaded once). */
  static builtin(): KnowledgeBase {
    if (!builtinCache) {
      const curated = [
        ...isoCountries(builtinEntities('countries')),
        ...builtinEntities('organizations'),
        ...builtinEntities('people'),
        ...builtinEntities('agreements'),
      ];
      builtinCache = new KnowledgeBase(curated, nonActors.blockers, new Set(nonActors.dropForms));
    }
    return builtinCache;
  }

  /** Whether this is the built-in KB itself (no workspace overlay): the one the build compiles ahead. */
  get isBuiltin(): boolean {
    return this === builtinCache;
  }

  /** A knowledge base from explicit entities (tests, tools). */
  static of(entities: Entity[], blockers: string[] = [], dropForms: string[] = []): KnowledgeBase {
    return new KnowledgeBase(entities.map((e) => EntitySchema.parse(e)), blockers, new Set(dropForms));
  }

  /** This KB overlaid with a workspace file: new entities added, same-id entities get their forms merged. */
  withWorkspace(ws: Omit<WorkspaceKb, 'rejected'> & { rejected?: string[] }, file?: string): KnowledgeBase {
    const merged = new Map(this.byId);
    for (const e of ws.entities) {
      const base = merged.get(e.id);
      merged.set(e.id, base ? mergeEntity(base, e) : e);
    }
    for (const a of ws.aliases) {
      const base = merged.get(a.entity);
      if (!base) throw new KbError(file ?? WORKSPACE_KB_FILE, `alias for unknown entity '${a.entity}'`);
      merged.set(a.entity, { ...base, aliases: [...new Set([...base.aliases, ...a.forms])] });
    }
    // Rejected forms block every candidate of their span, as the curated non-actors do.
    const blockers = ws.rejected?.length ? [...this.blockers, ...ws.rejected] : this.blockers;
    return new KnowledgeBase(merged.values(), blockers, this.dropForms, file);
  }

  get(id: string): Entity | undefined {
    return this.byId.get(id);
  }

  all(): Entity[] {
    return [...this.byId.values()];
  }

  get size(): number {
    return this.byId.size;
  }

  /** Display name in `lang` (canonical: English), else the first English name, else any, else the id. */
  displayName(id: string, lang: Lang = 'en'): string {
    const e = this.byId.get(id);
    return (e && nameIn(e.names, lang)) ?? id;
  }
}

function mergeEntity(base: Entity, over: Entity): Entity {
  const names = { ...base.names };
  for (const [lang, forms] of Object.entries(over.names) as [Lang, string[] | undefined][]) {
    if (forms) names[lang] = [...new Set([...(base.names[lang] ?? []), ...forms])];
  }
  return {
    ...base,
    ...over,
    names,
    aliases: [...new Set([...base.aliases, ...over.aliases])],
    contextual: [...new Set([...base.contextual, ...over.contextual])],
  };
}

/** Every surface form of an entity the recognizer may match, deduplicated, in declaration order. */
export function surfaceForms(e: Entity): { free: string[]; contextual: string[]; abbreviations: { ja: string[]; ko: string[] } } {
  const free = new Set<string>();
  for (const forms of Object.values(e.names)) for (const f of forms ?? []) free.add(f);
  for (const f of e.aliases) free.add(f);
  return {
    free: [...free],
    contextual: e.contextual.filter((f) => !free.has(f)),
    abbreviations: { ja: e.abbreviations?.ja ?? [], ko: e.abbreviations?.ko ?? [] },
  };
}

/** Find the workspace KB file in `startDir` or its ancestors. Throws KbError when it exists but is invalid. */
export function loadWorkspaceKb(startDir: string): { path: string; kb: WorkspaceKb } | null {
  let dir = path.resolve(startDir);
  for (;;) {
    const file = path.join(dir, WORKSPACE_KB_FILE);
    if (fs.existsSync(file)) return { path: file, kb: parseWorkspaceKb(file, fs.readFileSync(file, 'utf8')) };
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

export function parseWorkspaceKb(file: string, json: string): WorkspaceKb {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    throw new KbError(file, `not valid JSON (${(e as Error).message})`);
  }
  const r = WorkspaceKbSchema.safeParse(data);
  if (!r.success) {
    throw new KbError(file, r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; '));
  }
  return r.data;
}
