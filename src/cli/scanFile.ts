/** One article's scan result: the work a pool worker (or the main thread) does per file or per stdin line. */
import * as path from 'path';
import { KnowledgeBase, loadWorkspaceKb, KbError } from '../core/kb';
import { recognize } from '../core/recognize';
import { ArticleError, readArticle, setDefaultMaxArticleSize } from '../core/text/article';
import type { Mention } from '../core/model';
import { formatResult, type ScanFormat, type ScanOutput } from './scanOutput';
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

// As mergeRecognized orders them (by start, then end). recognize() made these objects for this scan
// alone: they are marked in place rather than copied.
const statusOf = (ms: Mention[]): ScannedMention[] => {
  for (const m of ms) (m as ScannedMention).status = 'recognized';
  return (ms as ScannedMention[]).sort((a, b) => a.start - b.start || a.end - b.end);
};

export async function scanJob(job: ScanJob): Promise<ScanResult> {
  try {
    if ('text' in job) return { id: job.id, mentions: statusOf(recognize(job.text, knowledgeBaseForDir(job.dir))) };
    const file = job.file;
    const { text } = readArticle(file);
    const recognized = recognize(text, knowledgeBaseForDir(path.dirname(path.resolve(file))));
    // The sidecar's decisions win; without one, merging would only build a TextView for nothing.
    const sidecarPath = sidecarPathFor(file);
    const sidecar = await readSidecarFile(sidecarPath);
    if (!sidecar) return { path: file, mentions: statusOf(recognized), orphans: [] };
    const { mentions, orphans } = mergeRecognized(text, recognized, sidecar, { article: path.basename(file), file: sidecarPath });
    return { path: file, mentions, orphans };
  } catch (e) {
    if (!(e instanceof ArticleError || e instanceof KbError || e instanceof SidecarError)) throw e;
    return { error: e.message };
  }
}

/** scanJob, with its result as the text scan prints. */
export async function scanToOutput(job: ScanJob, format: ScanFormat): Promise<ScanOutput> {
  return formatResult(await scanJob(job), format);
}
