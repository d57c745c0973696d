/**
 * Entity-level edits made of the store's own operations: annotations move to
 * another entity by tagging their span again (the store updates the record at
 * that span in place, keeping its id and creation time).
 */
import { AnnotationError, type ArticleAnnotations } from '../annotations';
import type { EntityType } from '../model';

export interface RelinkResult {
  /** Annotations now linked to the target. */
  moved: number;
  /** Orphans of the source entity: they have no span to re-tag and stay as they are. */
  skippedOrphans: number;
}

/** Links every anchored annotation of `from` to `to` (which the store or its knowledge base must know). */
export function relinkEntity(store: ArticleAnnotations, from: string, to: string, type?: EntityType): RelinkResult {
  let moved = 0;
  for (const a of store.annotations()) {
    if (a.entity !== from) continue;
    const tagged = store.tag({ start: a.start, end: a.end, entity: to, type, note: a.note });
    // tag() confirms; a rejection stays a rejection under its new entity.
    if (a.status === 'rejected') store.reject({ ...a, text: tagged.quote.exact, qid: null, entity: to, type: tagged.type, kind: tagged.kind });
    moved++;
  }
  return { moved, skippedOrphans: store.orphans().filter((a) => a.entity === from).length };
}

/**
 * Gives an entity defined in this sidecar a new name: a new entity with that
 * name (and the old type and QID) takes over its annotations. Returns the new id.
 */
export function renameEntity(store: ArticleAnnotations, from: string, name: string): { id: string } & RelinkResult {
  const old = store.entity(from);
  if (!old) throw new AnnotationError(`entity '${from}' is not defined in ${store.sidecarPath}`);
  const created = store.defineEntity({ name, type: old.type, qid: old.qid ?? null });
  return { id: created.id, ...relinkEntity(store, from, created.id) };
}
