/** Summary worker: reads, recognizes and merges articles for the workspace index, off the extension host. No vscode here. */
import { parentPort } from 'worker_threads';
import { KnowledgeBase } from '../../core/kb';
import { recognize } from '../../core/recognize';
import { summarizeArticle } from '../../core/workspace/summary';
import type { SummaryRequest, SummaryResponse } from './protocol';

let kb = KnowledgeBase.builtin();

parentPort?.on('message', async (msg: SummaryRequest) => {
  if (msg.kind === 'knowledge') {
    kb = msg.workspace ? KnowledgeBase.builtin().withWorkspace(msg.workspace, msg.file ?? undefined) : KnowledgeBase.builtin();
    return;
  }
  const used = kb;
  let reply: SummaryResponse;
  try {
    reply = { id: msg.id, summary: await summarizeArticle(msg.fsPath, msg.file, (t) => recognize(t, used), msg.maxSize) };
  } catch (e) {
    reply = { id: msg.id, error: e instanceof Error ? e.stack ?? e.message : String(e) };
  }
  parentPort!.postMessage(reply);
});
