/** Summary worker: reads, recognizes and merges articles for the workspace index, off the extension host. No vscode here. */
import { parentPort } from 'worker_threads';
import { KnowledgeBase } from '../../core/kb';
import { recognize } from '../../core/recognize';
import { summarizeArticle, type DiskSummary } from '../../core/workspace/summary';
import { encodeBatch } from './codec';
import type { SummaryRequest, SummaryResponse } from './protocol';

let kb = KnowledgeBase.builtin();

// Requests are handled one after the other: the articles of a request with the knowledge current
// when it arrived, and a knowledge change applies from the next request on.
let last: Promise<void> = Promise.resolve();
parentPort?.on('message', (msg: SummaryRequest) => {
  if (msg.kind === 'knowledge') {
    kb = msg.workspace ? KnowledgeBase.builtin().withWorkspace(msg.workspace, msg.file ?? undefined) : KnowledgeBase.builtin();
    return;
  }
  const used = kb;
  last = last.then(() => summarizeJobs(msg.jobs, used));
});

async function summarizeJobs(jobs: Extract<SummaryRequest, { kind: 'summarize' }>['jobs'], used: KnowledgeBase): Promise<void> {
  const ids: number[] = [];
  const summaries: DiskSummary[] = [];
  const errors: SummaryResponse['errors'] = [];
  for (const job of jobs) {
    try {
      summaries.push(await summarizeArticle(job.fsPath, job.file, (t) => recognize(t, used), job.maxSize));
      ids.push(job.id);
    } catch (e) {
      errors.push({ id: job.id, error: describe(e) });
    }
  }
  let reply: SummaryResponse;
  try {
    reply = { ids, summaries: encodeBatch(summaries), errors };
  } catch (e) {
    reply = { ids: [], summaries: encodeBatch([]), errors: [...errors, ...ids.map((id) => ({ id, error: describe(e) }))] };
  }
  parentPort!.postMessage(reply);
}

function describe(e: unknown): string {
  return e instanceof Error ? e.stack ?? e.message : String(e);
}
