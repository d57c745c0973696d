/** One article's scan result: the work a pool worker (or the main thread) does per file or per stdin line. */
import * as path from 'path';
import { KnowledgeBase, loadWorkspaceKb, KbError } from '../core/kb';
import { recognize } from '../core/recognize';
import { ArticleError, readArticle, setDefaultMaxArticleSize } from '../core/text/article';
import type { Mention } from '../core/model';
import { mergeRecognized, readSidecarFile, sidecarPathFor, SidecarError } from '../core/annotations';

export interface ScannedMention extends Mention {
  status: 'recognized' | 'confirmed';
}

export type ScanJob = { file: string } | { id: unknown; text: string; dir: string };
export type ScanResult =
  | { path: string; mentions: ScannedMention[]; orphans: Array<{ id: string; text: string; entity: string }> }
  | { id: unknown; mentions: ScannedMention[] }
  | { error: string };

// The workspace KB is looked up once per folder, not once per file (it walks the ancestors).
const kbByDir = new Map<string, KnowledgeBase>();
export function knowledgeBaseForDir(dir: string): KnowledgeBase {
  let kb = kbByDir.get(dir);
  if (!kb) {
    const ws = loadWorkspaceKb(dir);
    kb = ws ? KnowledgeBase.builtin().withWorkspace(ws.kb, ws.path) : KnowledgeBase.builtin();
    kbByDir.set(dir, kb);
  }
  return kb;
}

export function setMaxSize(bytes: number | undefined): void {
  if (bytes) setDefaultMaxArticleSize(bytes);
}

// As mergeRecognized orders them (by start, then end).
const statusOf = (ms: Mention[]): ScannedMention[] =>
  ms.map((m): ScannedMention => ({ ...m, status: 'recognized' })).sort((a, b) => a.start - b.start || a.end - b.end);

export async function scanJob(job: ScanJob): Promise<ScanResult> {
  try {
    if ('text' in job) return { id: job.id, mentions: statusOf(recognize(job.text, knowledgeBaseForDir(job.dir))) };
    const file = job.file;
    const { text } = readArticle(file);
    const recognized = recognize(text, knowledgeBaseForDir(path.dirname(path.resolve(file))));
    // The sidecar's decisions win; without one, merging would only build a TextView for nothing.
    const sidecar = await readSidecarFile(sidecarPathFor(file));
    if (!sidecar) return { path: file, mentions: statusOf(recognized), orphans: [] };
    const { mentions, orphans } = mergeRecognized(text, recognized, sidecar, { article: path.basename(file), file: sidecarPathFor(file) });
    return { path: file, mentions, orphans };
  } catch (e) {
    if (!(e instanceof ArticleError || e instanceof KbError || e instanceof SidecarError)) throw e;
    return { error: e.message };
  }
}
