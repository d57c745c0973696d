/** Pool worker: scans the jobs the main thread posts, one reply per job, tagged with its sequence number. */
import { parentPort, workerData } from 'worker_threads';
import { scanJob, setMaxSize, type ScanJob } from './scanFile';

setMaxSize((workerData as { maxSize?: number } | undefined)?.maxSize);
parentPort!.on('message', async ({ seq, job }: { seq: number; job: ScanJob }) => {
  try {
    parentPort!.postMessage({ seq, result: await scanJob(job) });
  } catch (e) {
    parentPort!.postMessage({ seq, result: { error: e instanceof Error ? e.message : String(e) } });
  }
});
