/**
 * The text a sidecar's offsets refer to, kept in the sidecar (`textSnapshot`:
 * base64 of the gzipped UTF-8 text). When the article changes outside the
 * editor (git, another program, the CLI), the old text is diffed with the new
 * one and every offset maps exactly; quotes are only the fallback.
 *
 * A snapshot counts only when it hashes to the sidecar's `textHash`: an older
 * program that kept the field but changed the text leaves a stale one, which
 * is ignored.
 */
import { gunzipSync, gzipSync, constants } from 'zlib';
import { sha256Hex } from './ids';

/** Largest text a snapshot may unpack to (a corrupt or hostile field cannot exhaust memory). */
const MAX_SNAPSHOT_BYTES = 256 * 1024 * 1024;

let last: { hash: string; snapshot: string } | undefined;

/** The snapshot of `text` (whose sha256 is `hash`); the last one is cached, saves of one text repeat it. */
export function encodeSnapshot(text: string, hash: string): string {
  if (last?.hash === hash) return last.snapshot;
  const snapshot = gzipSync(Buffer.from(text, 'utf8'), { level: constants.Z_BEST_SPEED }).toString('base64');
  last = { hash, snapshot };
  return snapshot;
}

/** The text of a snapshot if it is intact and hashes to `hash`; otherwise null. */
export function decodeSnapshot(snapshot: string | undefined, hash: string): string | null {
  if (!snapshot) return null;
  try {
    const text = gunzipSync(Buffer.from(snapshot, 'base64'), { maxOutputLength: MAX_SNAPSHOT_BYTES }).toString('utf8');
    return sha256Hex(text) === hash ? text : null;
  } catch {
    return null;
  }
}
