/** Messages between the extension host and the recognizer worker. */
import type { WorkspaceKb } from '../../core/kb';
import type { Mention } from '../../core/model';
import type { MentionDelta } from '../../core/recognize/answer';

export type Request =
  | { kind: 'knowledge'; workspace: WorkspaceKb | null; file: string | null }
  /**
   * `article` names the text's document: its recognition session is kept, so an edit re-reads only what it touched.
   * `base`: the id of the last request for that article, whose answer the asker holds; the reply may be a delta from it.
   */
  | { kind: 'recognize'; id: number; text: string; article?: string; base?: number }
  /** The article was closed: its session is dropped. */
  | { kind: 'forget'; article: string };

export type Response =
  | { id: number; mentions: Mention[] }
  /** The answer as a change to the answer of request `base` (core/recognize/answer.ts, delta.ts). */
  | { id: number; base: number; delta: MentionDelta }
  | { id: number; error: string };
