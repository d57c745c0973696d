/** Worker thread: recognizes articles off the extension host's thread. No vscode here. */
import { parentPort } from 'worker_threads';
import { KnowledgeBase } from '../../core/kb';
import { recognize } from '../../core/recognize';
import type { Request, Response } from './protocol';

let kb = KnowledgeBase.builtin();

parentPort?.on('message', (msg: Request) => {
  if (msg.kind === 'knowledge') {
    kb = msg.workspace ? KnowledgeBase.builtin().withWorkspace(msg.workspace, msg.file ?? undefined) : KnowledgeBase.builtin();
    return;
  }
  let reply: Response;
  try {
    reply = { id: msg.id, mentions: recognize(msg.text, kb) };
  } catch (e) {
    reply = { id: msg.id, error: e instanceof Error ? e.stack ?? e.message : String(e) };
  }
  parentPort!.postMessage(reply);
});
