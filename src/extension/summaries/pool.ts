/**
 * The workspace index's summaries (read, recognize, merge with the sidecar, line numbers) made in worker
 * threads, one per core: indexing thousands of articles uses every core, and the extension host only
 * receives finished summaries. Articles go to a worker several per message and come back compactly
 * encoded (codec.ts): a message and a structured clone per article cost the extension host more than
 * decoding. Each worker holds a few requests at a time, so a knowledge change or a dispose never waits
 * behind a whole workspace. Workers stop after a while idle (each holds the KB).
 * Without the bundled worker (unit tests run the TypeScript sources) summaries are made in this thread.
 * No vscode here: the bench runs it in Node.
 */
import * as fs from 'fs';
import * as os from 'os';
import { Worker } from 'worker_threads';
import { KnowledgeBase, type WorkspaceKb } from '../../core/kb';
import { recognize } from '../../core/recognize';
import { summarizeArticle, type DiskSummary } from '../../core/workspace/summary';
import { decodeBatch } from './codec';
import type { SummaryJob, SummaryRequest, SummaryResponse } from './protocol';

/** Requests a worker holds at a time (one in work, the next ready), and articles per request at most. */
const depth = 2;
const maxBatch = 16;
const idleMs = 30_000;

interface Pending extends SummaryJob {
  resolve: (s: DiskSummary) => void;
  reject: (e: Error) => void;
}

interface Held {
  worker: Worker;
  /** The articles it holds, by id, and how many requests they came in. */
  held: Map<number, Pending>;
  requests: number;
}

export class SummaryPool {
  private workers: Held[] = [];
  private queue: Pending[] = [];
  private head = 0;
  private scheduled = false;
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
      // Requests made together (the index asks for every article at once) are dispatched together.
      if (!this.scheduled) {
        this.scheduled = true;
        queueMicrotask(() => {
          this.scheduled = false;
          this.dispatch();
        });
      }
    });
  }

  dispose(): void {
    clearTimeout(this.idle);
    const stopped = new Error('summary workers stopped');
    for (const p of this.queue.splice(this.head)) p.reject(stopped);
    this.queue = [];
    this.head = 0;
    for (const w of this.workers.splice(0)) {
      for (const p of w.held.values()) p.reject(stopped);
      void w.worker.terminate();
    }
  }

  private start(): void {
    clearTimeout(this.idle);
    while (this.workers.length < Math.max(1, this.threads)) {
      const w: Held = { worker: new Worker(this.workerPath), held: new Map(), requests: 0 };
      w.worker.on('message', (r: SummaryResponse) => {
        w.requests = Math.max(0, w.requests - 1);
        const summaries = decodeBatch<DiskSummary>(r.summaries);
        r.ids.forEach((id, i) => this.settle(w, id, (p) => p.resolve(summaries[i])));
        for (const e of r.errors) this.settle(w, e.id, (p) => p.reject(new Error(e.error)));
        if (!w.held.size) w.worker.unref();
        this.dispatch();
      });
      // A crashed worker fails what it held; a new one takes the articles still queued.
      const gone = (e: Error) => {
        if (!this.workers.includes(w)) return;
        this.workers = this.workers.filter((x) => x !== w);
        for (const p of w.held.values()) p.reject(e);
        w.held.clear();
        w.requests = 0;
        if (this.head < this.queue.length) {
          this.start();
          this.dispatch();
        }
      };
      w.worker.on('error', gone);
      w.worker.on('exit', () => gone(new Error('summary worker exited')));
      // Only a worker with work keeps the process alive (the bench's; the extension host lives anyway).
      w.worker.unref();
      w.worker.postMessage(this.knowledge);
      this.workers.push(w);
    }
  }

  private settle(w: Held, id: number, how: (p: Pending) => void): void {
    const p = w.held.get(id);
    if (!p) return;
    w.held.delete(id);
    how(p);
  }

  private dispatch(): void {
    while (this.head < this.queue.length) {
      let w = this.workers[0];
      for (const x of this.workers) if (x.requests < w.requests) w = x;
      if (!w || w.requests >= depth) break;
      // Spread what is left over every worker's requests; a long queue goes maxBatch at a time.
      const left = this.queue.length - this.head;
      const size = Math.min(maxBatch, Math.max(1, Math.ceil(left / (this.workers.length * depth))));
      const jobs: SummaryJob[] = [];
      for (const p of this.queue.slice(this.head, this.head + size)) {
        w.held.set(p.id, p);
        jobs.push({ id: p.id, fsPath: p.fsPath, file: p.file, maxSize: p.maxSize });
      }
      this.head += jobs.length;
      w.requests++;
      w.worker.ref();
      w.worker.postMessage({ kind: 'summarize', jobs } satisfies SummaryRequest);
    }
    // The queue is an array read from `head`: shifting a long one article by article is quadratic.
    if (this.head === this.queue.length) {
      this.queue = [];
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
    if (this.head === this.queue.length && this.workers.every((w) => !w.held.size)) {
      clearTimeout(this.idle);
      this.idle = setTimeout(() => this.stopIdle(), idleMs);
      this.idle.unref();
    }
  }

  private stopIdle(): void {
    if (this.head < this.queue.length || this.workers.some((w) => w.held.size)) return;
    for (const w of this.workers.splice(0)) void w.worker.terminate();
  }
}
