/**
 * recognize(text, kb) → mentions of actors and agreements, following the
 * annotation guidelines. Matching runs on the normalized view; offsets come
 * back as code points of the original text (BOM excluded by the caller).
 *
 * Order: dictionary names, compounds, fixed patterns and composed
 * organizations compete leftmost-longest (pass 1); the entities found there
 * license contextual forms (surnames such as 岩屋) and decide ambiguous ones;
 * title patterns, surnames and readings fill the gaps (pass 2); agreements
 * are a separate layer that may contain actors (北露条約 → 北, 露).
 * The work is done per region of lines and cached by RecognitionSession
 * (session.ts), which an editor keeps per article.
 */
import type { KnowledgeBase } from '../kb';
import type { Mention } from '../model';
import { RecognitionSession } from './session';

export { compile } from './compile';
export { RecognitionSession } from './session';

/** A session without a cache: every stage, parties (parties.ts) and defined short names included. */
export function recognize(text: string, kb: KnowledgeBase): Mention[] {
  return new RecognitionSession(kb, true).update(text);
}
