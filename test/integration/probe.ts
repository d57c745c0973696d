// Asks the harness (scripts/vscode/run-tests.js) what the page shows that no API tells, through files next
// to the results file. Only the code-server harness answers; elsewhere `probesAvailable()` is false.
import * as fs from 'fs';
import { waitFor } from './helpers';

export interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface SelectionOnScreen {
  /** The active editor's text area: right of the gutter, left of the minimap. */
  text: Box;
  /** The drawn selection, a box per line it covers. */
  selections: Box[];
  error?: string;
}

let next = 1;

export function probesAvailable(): boolean {
  return process.env.ANNOTATOR_TEST_PROBES === '1' && !!process.env.ANNOTATOR_TEST_RESULTS;
}

export async function probe<T>(kind: 'selectionOnScreen'): Promise<T> {
  const request = `${process.env.ANNOTATOR_TEST_RESULTS}.probe`;
  const id = next++;
  const answer = `${request}.${id}.answer`;
  fs.writeFileSync(`${request}.tmp`, JSON.stringify({ id, kind }));
  fs.renameSync(`${request}.tmp`, request);
  await waitFor(() => fs.existsSync(answer), `the harness to answer probe ${kind}`);
  const result = JSON.parse(fs.readFileSync(answer, 'utf8')) as T & { error?: string };
  fs.rmSync(answer, { force: true });
  if (result.error) throw new Error(`probe ${kind}: ${result.error}`);
  return result;
}
