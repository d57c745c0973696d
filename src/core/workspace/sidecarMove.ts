/**
 * An article was renamed or moved: its sidecar follows. The `article` field
 * is updated when the file is a readable sidecar; a broken one is moved
 * byte for byte (never rewritten). An existing sidecar at the target is
 * never replaced.
 */
import { promises as fsp } from 'fs';
import * as path from 'path';
import { writeFileAtomic } from '../annotations/atomic';
import { parseSidecar } from '../annotations/codec';
import { SidecarError } from '../annotations/errors';
import { sidecarPathFor } from '../annotations/files';
import { withSidecarLock } from '../annotations/lock';

export type MoveResult = 'moved' | 'none' | 'conflict';

export async function moveSidecar(oldArticle: string, newArticle: string): Promise<MoveResult> {
  const from = sidecarPathFor(oldArticle);
  const to = sidecarPathFor(newArticle);
  if (from === to) return 'none';
  // Both ends locked (in one order, so two moves cannot deadlock): no store writes either while it moves.
  const [first, second] = [from, to].sort();
  await fsp.mkdir(path.dirname(to), { recursive: true });
  return withSidecarLock(first, () => withSidecarLock(second, () => moveLocked(from, to, newArticle)));
}

async function moveLocked(from: string, to: string, newArticle: string): Promise<MoveResult> {
  let bytes: Buffer;
  try {
    bytes = await fsp.readFile(from);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'none';
    throw e;
  }
  if (await exists(to)) return 'conflict';
  await fsp.mkdir(path.dirname(to), { recursive: true });
  const renamed = renamedContent(bytes, from, path.basename(newArticle));
  if (renamed) {
    await writeFileAtomic(to, renamed);
    await fsp.rm(from, { force: true });
  } else {
    await fsp.rename(from, to);
  }
  return 'moved';
}

/** The sidecar's JSON with `article` naming the new file; null to move it unchanged. */
function renamedContent(bytes: Buffer, file: string, article: string): string | null {
  try {
    const doc = parseSidecar(bytes, file);
    if (doc.article === article) return null;
    // Rewrite the raw JSON, not the parsed document: only `article` changes.
    const raw = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
    raw.article = article;
    return JSON.stringify(raw, null, 2) + '\n';
  } catch (e) {
    if (e instanceof SidecarError) return null;
    throw e;
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await fsp.access(file);
    return true;
  } catch {
    return false;
  }
}
