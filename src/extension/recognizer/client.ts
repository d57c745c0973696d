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
import type { Request, Response } from './protocol';

export class Recognizer {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (m: Mention[]) => void; reject: (e: Error) => void }>();
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
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ kind: 'recognize', id, text, article } satisfies Request);
    });
  }

  /** The article was closed: drop its session. */
  forget(article: string): void {
    this.local.forget(article);
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
    w.on('message', (r: Response) => {
      const p = this.pending.get(r.id);
      if (!p) return;
      this.pending.delete(r.id);
      if ('error' in r) p.reject(new Error(r.error));
      else p.resolve(r.mentions);
    });
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
