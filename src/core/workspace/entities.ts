/**
 * What the editor shows about an entity, from whichever source knows it: the
 * knowledge base, or a sidecar that defined it (new entities, unnamed
 * agreements the recognizer found by their head noun).
 */
import type { SidecarEntity } from '../annotations';
import type { KnowledgeBase } from '../kb';
import type { Lang } from '../kb/schema';
import { ACTOR_TYPES, AGREEMENT_TYPES, type EntityType, type Kind } from '../model';

export interface EntityInfo {
  id: string;
  name: string;
  kind: Kind;
  type: EntityType;
  qid: string | null;
  /** Other surface forms: names in every language and aliases, the display name excluded. */
  aliases: string[];
  source: 'kb' | 'sidecar';
}

/** Looks entities up in the knowledge base first, then in the sidecars' entity lists. */
export class EntityDirectory {
  private readonly local = new Map<string, SidecarEntity>();

  /** `lang`: the language of the names shown (see kb/names.ts); the canonical English by default. */
  constructor(
    private readonly kb: KnowledgeBase,
    sidecarEntities: Iterable<SidecarEntity> = [],
    private readonly lang: Lang = 'en',
  ) {
    for (const e of sidecarEntities) if (!this.local.has(e.id)) this.local.set(e.id, e);
  }

  get(id: string): EntityInfo | undefined {
    const e = this.kb.get(id);
    if (e) {
      const name = this.kb.displayName(id, this.lang);
      const forms = [...Object.values(e.names).flatMap((f) => f ?? []), ...e.aliases];
      return { id, name, kind: e.kind, type: e.type, qid: e.qid, aliases: [...new Set(forms)].filter((f) => f !== name), source: 'kb' };
    }
    const s = this.local.get(id);
    return s && { id, name: s.name ?? id, kind: s.kind, type: s.type, qid: s.qid ?? null, aliases: [], source: 'sidecar' };
  }

  /** Display name of an entity; `fallback` (a mention's text) for one no source names. */
  name(id: string, fallback?: string): string {
    return this.get(id)?.name ?? fallback ?? id;
  }

  /** Every entity of a type, knowledge base first, each id once, by name within a source. */
  ofType(type: EntityType): EntityInfo[] {
    const byName = (a: EntityInfo, b: EntityInfo) => a.name.localeCompare(b.name);
    const kb = this.kb.all().filter((e) => e.type === type).map((e) => this.get(e.id)!).sort(byName);
    const local = [...this.local.values()]
      .filter((e) => e.type === type && !this.kb.get(e.id))
      .map((e) => this.get(e.id)!)
      .sort(byName);
    return [...kb, ...local];
  }

  /** Every entity of a kind, type by type. */
  ofKind(kind: Kind): EntityInfo[] {
    return (kind === 'actor' ? ACTOR_TYPES : AGREEMENT_TYPES).flatMap((t) => this.ofType(t));
  }
}
