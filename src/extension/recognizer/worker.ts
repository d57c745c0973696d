/** Worker thread: recognizes articles off the extension host's thread. No vscode here. */
import { parentPort } from 'worker_threads';
import { KnowledgeBase } from '../../core/kb';
import { RecognitionSessions } from '../../core/recognize/sessions';
import { answerDelta, answerMentions, type Answer } from '../../core/recognize/answer';
import type { Request, Response } from './protocol';

const sessions = new RecognitionSessions(KnowledgeBase.builtin());
/** The last answer per article, the base of the next one's delta; as many articles as the sessions keep at most. */
const answered = new Map<string, { id: number; answer: Answer }>();
const MAX_ANSWERED = 16;

function remember(article: string, answer: { id: number; answer: Answer }): void {
  answered.delete(article);
  answered.set(article, answer);
  if (answered.size > MAX_ANSWERED) answered.delete(answered.keys().next().value!);
}

parentPort?.on('message', (msg: Request) => {
  if (msg.kind === 'knowledge') {
    sessions.setKnowledge(msg.workspace ? KnowledgeBase.builtin().withWorkspace(msg.workspace, msg.file ?? undefined) : KnowledgeBase.builtin());
    return;
  }
  if (msg.kind === 'forget') {
    sessions.forget(msg.article);
    answered.delete(msg.article);
    return;
  }
  let reply: Response;
  try {
    if (msg.article === undefined) reply = { id: msg.id, mentions: sessions.recognize(msg.text) };
    else {
      const answer = sessions.answer(msg.text, msg.article);
      const last = answered.get(msg.article);
      reply = last && last.id === msg.base ? { id: msg.id, base: last.id, delta: answerDelta(last.answer, answer) } : { id: msg.id, mentions: answerMentions(answer) };
      remember(msg.article, { id: msg.id, answer });
    }
  } catch (e) {
    reply = { id: msg.id, error: e instanceof Error ? e.stack ?? e.message : String(e) };
  }
  parentPort!.postMessage(reply);
});
