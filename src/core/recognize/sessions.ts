/**
 * Recognition sessions of the articles open at once, so each edit re-reads only
 * the regions it touched (session.ts). Bounded in number and in text (a session
 * holds about 25 bytes per character of its article: 1 MB of text, 25 MB): the
 * least recently used goes first; a knowledge change starts them all afresh.
 */
import type { KnowledgeBase } from '../kb';
import type { Mention } from '../model';
import { answerMentions, type Answer } from './answer';
import { RecognitionSession } from './session';

export class RecognitionSessions {
  private readonly sessions = new Map<string, { session: RecognitionSession; size: number }>();

  constructor(
    private kb: KnowledgeBase,
    private readonly max = 16,
    /** UTF-16 units of text the sessions may hold together (the latest is always kept). */
    private readonly maxText = 8 * 1024 * 1024,
  ) {}

  setKnowledge(kb: KnowledgeBase): void {
    this.kb = kb;
    this.sessions.clear();
  }

  recognize(text: string, article?: string): Mention[] {
    return article === undefined ? new RecognitionSession(this.kb, true).update(text) : answerMentions(this.answer(text, article));
  }

  /** The article's session's answer (answer.ts): what an answer before it shares with it is found by identity. */
  answer(text: string, article: string): Answer {
    const session = this.sessions.get(article)?.session ?? new RecognitionSession(this.kb);
    this.sessions.delete(article);
    this.sessions.set(article, { session, size: text.length });
    let total = 0;
    for (const { size } of this.sessions.values()) total += size;
    for (const [key, { size }] of this.sessions) {
      if (this.sessions.size <= 1 || (this.sessions.size <= this.max && total <= this.maxText)) break;
      this.sessions.delete(key);
      total -= size;
    }
    return session.answer(text);
  }

  forget(article: string): void {
    this.sessions.delete(article);
  }

  get size(): number {
    return this.sessions.size;
  }
}
