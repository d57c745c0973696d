/**
 * Pool worker: scans the jobs the main thread posts, one at a time in arrival order, and replies with
 * each result as printable text, tagged with its sequence number.
 */
import { parentPort, workerData } from 'worker_threads';
import { scanToOutput, setMaxSize, type ScanJob } from './scanFile';
import type { ScanFormat, ScanOutput } from './scanOutput';

const { maxSize, format } = workerData as { maxSize?: number; format: ScanFormat };
setMaxSize(maxSize);
const queue: Array<{ seq: number; job: ScanJob }> = [];
let busy = false;

async function drain(): Promise<void> {
  busy = true;
  while (queue.length) {
    const { seq, job } = queue.shift()!;
    let result: ScanOutput;
    try {
      result = await scanToOutput(job, format);
    } catch (e) {
      result = { error: e instanceof Error ? e.message : String(e) };
    }
    parentPort!.postMessage({ seq, result: 'parts' in result ? { parts: [...result.parts] } : result });
  }
  busy = false;
}

parentPort!.on('message', (m: { seq: number; job: ScanJob }) => {
  queue.push(m);
  if (!busy) void drain();
});
