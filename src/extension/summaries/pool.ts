/**
 * The workspace index's summaries (read, recognize, merge with the sidecar, previews) made in worker
 * threads, one per core: indexing thousands of articles uses every core, and the extension host only
 * receives finished summaries. Each worker holds a few requests at a time, so a knowledge change or a
 * dispose never waits behind a whole workspace. Workers stop after a while idle (each holds the KB).
 * Without the bundled worker (unit tests run the TypeScript sources) summaries are made in this thread.
 * No vscode here: the bench runs it in Node.
 */
import * as fs from 'fs';
import * as os from 'os';
import { Worker } from 'worker_threads';
import { KnowledgeBase, type WorkspaceKb } from '../../core/kb';
import { recognize } from '../../core/recognize';
import { summarizeArticle, type DiskSummary } from '../../core/workspace/summary';
import type { SummaryRequest, SummaryResponse } from './protocol';

const depth = 4;
const idleMs = 30_000;

interface Pending {
  id: number;
  fsPath: string;
  file: string;
  maxSize: number;
  resolve: (s: DiskSummary) => void;
  reject: (e: Error) => void;
}

export class SummaryPool {
  private workers: Array<{ worker: Worker; held: Map<number, Pending> }> = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private knowledge: Extract<SummaryRequest, { kind: 'knowledge' }> = { kind: 'knowledge', workspace: null, file: null };
  private localKb = KnowledgeBase.builtin();
  private idle: NodeJS.Timeout | undefined;

  constructor(
    private readonly workerPath: string,
    private readonly threads = os.availableParallelism(),
  ) {}

  /** The knowledge base summaries are made with from now on (the workspace file's content, if any). */
  setKnowledge(workspace: WorkspaceKb | null, file: string | null): void {
    this.knowledge = { kind: 'knowledge', workspace, file };
    this.localKb = workspace ? KnowledgeBase.builtin().withWorkspace(workspace, file ?? undefined) : KnowledgeBase.builtin();
    for (const w of this.workers) w.worker.postMessage(this.knowledge);
  }

  summarize(fsPath: string, file: string, maxSize: number): Promise<DiskSummary> {
    if (!fs.existsSync(this.workerPath)) {
      const kb = this.localKb;
      return summarizeArticle(fsPath, file, (t) => recognize(t, kb), maxSize);
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, fsPath, file, maxSize, resolve, reject });
      this.start();
      this.dispatch();
    });
  }

  dispose(): void {
    clearTimeout(this.idle);
    const stopped = new Error('summary workers stopped');
    for (const p of this.queue.splice(0)) p.reject(stopped);
    for (const w of this.workers.splice(0)) {
      for (const p of w.held.values()) p.reject(stopped);
      void w.worker.terminate();
    }
  }

  private start(): void {
    clearTimeout(this.idle);
    while (this.workers.length < Math.max(1, this.threads)) {
      const w = { worker: new Worker(this.workerPath), held: new Map<number, Pending>() };
      w.worker.on('message', (r: SummaryResponse) => {
        const p = w.held.get(r.id);
        if (!p) return;
        w.held.delete(r.id);
        if (!w.held.size) w.worker.unref();
        if ('error' in r) p.reject(new Error(r.error));
        else p.resolve(r.summary);
        this.dispatch();
      });
      // A crashed worker fails what it held; the next request starts a new one.
      const gone = (e: Error) => {
        this.workers = this.workers.filter((x) => x !== w);
        for (const p of w.held.values()) p.reject(e);
        w.held.clear();
      };
      w.worker.on('error', gone);
      w.worker.on('exit', () => gone(new Error('summary worker exited')));
      // Only a worker with work keeps the process alive (the bench's; the extension host lives anyway).
      w.worker.unref();
      w.worker.postMessage(this.knowledge);
      this.workers.push(w);
    }
  }

  private dispatch(): void {
    for (;;) {
      if (!this.queue.length) break;
      let w = this.workers[0];
      for (const x of this.workers) if (x.held.size < w.held.size) w = x;
      if (!w || w.held.size >= depth) break;
      const p = this.queue.shift()!;
      w.held.set(p.id, p);
      w.worker.ref();
      w.worker.postMessage({ kind: 'summarize', id: p.id, fsPath: p.fsPath, file: p.file, maxSize: p.maxSize } satisfies SummaryRequest);
    }
    if (!this.queue.length && this.workers.every((w) => !w.held.size)) {
      clearTimeout(this.idle);
      this.idle = setTimeout(() => this.stopIdle(), idleMs);
      this.idle.unref();
    }
  }

  private stopIdle(): void {
    if (this.queue.length || this.workers.some((w) => w.held.size)) return;
    for (const w of this.workers.splice(0)) void w.worker.terminate();
  }
}
