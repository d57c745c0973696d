/**
 * Anchoring a sidecar read from disk in the article's current text: the one
 * path the store, `scan`, `validate` and the workspace index share, so they
 * agree on where every annotation is.
 *
 * The text the sidecar's offsets refer to is the current text when the hashes
 * agree, else its `textSnapshot`; with it, offsets map exactly through a diff.
 * Without it (a sidecar from before snapshots) quotes and context decide.
 * A sidecar that does not fit the article (written for another file and
 * another text, or sharing too little of its text) is a SidecarError
 * ('foreign'): reported, never re-anchored and rewritten.
 */
import { HeldSpans, anchorAll, type AnchorReport } from './anchor';
import { TextMapping } from './diff';
import { SidecarError } from './errors';
import { sha256Hex } from './ids';
import type { AnnotationRecord } from './records';
import type { SidecarDoc } from './schema';
import { decodeSnapshot } from './snapshot';
import { TextView } from './text-view';

/** Least share of the snapshot's text that must survive in the article for the sidecar to be its own. */
const MIN_KEPT = 0.5;

export interface Fit {
  /** The article's current text. */
  view: TextView;
  /** Its sha256, when the caller has it. */
  hash?: string;
  /** The article's file name (no folder). */
  article: string;
  /** The sidecar's path, for errors. */
  file: string;
  /** Accept a sidecar of another article (the user adopted it). */
  adopt?: boolean;
}

/** The text `doc`'s offsets refer to, when it can be known. */
export function textOf(doc: SidecarDoc, fit: Fit): string | null {
  const hash = fit.hash ?? sha256Hex(fit.view.text);
  if (doc.textHash === hash) return fit.view.text;
  return decodeSnapshot(doc.textSnapshot, doc.textHash);
}

/**
 * Anchor `records` (read from `doc`) in `fit.view`, around the spans `held`.
 * Throws SidecarError 'foreign' when the sidecar is not this article's.
 */
export function anchorFromDoc(doc: SidecarDoc, records: AnnotationRecord[], fit: Fit, held?: HeldSpans): AnchorReport {
  const hash = fit.hash ?? sha256Hex(fit.view.text);
  const old = textOf(doc, { ...fit, hash });
  if (!fit.adopt && doc.article !== fit.article && doc.textHash !== hash) {
    throw foreign(fit.file, `it was written for '${doc.article}', whose text is not this article's`);
  }
  let mapping: TextMapping | null = null;
  if (old !== null) {
    const oldView = old === fit.view.text ? fit.view : new TextView(old);
    for (const r of records) r.anchored = oldView.reads(r.start, r.end, r.quote.exact);
    mapping = old === fit.view.text ? TextMapping.identity(fit.view.length) : TextMapping.between(old, fit.view.text);
    if (!fit.adopt && records.length && mapping.kept < MIN_KEPT) {
      throw foreign(fit.file, `only ${Math.round(mapping.kept * 100)}% of the text it was written for is in '${fit.article}'`);
    }
  } else {
    for (const r of records) r.anchored = true;
  }
  const report = anchorAll(fit.view, records, { mapping, held });
  if (!fit.adopt && old === null && records.length >= 2 && report.orphaned.length * 2 > records.length) {
    throw foreign(fit.file, `${report.orphaned.length} of its ${records.length} annotations are not found in '${fit.article}'`);
  }
  return report;
}

function foreign(file: string, why: string): SidecarError {
  return new SidecarError(file, 'foreign', [
    { path: '', message: `${why}. Nothing was changed; run \`article-annotator adopt <article>\` to take it over, or remove it.` },
  ]);
}
