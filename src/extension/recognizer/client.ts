/**
 * Recognition for the extension: in a worker thread when the bundled worker
 * is there (a 1 MB article takes seconds), else in this thread. Requests are
 * answered in order; the knowledge base travels with the queue, so a request
 * made after a knowledge change is recognized with the new knowledge.
 */
import * as fs from 'fs';
import { Worker } from 'worker_threads';
import { KnowledgeBase, type WorkspaceKb } from '../../core/kb';
import type { Mention } from '../../core/model';
import { RecognitionSessions } from '../../core/recognize/sessions';
import { applyDelta } from './delta';
import type { Request, Response } from './protocol';

export class Recognizer {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (m: Mention[]) => void; reject: (e: Error) => void; text: string; article?: string }>();
  /** Per article: the id of the last request sent, and the last answer received (the base of the worker's deltas). */
  private readonly lastAsked = new Map<string, number>();
  private readonly answers = new Map<string, { id: number; mentions: Mention[] }>();
  /** Answers received whole and as deltas (tests and the bench read them). */
  readonly replies = { full: 0, delta: 0 };
  private knowledge: Extract<Request, { kind: 'knowledge' }> = { kind: 'knowledge', workspace: null, file: null };
  private readonly local = new RecognitionSessions(KnowledgeBase.builtin());

  constructor(private readonly workerPath: string) {}

  setKnowledge(kb: KnowledgeBase, workspace: WorkspaceKb | null, file: string | null): void {
    this.knowledge = { kind: 'knowledge', workspace, file };
    this.local.setKnowledge(kb);
    this.worker?.postMessage(this.knowledge);
  }

  /** Mentions of `text`; `article` (the document's URI) keeps its session, so an edit re-reads only what it touched. */
  recognize(text: string, article?: string): Promise<Mention[]> {
    const worker = this.ensureWorker();
    if (!worker) return Promise.resolve().then(() => this.local.recognize(text, article));
    return new Promise((resolve, reject) => this.send(worker, { resolve, reject, text, article }, true));
  }

  private send(worker: Worker, p: { resolve: (m: Mention[]) => void; reject: (e: Error) => void; text: string; article?: string }, delta: boolean): void {
    const id = this.nextId++;
    this.pending.set(id, p);
    // A request keeps the process alive until it is answered (in a script, the worker is all there is).
    worker.ref();
    const base = delta && p.article !== undefined ? this.lastAsked.get(p.article) : undefined;
    if (p.article !== undefined) this.lastAsked.set(p.article, id);
    worker.postMessage({ kind: 'recognize', id, text: p.text, article: p.article, base } satisfies Request);
  }

  private receive(worker: Worker, r: Response): void {
    const p = this.pending.get(r.id);
    if (!p) return;
    this.pending.delete(r.id);
    if (!this.pending.size) worker.unref();
    if ('error' in r) return p.reject(new Error(r.error));
    let mentions: Mention[];
    if ('delta' in r) {
      const last = p.article === undefined ? undefined : this.answers.get(p.article);
      // The base was let go meanwhile (the article was forgotten): ask again for the whole answer.
      if (last?.id !== r.base) return this.send(worker, p, false);
      mentions = applyDelta(last.mentions, r.delta);
      this.replies.delta++;
    } else {
      mentions = r.mentions;
      this.replies.full++;
    }
    if (p.article !== undefined) this.answers.set(p.article, { id: r.id, mentions });
    p.resolve(mentions);
  }

  /** The article was closed: drop its session. */
  forget(article: string): void {
    this.local.forget(article);
    this.lastAsked.delete(article);
    this.answers.delete(article);
    this.worker?.postMessage({ kind: 'forget', article } satisfies Request);
  }

  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
    this.failAll(new Error('recognizer stopped'));
  }

  private ensureWorker(): Worker | undefined {
    if (this.worker) return this.worker;
    if (!fs.existsSync(this.workerPath)) return undefined;
    const w = new Worker(this.workerPath);
    w.on('message', (r: Response) => this.receive(w, r));
    // A crashed worker fails what it held; the next request starts a new one.
    w.on('error', (e) => this.failAll(e));
    w.on('exit', () => {
      if (this.worker === w) this.worker = undefined;
      this.failAll(new Error('recognizer worker exited'));
    });
    w.unref();
    w.postMessage(this.knowledge);
    this.worker = w;
    return w;
  }

  private failAll(e: Error): void {
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }
}
