/**
 * Scans jobs on every core and returns results in input order, with a bounded number of jobs in flight
 * so memory does not grow with the corpus. The main thread scans too, next to threads-1 workers: a
 * worker of its own would load the bundle, the KB and its compiled code once more (time and ~90 MB)
 * while the main thread idled. Workers format their results (scanOutput.ts): the main thread gets one
 * string per article. A worker holds a few jobs ahead, so it never waits while the main thread scans.
 * Plain worker_threads: a pool library (tinypool measured, README) gives no ordered, shared-with-main
 * queue and was no faster. Without the bundled worker (unit tests run the TypeScript sources) every job
 * runs on the main thread.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { defaultMaxArticleSize } from '../core/text/article';
import { scanToOutput, type ScanJob } from './scanFile';
import type { ScanFormat, ScanOutput } from './scanOutput';

const workerFile = path.join(__dirname, 'scan-worker.js');
/** Jobs handed to one worker at a time: enough to keep it busy while the main thread scans one. */
const depth = 4;

/**
 * Scans `jobs` and calls `onOutput` for each in input order. When `onOutput` returns a promise
 * (the output stream is full), no further job is started until it settles.
 */
export async function scanOrdered(
  jobs: AsyncIterable<ScanJob> | Iterable<ScanJob>,
  format: ScanFormat,
  onOutput: (o: ScanOutput) => void | Promise<void>,
  // ARTICLE_ANNOTATOR_THREADS overrides the count (1: the main thread alone), for measuring.
  threads = Number(process.env.ARTICLE_ANNOTATOR_THREADS) || os.availableParallelism(),
): Promise<void> {
  const useWorkers = threads > 1 && fs.existsSync(workerFile) && path.extname(__filename) === '.js';
  const workerData = { maxSize: defaultMaxArticleSize(), format };
  const workers: Array<{ worker: Worker; assigned: number }> = [];
  // Results wait here until every earlier one is out: at most maxInFlight of them.
  const maxInFlight = threads * depth * 2;
  const done = new Map<number, ScanOutput>();
  let next = 0; // next sequence number to write
  let seq = 0;
  let inFlight = 0;
  let wake: (() => void) | null = null;
  let failure: unknown = null;
  let stopping = false;
  let paused: Promise<void> | null = null;
  const queued: Array<{ seq: number; job: ScanJob }> = [];
  const fail = (e: unknown) => {
    failure ??= e;
    wake?.();
  };
  const dispatch = () => {
    while (queued.length && workers.length) {
      let w = workers[0];
      for (const x of workers) if (x.assigned < w.assigned) w = x;
      if (w.assigned >= depth) return;
      w.assigned++;
      w.worker.postMessage(queued.shift()!);
    }
  };
  const deliver = (n: number, r: ScanOutput) => {
    done.set(n, r);
    while (done.has(next)) {
      const out = done.get(next)!;
      done.delete(next++);
      inFlight--;
      const p = onOutput(out);
      if (p) paused = p.then(() => void (paused = null), fail);
    }
    wake?.();
  };
  const start = () => {
    for (let i = 1; i < threads; i++) workers.push(listen({ worker: new Worker(workerFile, { workerData }), assigned: 0 }));
  };
  const listen = (w: { worker: Worker; assigned: number }) => {
    w.worker.on('message', (m: { seq: number; result: ScanOutput }) => {
      w.assigned--;
      dispatch();
      deliver(m.seq, m.result);
    });
    w.worker.on('error', fail);
    // A worker that dies without an error event (killed, exit from native code) must not leave us waiting.
    w.worker.on('exit', (code) => {
      if (!stopping) fail(new Error(`scan worker stopped (exit code ${code})`));
    });
    return w;
  };
  const check = () => {
    if (failure) throw failure;
  };
  // The main thread's share: one job the workers have no room for, then the workers' replies are read.
  const scanOneHere = async () => {
    const { seq: n, job } = queued.shift()!;
    let r: ScanOutput;
    try {
      r = await scanToOutput(job, format);
    } catch (e) {
      // As a worker reports it (scanWorker.ts): the article fails, the scan goes on.
      r = { error: e instanceof Error ? e.message : String(e) };
    }
    deliver(n, r);
    if (workers.length) await new Promise<void>((r) => setImmediate(r));
  };
  const waitFor = async (cond: () => boolean) => {
    while (!cond() && !failure) await new Promise<void>((r) => (wake = r));
    wake = null;
    check();
  };
  const add = async (job: ScanJob) => {
    while (inFlight >= maxInFlight || paused) {
      if (paused) await paused;
      else if (queued.length) await scanOneHere();
      else await waitFor(() => inFlight < maxInFlight);
      check();
    }
    inFlight++;
    queued.push({ seq: seq++, job });
    dispatch();
    if (queued.length) await scanOneHere();
    check();
  };
  // Workers start with the second job: one article (a 50 MB one, say) is scanned here without a
  // worker's memory. A list's first job waits for the second, so a long first article does not delay
  // the workers; a stream's (stdin) is scanned at once, as a reader may wait for its answer.
  const list = Symbol.iterator in jobs;
  try {
    let held: ScanJob | null = null;
    let count = 0;
    for await (const job of jobs) {
      count++;
      if (count === 1 && list) {
        held = job;
        continue;
      }
      if (count === 2 && useWorkers) start();
      if (held) await add(held);
      held = null;
      await add(job);
    }
    if (held) await add(held);
    while (queued.length) {
      while (paused) await paused;
      await scanOneHere();
      check();
    }
    await waitFor(() => inFlight === 0);
    while (paused) await paused;
  } finally {
    stopping = true;
    await Promise.all(workers.map((w) => w.worker.terminate()));
  }
}
