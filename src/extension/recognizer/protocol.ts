/** Messages between the extension host and the recognizer worker. */
import type { WorkspaceKb } from '../../core/kb';
import type { Mention } from '../../core/model';

export type Request =
  | { kind: 'knowledge'; workspace: WorkspaceKb | null; file: string | null }
  | { kind: 'recognize'; id: number; text: string };

export type Response = { id: number; mentions: Mention[] } | { id: number; error: string };
