/**
 * Three-way merge by id, for saving over a sidecar another writer changed.
 * base: each item's canonical text at our last sync with the file; ours: ids
 * in memory; theirs: each item's canonical text on disk now.
 *
 * - ids we changed since the sync: ours (deleted by us: gone, even if they changed it);
 * - ids only they changed (or added): theirs;
 * - ids they deleted and we did not touch: gone (deletions are not resurrected);
 * - ids we added: ours; everything else: unchanged, ours.
 */
export type Side = 'ours' | 'theirs';

export function mergeDecisions(
  ours: Iterable<string>,
  theirs: ReadonlyMap<string, string>,
  base: ReadonlyMap<string, string>,
  changedByUs: { has(id: string): boolean },
  deletedByUs: { has(id: string): boolean },
): Map<string, Side> {
  const out = new Map<string, Side>();
  const oursSet = new Set(ours);
  for (const id of new Set([...oursSet, ...theirs.keys()])) {
    if (deletedByUs.has(id)) continue;
    const inOurs = oursSet.has(id);
    const their = theirs.get(id);
    if (inOurs && changedByUs.has(id)) out.set(id, 'ours');
    else if (their === undefined) {
      if (inOurs && !base.has(id)) out.set(id, 'ours');
    } else if (inOurs && base.get(id) === their) out.set(id, 'ours');
    else out.set(id, 'theirs');
  }
  return out;
}
