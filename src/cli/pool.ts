/**
 * A worker-thread pool that returns results in input order with a bounded number of jobs in flight,
 * so memory does not grow with the corpus. Plain worker_threads: a pool library would add bundle size
 * and nothing this ordered, fixed-size queue needs. Without the bundled worker (unit tests run the
 * TypeScript sources) the jobs run on the main thread, in order.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { defaultMaxArticleSize } from '../core/text/article';
import { scanJob, type ScanJob, type ScanResult } from './scanFile';

const workerFile = path.join(__dirname, 'scan-worker.js');

export async function scanOrdered(
  jobs: AsyncIterable<ScanJob> | Iterable<ScanJob>,
  onResult: (r: ScanResult) => void,
  // ARTICLE_ANNOTATOR_THREADS overrides the count (1: no workers), for measuring.
  threads = Number(process.env.ARTICLE_ANNOTATOR_THREADS) || os.availableParallelism(),
): Promise<void> {
  if (threads <= 1 || !fs.existsSync(workerFile) || path.extname(__filename) !== '.js') {
    for await (const job of jobs) onResult(await scanJob(job));
    return;
  }
  const workers = Array.from({ length: threads }, () => new Worker(workerFile, { workerData: { maxSize: defaultMaxArticleSize() } }));
  const maxInFlight = threads * 4;
  const done = new Map<number, ScanResult>();
  let next = 0; // next sequence number to hand out in order
  let seq = 0;
  let inFlight = 0;
  let wake: (() => void) | null = null;
  let failure: unknown = null;
  const idle: Worker[] = [...workers];
  const queued: Array<{ seq: number; job: ScanJob }> = [];
  const dispatch = () => {
    while (idle.length && queued.length) idle.pop()!.postMessage(queued.shift()!);
  };
  for (const w of workers) {
    w.on('message', (m: { seq: number; result: ScanResult }) => {
      done.set(m.seq, m.result);
      while (done.has(next)) {
        const r = done.get(next)!;
        done.delete(next++);
        inFlight--;
        onResult(r);
      }
      idle.push(w);
      dispatch();
      wake?.();
    });
    w.on('error', (e) => {
      failure = e;
      wake?.();
    });
  }
  const waitFor = async (cond: () => boolean) => {
    while (!cond() && !failure) await new Promise<void>((r) => (wake = r));
    wake = null;
    if (failure) throw failure;
  };
  try {
    for await (const job of jobs) {
      await waitFor(() => inFlight < maxInFlight);
      inFlight++;
      queued.push({ seq: seq++, job });
      dispatch();
    }
    await waitFor(() => inFlight === 0);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
