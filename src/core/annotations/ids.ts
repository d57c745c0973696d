/** Identifiers: annotation ids, entity ids made from names, content hashes. */
import { createHash, randomFillSync } from 'crypto';

/** A new annotation id: `a-` and 12 random hex digits. */
export function newAnnotationId(): string {
  // Random bytes drawn 6 KB at a time: Confirm All on a long article makes tens of thousands of ids.
  if (poolAt + 6 > pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  poolAt += 6;
  return `a-${pool.toString('hex', poolAt - 6, poolAt)}`;
}
const pool = Buffer.alloc(6 * 1024);
let poolAt = pool.length;

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * An entity id from a name, in the knowledge base's id alphabet ([a-z0-9-]).
 * Names with no Latin letters or digits (日本語, 한국어) get a short hash instead.
 */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || `entity-${sha256Hex(name.normalize('NFC')).slice(0, 8)}`;
}
