/** Messages between the workspace index and its summary workers. */
import type { WorkspaceKb } from '../../core/kb';
import type { EncodedBatch } from './codec';

/** One article to summarize: `id` is the pool's, echoed in the reply. */
export interface SummaryJob {
  id: number;
  fsPath: string;
  file: string;
  maxSize: number;
}

export type SummaryRequest =
  | { kind: 'knowledge'; workspace: WorkspaceKb | null; file: string | null }
  /** Several articles per message (a round trip per article cost more than a small one's summary). */
  | { kind: 'summarize'; jobs: SummaryJob[] };

/** The reply to one summarize request: every job's id once, in `ids` (summaries, encoded) or in `errors`. */
export interface SummaryResponse {
  ids: number[];
  summaries: EncodedBatch;
  errors: Array<{ id: number; error: string }>;
}
