/** Messages between the extension host and the recognizer worker. */
import type { WorkspaceKb } from '../../core/kb';
import type { Mention } from '../../core/model';

export type Request =
  | { kind: 'knowledge'; workspace: WorkspaceKb | null; file: string | null }
  /** `article` names the text's document: its recognition session is kept, so an edit re-reads only what it touched. */
  | { kind: 'recognize'; id: number; text: string; article?: string }
  /** The article was closed: its session is dropped. */
  | { kind: 'forget'; article: string };

export type Response = { id: number; mentions: Mention[] } | { id: number; error: string };
