/** Messages between the workspace index and its summary workers. */
import type { WorkspaceKb } from '../../core/kb';
import type { DiskSummary } from '../../core/workspace/summary';

export type SummaryRequest =
  | { kind: 'knowledge'; workspace: WorkspaceKb | null; file: string | null }
  | { kind: 'summarize'; id: number; fsPath: string; file: string; maxSize: number };

export type SummaryResponse = { id: number; summary: DiskSummary } | { id: number; error: string };
