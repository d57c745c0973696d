/**
 * The annotation store: an analyst's annotations of one article, kept in a
 * sidecar `<article>.annotations.json` next to it. No `vscode` here; the
 * extension wraps it thinly.
 *
 * Offsets are Unicode code points into the article text with its BOM removed
 * (`store.offsets()` converts to and from the UTF-16 offsets editors use).
 *
 *   const store = await ArticleAnnotations.load(articlePath, text, { kb });
 *   if (store.error) ...            // SidecarError: broken/newer file; read-only, never overwritten
 *   store.annotations()             // anchored annotations (confirmed and rejected), by offset
 *   store.orphans()                 // annotations whose text is gone: kept, reported, re-attachable
 *   store.confirm(mention)          // accept a recognized mention
 *   store.reject(mention)           // dismiss one; it stays suppressed (see mergeRecognized)
 *   store.defineEntity({ name, type }) / store.tag({ start, end, entity, type?, note? })
 *   store.setNote(id, note) / store.remove(id) / store.reattach(id, start, end)
 *   store.setPartyDecisions(agreement, decideParty(…) | partiesChosen(…))   // parties of an agreement
 *   store.applyEdit(offset, deletedLength, insertedText)   // per text change, code points
 *   store.replaceText(text)         // whole text changed: offsets mapped by a diff (see anchor.ts)
 *   await store.save()              // atomic; merges another writer's changes by id
 *   await store.reloadFromDisk()    // the file changed on disk: merge it with unsaved changes
 *   store.onDidChange(({ reason }) => ...)  // returns { dispose() }
 *
 * mergeRecognized(text, recognizer mentions, sidecar doc or store) gives what
 * to show: confirmed annotations plus undecided recognitions, and orphans.
 *
 * Errors: SidecarError (file, reason, problems with JSON paths),
 * AnnotationError (bad span, unknown id or entity), SidecarBusyError (the file
 * kept changing during a save; nothing lost).
 */
export { ArticleAnnotations } from './store';
export type { AnchorReport, ChangeEvent, ChangeReason, Disposable, EntityLookup, SaveResult, StoreOptions, TagInput } from './store';
export type { Annotation } from './records';
export { mergeRecognized } from './merge';
export { decideParty, partiesChosen, shownParties } from './parties';
export type { PartyStatus, ShownParty } from './parties';
export type { AnnotationSource, MergedMentions, ShownMention } from './merge';
export { AnnotationError, SidecarBusyError, SidecarError, SidecarLockTimeoutError, SidecarPermissionError } from './errors';
export { withSidecarLock, lockPathFor } from './lock';
export type { LockOptions } from './lock';
export type { SidecarErrorReason, SidecarProblem } from './errors';
export { parseSidecar, serializeSidecar } from './codec';
export { articlePathFor, findSidecars, isSidecarPath, readSidecarFile, sidecarPathFor } from './files';
export { SIDECAR_SUFFIX, SIDECAR_VERSION, SidecarSchema, sidecarJsonSchema } from './schema';
export type { PartyDecision, SidecarAnnotation, SidecarDoc, SidecarEntity, Status } from './schema';
export { writeFileAtomic, nodeWriteSteps } from './atomic';
export type { WriteSteps, WritableHandle } from './atomic';
export type { Quote } from './text-view';
