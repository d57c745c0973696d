/** Worker thread: recognizes articles off the extension host's thread. No vscode here. */
import { parentPort } from 'worker_threads';
import { KnowledgeBase } from '../../core/kb';
import { RecognitionSessions } from '../../core/recognize/sessions';
import type { Request, Response } from './protocol';

const sessions = new RecognitionSessions(KnowledgeBase.builtin());

parentPort?.on('message', (msg: Request) => {
  if (msg.kind === 'knowledge') {
    sessions.setKnowledge(msg.workspace ? KnowledgeBase.builtin().withWorkspace(msg.workspace, msg.file ?? undefined) : KnowledgeBase.builtin());
    return;
  }
  if (msg.kind === 'forget') {
    sessions.forget(msg.article);
    return;
  }
  let reply: Response;
  try {
    reply = { id: msg.id, mentions: sessions.recognize(msg.text, msg.article) };
  } catch (e) {
    reply = { id: msg.id, error: e instanceof Error ? e.stack ?? e.message : String(e) };
  }
  parentPort!.postMessage(reply);
});
