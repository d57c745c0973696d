/**
 * Recognition sessions of the articles open at once, so each edit re-reads only
 * the regions it touched (session.ts). Bounded: the least recently used session
 * goes first; a knowledge change starts them all afresh.
 */
import type { KnowledgeBase } from '../kb';
import type { Mention } from '../model';
import { RecognitionSession } from './session';

export class RecognitionSessions {
  private readonly sessions = new Map<string, RecognitionSession>();

  constructor(
    private kb: KnowledgeBase,
    private readonly max = 16,
  ) {}

  setKnowledge(kb: KnowledgeBase): void {
    this.kb = kb;
    this.sessions.clear();
  }

  recognize(text: string, article?: string): Mention[] {
    if (article === undefined) return new RecognitionSession(this.kb).update(text);
    let session = this.sessions.get(article);
    if (session) this.sessions.delete(article);
    else session = new RecognitionSession(this.kb);
    this.sessions.set(article, session);
    while (this.sessions.size > this.max) this.sessions.delete(this.sessions.keys().next().value!);
    return session.update(text);
  }

  forget(article: string): void {
    this.sessions.delete(article);
  }

  get size(): number {
    return this.sessions.size;
  }
}
