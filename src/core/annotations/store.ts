/**
 * ArticleAnnotations: the annotations of one article, kept in step with its
 * text and saved safely to the sidecar. See index.ts for the API overview.
 */
import * as path from 'path';
import { kindOf, type EntityType, type Kind, type Mention } from '../model';
import { HeldSpans, anchorAll, recheckOrphan, type AnchorReport } from './anchor';
import { writeFileAtomic, nodeWriteSteps, type WriteSteps } from './atomic';
import { withSidecarLock } from './lock';
import { parseSidecar, serializeSidecar } from './codec';
import { mapPoint, spanShift, type Edit } from './edits';
import { AnnotationError, SidecarBusyError, SidecarError } from './errors';
import { readSidecarBytes, sidecarPathFor } from './files';
import { newAnnotationId, sha256Hex, slugify } from './ids';
import { TextMapping } from './diff';
import { mergeDecisions } from './merge3';
import { anchorFromDoc } from './realign';
import { encodeSnapshot } from './snapshot';
import {
  buildDoc,
  canonical,
  compareRecords,
  recordFromDoc,
  rootExtrasOf,
  snapshot,
  type Annotation,
  type AnnotationRecord,
  type RootExtras,
} from './records';
import { CONTEXT_LENGTH, type PartyDecision, type SidecarDoc, type SidecarEntity, type Status } from './schema';
import { TextView, codePointLength } from './text-view';

export type { AnchorReport };

/** What the store needs of a knowledge base (KnowledgeBase fits): kind, type, QID and name of an entity id. */
export interface EntityLookup {
  get(id: string): { kind: Kind; type: EntityType; qid?: string | null } | undefined;
  displayName(id: string): string;
}

export interface StoreOptions {
  /** Fills in names and QIDs of knowledge-base entities as they are first used. */
  kb?: EntityLookup;
  now?: () => Date;
  newId?: () => string;
  writeSteps?: WriteSteps;
  /** Take over a sidecar written for another article (its annotations re-anchored by quote). */
  adopt?: boolean;
}

/**
 * Why listeners are called: load (the file was read), merge (another writer's
 * changes came in while saving), user (a change through this API), edit
 * (applyEdit orphaned or re-anchored an annotation; plain shifts are not
 * reported, editors move their decorations themselves), text (replaceText),
 * error (the sidecar became unusable: see `error`).
 */
export type ChangeReason = 'load' | 'user' | 'edit' | 'text' | 'merge' | 'error';
export interface ChangeEvent {
  reason: ChangeReason;
}
export interface Disposable {
  dispose(): void;
}

export interface SaveResult {
  /** False when the file already held exactly this (or there was nothing to save). */
  written: boolean;
  /** True when another writer's changes were merged in. */
  merged: boolean;
}

export interface TagInput {
  start: number;
  end: number;
  entity: string;
  /** Defaults to the entity's type. */
  type?: EntityType;
  note?: string;
}

const MAX_SAVE_ATTEMPTS = 8;

export class ArticleAnnotations {
  readonly sidecarPath: string;
  /** Result of the last full anchoring (load, reload, replaceText). */
  lastAnchoring: AnchorReport = { moved: [], orphaned: [] };

  private view: TextView;
  private records = new Map<string, AnnotationRecord>();
  private entityMap = new Map<string, SidecarEntity>();
  private extras: RootExtras = {};
  /**
   * The file at the last sync, and the canonical text of each of its annotations and entities, made only
   * when a merge or an id check needs them (a CLI command that saves and exits never does). Documents are
   * never mutated once built or parsed.
   */
  private baseDoc: SidecarDoc | null = null;
  private baseCache: { annotations: Map<string, string>; entities: Map<string, string> } | null = null;
  /** sha256 of the file's bytes at the last sync; null when there was no file. */
  private diskHash: string | null = null;
  /** Ids changed or deleted by us since the last sync, with the clock of the change. */
  private changed = new Map<string, number>();
  private deleted = new Map<string, number>();
  private changedEntities = new Map<string, number>();
  private clock = 0;
  private problem: SidecarError | null = null;
  private readonly listeners = new Set<(e: ChangeEvent) => void>();
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly articlePath: string,
    text: string,
    private readonly options: StoreOptions,
  ) {
    this.sidecarPath = sidecarPathFor(articlePath);
    this.view = new TextView(text);
  }

  /**
   * The annotations of the article at `articlePath` whose current text is
   * `text` (BOM removed). Never throws for a broken sidecar: `error` is set and
   * the store is read-only.
   */
  static async load(articlePath: string, text: string, options: StoreOptions = {}): Promise<ArticleAnnotations> {
    const store = new ArticleAnnotations(articlePath, text, options);
    await store.reloadFromDisk();
    return store;
  }

  // ---- reading ----

  /** Why the sidecar cannot be used; while set, every change and save is refused. */
  get error(): SidecarError | null {
    return this.problem;
  }
  get readOnly(): boolean {
    return this.problem !== null;
  }
  get text(): string {
    return this.view.text;
  }
  /**
   * Whether the store's text is `text`. When it is, the store holds `text` itself from then on: an
   * editor that checks after each change then hands the merge the very string the store has, and
   * that comparison of a 1 MB article is by identity instead of another pass over it.
   */
  sameText(text: string): boolean {
    if (this.view.text !== text) return false;
    this.view = new TextView(text, this.view.index);
    return true;
  }
  /** Code point <-> UTF-16 conversion for the current text (editors speak UTF-16). */
  offsets(): TextView['index'] {
    return this.view.index;
  }
  /** Anchored annotations (confirmed and rejected), by offset. */
  annotations(): Annotation[] {
    return this.sorted().filter((r) => r.anchored).map(snapshot);
  }
  /** Annotations whose text is gone; kept with their quote until re-attached or removed. */
  orphans(): Annotation[] {
    return this.sorted().filter((r) => !r.anchored).map(snapshot);
  }
  all(): Annotation[] {
    return this.sorted().map(snapshot);
  }
  get(id: string): Annotation | undefined {
    const r = this.records.get(id);
    return r && snapshot(r);
  }
  entity(id: string): SidecarEntity | undefined {
    return this.entityMap.get(id);
  }
  /** Entities known to this sidecar, by id. */
  entities(): SidecarEntity[] {
    return [...this.entityMap.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
  /** Whether there are changes of ours the file does not have yet. */
  get hasUnsavedChanges(): boolean {
    return this.changed.size + this.deleted.size + this.changedEntities.size > 0;
  }
  /** The document `save` would write (without writing it). */
  toDoc(): SidecarDoc {
    return this.docOf([...this.records.values()].map((r) => (r.anchored ? { ...r, quote: this.view.quote(r.start, r.end) } : r)));
  }

  /** The document of these records, whose quotes are already those of the current text. */
  private docOf(records: readonly AnnotationRecord[]): SidecarDoc {
    const used = new Set(records.map((r) => r.entity));
    // An agreement whose parties were decided is kept for them, annotated or not.
    for (const e of this.entityMap.values()) if (e.parties?.length) used.add(e.id);
    const hash = sha256Hex(this.view.text);
    return buildDoc(
      path.basename(this.articlePath),
      hash,
      records,
      [...this.entityMap.values()].filter((e) => used.has(e.id)),
      this.extras,
      encodeSnapshot(this.view.text, hash),
    );
  }

  onDidChange(listener: (e: ChangeEvent) => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  // ---- user changes ----

  /** Accept a recognized mention (or turn a rejection at its span into a confirmation). */
  confirm(m: Mention, note?: string): Annotation {
    return this.upsert(m, 'confirmed', note);
  }

  /** Confirm many mentions at once (Confirm All): one lookup table and one change event, not one scan each; returns how many. */
  confirmAll(ms: readonly Mention[]): number {
    const bySpan = new Map<string, AnnotationRecord>();
    for (const r of this.records.values()) if (r.anchored) bySpan.set(`${r.start}:${r.end}`, r);
    // One action, one time: every annotation it makes or changes gets the same timestamp.
    const batch = { bySpan, now: this.now() };
    for (const m of ms) this.upsertRecord(m, 'confirmed', undefined, batch);
    if (ms.length) this.emit('user');
    return ms.length;
  }

  /** Dismiss a recognized mention: recorded as rejected so it stays suppressed. */
  reject(m: Mention): Annotation {
    return this.upsert(m, 'rejected');
  }

  /**
   * Replace the user's decisions on the parties of an agreement (see parties.ts: decideParty,
   * partiesChosen). The agreement's entity is added to the sidecar when new (from the
   * knowledge base, else from the mention), and kept there while it has decisions.
   */
  setPartyDecisions(agreement: Pick<Mention, 'entity' | 'kind' | 'type' | 'text' | 'qid'>, decisions: PartyDecision[]): SidecarEntity {
    this.assertWritable();
    if (agreement.kind !== 'agreement') throw new AnnotationError(`'${agreement.text}' is not an agreement: only agreements have parties`);
    if (decisions.some((d) => d.entity === agreement.entity)) throw new AnnotationError('an agreement cannot be its own party');
    const current = this.entityMap.get(agreement.entity) ?? this.kbEntity(agreement.entity) ?? { id: agreement.entity, kind: agreement.kind, type: agreement.type, name: agreement.text, qid: agreement.qid };
    const next: SidecarEntity = { ...current };
    if (decisions.length) next.parties = decisions.map((d) => ({ entity: d.entity, status: d.status }));
    else delete next.parties;
    if (canonical(next) === canonical(this.entityMap.get(agreement.entity) ?? null)) return next;
    this.addEntity(next);
    this.emit('user');
    return next;
  }

  /** Annotate a span the user chose, linked to a known entity (sidecar or knowledge base). */
  tag(input: TagInput): Annotation {
    this.assertWritable();
    const entity = this.entityMap.get(input.entity) ?? this.kbEntity(input.entity);
    if (!entity) throw new AnnotationError(`unknown entity '${input.entity}'`);
    const type = input.type ?? entity.type;
    const m: Mention = {
      start: input.start,
      end: input.end,
      text: this.spanText(input.start, input.end),
      kind: kindOf(type),
      type,
      entity: entity.id,
      qid: entity.qid ?? null,
    };
    return this.upsert(m, 'confirmed', input.note);
  }

  /**
   * A new entity defined in this sidecar; its id is made from the name. When
   * that id is taken by a different entity a number is appended; an entity
   * with the same id, name and type is reused.
   */
  defineEntity(input: { name: string; type: EntityType; qid?: string | null }): SidecarEntity {
    this.assertWritable();
    const name = input.name.trim();
    if (!name) throw new AnnotationError('an entity needs a name');
    const base = slugify(name);
    for (let n = 1; ; n++) {
      const id = n === 1 ? base : `${base}-${n}`;
      const existing = this.entityMap.get(id) ?? this.kbEntity(id);
      if (!existing) {
        const entity: SidecarEntity = { id, kind: kindOf(input.type), type: input.type, name, qid: input.qid ?? null };
        this.entityMap.set(id, entity);
        this.changedEntities.set(id, ++this.clock);
        this.emit('user');
        return entity;
      }
      if (existing.type === input.type && existing.name === name) {
        if (!this.entityMap.has(id)) this.addEntity(existing);
        return existing;
      }
    }
  }

  setNote(id: string, note: string | undefined): Annotation {
    const r = this.mustGet(id);
    if (note === undefined || note === '') delete r.note;
    else r.note = note;
    this.touch(r);
    return snapshot(r);
  }

  /** Delete an annotation; the deletion wins over another writer's edit of it. */
  remove(id: string): boolean {
    this.assertWritable();
    if (!this.records.delete(id)) return false;
    this.recordsVersion++;
    this.changed.delete(id);
    this.deleted.set(id, ++this.clock);
    this.emit('user');
    return true;
  }

  /** Attach an annotation (typically an orphan) to [start, end); its quote becomes that text. */
  reattach(id: string, start: number, end: number): Annotation {
    const r = this.mustGet(id);
    this.spanText(start, end);
    Object.assign(r, { start, end, quote: this.view.quote(start, end), anchored: true });
    this.touch(r);
    return snapshot(r);
  }

  // ---- text changes ----

  /**
   * The article text changed: [offset, offset + deletedLength) (code points)
   * became `insertedText`. Spans after the edit shift; an annotation whose
   * text the edit touches becomes an orphan, keeping its quote, and comes back
   * when an edit restores its text (undo).
   */
  applyEdit(offset: number, deletedLength: number, insertedText: string): void {
    const before = this.view;
    if (!Number.isInteger(offset) || !Number.isInteger(deletedLength) || offset < 0 || deletedLength < 0 || offset + deletedLength > before.length) {
      throw new AnnotationError(`edit ${offset}+${deletedLength} outside the text (0..${before.length})`);
    }
    const u0 = before.index.toUtf16(offset);
    const u1 = before.index.toUtf16(offset + deletedLength);
    const text = before.text.slice(0, u0) + insertedText + before.text.slice(u1);
    const after = new TextView(text, before.index.edited(text, u0, u1, insertedText));
    const edit: Edit = { offset, deleted: deletedLength, inserted: codePointLength(insertedText) };
    const touched: AnnotationRecord[] = [];
    for (const r of this.records.values()) {
      const d = r.anchored ? spanShift(r.start, r.end, edit) : null;
      if (d !== null) {
        r.start += d;
        r.end += d;
      } else if (r.anchored) {
        // Remember the context as it was just before, so an undo matches it exactly.
        r.quote = before.quote(r.start, r.end);
        touched.push(r);
      } else {
        const length = r.end - r.start;
        r.start = mapPoint(r.start, edit);
        r.end = r.start + length;
      }
    }
    this.view = after;
    let anchoringChanged = touched.length > 0;
    if (touched.length && edit.deleted > 0 && edit.inserted > 0) {
      // A replacement (a reload from disk, a moved line, a pasted-over paragraph): the diff of the
      // replaced text finds the annotations that are still there, exactly.
      const touchedSet = new Set(touched);
      const held = this.heldSpans((r) => !touchedSet.has(r));
      anchorAll(after, touched, { mapping: TextMapping.between(before.text, after.text), held });
    } else {
      for (const r of touched) {
        const length = r.end - r.start;
        r.anchored = false;
        r.start = mapPoint(r.start, edit);
        r.end = r.start + length;
      }
    }
    let held: HeldSpans | undefined; // built only when an orphan is near the edit: keystrokes stay cheap
    for (const r of this.records.values()) {
      if (r.anchored) continue;
      const radius = r.end - r.start + edit.inserted + 2 * CONTEXT_LENGTH;
      if (Math.abs(r.start - offset) > radius) continue;
      held ??= this.heldSpans();
      const start = recheckOrphan(after, r, radius, held);
      if (start === null) continue;
      Object.assign(r, { start, end: start + (r.end - r.start), anchored: true });
      held.add(r.kind, r.start, r.end);
      anchoringChanged = true;
    }
    if (anchoringChanged) this.emit('edit');
  }

  /**
   * The whole text was replaced (edits were missed, or the file changed):
   * the diff from the text the offsets refer to maps every annotation exactly.
   */
  replaceText(text: string): AnchorReport {
    const before = this.view;
    for (const r of this.records.values()) if (r.anchored) r.quote = before.quote(r.start, r.end);
    this.view = new TextView(text);
    this.lastAnchoring = anchorAll(this.view, [...this.records.values()], { mapping: TextMapping.between(before.text, text) });
    this.emit('text');
    return this.lastAnchoring;
  }

  // ---- file ----

  /**
   * Write the sidecar atomically. If another writer changed it since we last
   * read it, their changes are merged in first (by annotation id); the file is
   * re-checked just before the rename and the merge repeated if it changed.
   * Throws the SidecarError when the file is (or has become) broken: it is
   * never overwritten.
   */
  save(): Promise<SaveResult> {
    // The lock makes the re-read, merge and rename one step for every writer (CLI, extension); the CAS check stays for writers without it.
    return this.serial(() => withSidecarLock(this.sidecarPath, async () => {
      let merged = false;
      for (let attempt = 0; attempt < MAX_SAVE_ATTEMPTS; attempt++) {
        this.assertWritable();
        const disk = await this.readDisk();
        const hash = disk && sha256Hex(disk);
        if (hash !== this.diskHash) {
          if (disk) {
            this.mergeFrom(this.parseOrFail(disk));
            merged = true;
            this.emit('merge');
          } else {
            // The file vanished: ours is the only copy left, so nothing counts as deleted.
            this.setBase(null);
          }
          this.diskHash = hash;
        }
        if (!disk && this.records.size === 0 && ![...this.entityMap.values()].some((e) => e.parties?.length)) return { written: false, merged };
        for (const r of this.records.values()) if (r.anchored) r.quote = this.view.quote(r.start, r.end);
        const mark = this.clock;
        // The quotes were just brought up to date, and the records are kept in order: no copies, no sort.
        const doc = this.docOf(this.ordered());
        const out = Buffer.from(serializeSidecar(doc), 'utf8');
        if (disk && disk.equals(out)) {
          this.synced(doc, hash, mark);
          return { written: false, merged };
        }
        const unchanged = async () => {
          const now = await this.readDisk();
          return (now && sha256Hex(now)) === hash;
        };
        if (await writeFileAtomic(this.sidecarPath, out, this.options.writeSteps ?? nodeWriteSteps, unchanged)) {
          this.synced(doc, sha256Hex(out), mark);
          return { written: true, merged };
        }
      }
      throw new SidecarBusyError(this.sidecarPath);
    }));
  }

  /**
   * Read the sidecar again (it changed on disk) and merge it with our unsaved
   * changes. A broken file sets `error` (read-only) instead of throwing; a
   * fixed one clears it.
   */
  reloadFromDisk(): Promise<void> {
    return this.serial(async () => {
      let disk: Buffer | null;
      let theirs: SidecarDoc | null;
      try {
        disk = await this.readDisk();
        theirs = disk && parseSidecar(disk, this.sidecarPath);
      } catch (e) {
        if (!(e instanceof SidecarError)) throw e;
        this.problem = e;
        this.emit('error');
        return;
      }
      const hash = disk && sha256Hex(disk);
      const recovered = this.problem !== null;
      this.problem = null;
      if (hash === this.diskHash && !recovered) return;
      try {
        if (theirs) this.lastAnchoring = this.mergeFrom(theirs);
        else this.setBase(null);
      } catch (e) {
        if (e instanceof SidecarError) return; // set as `error` by mergeFrom: read-only until it fits
        throw e;
      }
      this.diskHash = hash;
      this.emit('load');
    });
  }

  // ---- internals ----

  private upsert(m: Mention, status: Status, note?: string): Annotation {
    return snapshot(this.upsertRecord(m, status, note));
  }

  /** With a batch (confirmAll): spans looked up in its table, its timestamp, and no event (the caller sends one). */
  private upsertRecord(m: Mention, status: Status, note?: string, batch?: { bySpan: Map<string, AnnotationRecord>; now: string }): AnnotationRecord {
    this.assertWritable();
    const text = this.spanText(m.start, m.end);
    if (m.text !== text) throw new AnnotationError(`mention '${m.text}' does not match the text at ${m.start}-${m.end} ('${text}')`);
    if (!this.entityMap.has(m.entity)) {
      this.addEntity(this.kbEntity(m.entity) ?? { id: m.entity, kind: m.kind, type: m.type, name: m.text, qid: m.qid });
    }
    let existing: AnnotationRecord | undefined;
    if (batch) existing = batch.bySpan.get(`${m.start}:${m.end}`);
    else {
      for (const r of this.records.values()) {
        if (r.anchored && r.start === m.start && r.end === m.end) {
          existing = r;
          break;
        }
      }
    }
    if (existing) {
      const same = existing.entity === m.entity && existing.kind === m.kind && existing.type === m.type && existing.status === status && (note === undefined || existing.note === note);
      if (!same) {
        existing.entity = m.entity;
        existing.kind = m.kind;
        existing.type = m.type;
        existing.status = status;
        if (note !== undefined) existing.note = note;
        if (batch) this.markChanged(existing, batch.now);
        else this.touch(existing);
      }
      return existing;
    }
    const now = batch?.now ?? this.now();
    const r: AnnotationRecord = {
      id: this.newId(),
      entity: m.entity,
      kind: m.kind,
      type: m.type,
      status,
      ...(note !== undefined ? { note } : {}),
      created: now,
      modified: now,
      start: m.start,
      end: m.end,
      quote: this.view.quote(m.start, m.end),
      anchored: true,
      raw: {},
    };
    this.records.set(r.id, r);
    this.recordsVersion++;
    batch?.bySpan.set(`${r.start}:${r.end}`, r);
    this.changed.set(r.id, ++this.clock);
    if (!batch) this.emit('user');
    return r;
  }

  /** Merge a document read from disk into memory; their annotations are anchored in our text. */
  private mergeFrom(theirs: SidecarDoc): AnchorReport {
    const theirAnnotations = new Map(theirs.annotations.map((a) => [a.id, a]));
    const decisions = mergeDecisions(
      this.records.keys(),
      new Map(theirs.annotations.map((a) => [a.id, canonical(a)])),
      this.baseAnnotations,
      this.changed,
      this.deleted,
    );
    const records = new Map<string, AnnotationRecord>();
    const incoming: AnnotationRecord[] = [];
    for (const [id, side] of decisions) {
      const r = side === 'ours' ? this.records.get(id)! : recordFromDoc(theirAnnotations.get(id)!);
      records.set(id, r);
      if (side === 'theirs') incoming.push(r);
    }
    const theirEntities = new Map(theirs.entities.map((e) => [e.id, e]));
    const entityDecisions = mergeDecisions(
      this.entityMap.keys(),
      new Map(theirs.entities.map((e) => [e.id, canonical(e)])),
      this.baseEntities,
      this.changedEntities,
      new Set(),
    );
    const entities = new Map<string, SidecarEntity>();
    for (const [id, side] of entityDecisions) entities.set(id, side === 'ours' ? this.entityMap.get(id)! : theirEntities.get(id)!);
    // An annotation of ours may use an entity they dropped as unused: keep ours.
    for (const r of records.values()) {
      if (!entities.has(r.entity) && this.entityMap.has(r.entity)) entities.set(r.entity, this.entityMap.get(r.entity)!);
    }
    // Our saved annotations hold their spans; our unsaved ones do not, so a twin of theirs lands
    // on its span and the duplicate is dropped below.
    const held = new HeldSpans();
    for (const [id, side] of decisions) {
      const r = this.records.get(id);
      if (side === 'ours' && r?.anchored && this.baseAnnotations.has(id)) held.add(r.kind, r.start, r.end);
    }
    let report: AnchorReport;
    try {
      report = anchorFromDoc(theirs, incoming, this.fit(), held);
    } catch (e) {
      if (e instanceof SidecarError) this.fail(e);
      throw e;
    }
    this.records = records;
    this.recordsVersion++;
    this.entityMap = entities;
    this.extras = rootExtrasOf(theirs);
    this.setBase(theirs);
    this.dropDuplicatesOf(incoming);
    return report;
  }

  private fit() {
    return { view: this.view, article: path.basename(this.articlePath), file: this.sidecarPath, adopt: this.options.adopt };
  }

  /**
   * Both writers confirmed (or rejected) the same mention: keep the copy that
   * is already on disk and drop our unsaved twin, so the file keeps stable ids.
   */
  private dropDuplicatesOf(incoming: AnnotationRecord[]): void {
    const key = (a: AnnotationRecord) => JSON.stringify([a.start, a.end, a.entity, a.type, a.status, a.note ?? null]);
    const theirs = new Set(incoming.filter((t) => t.anchored).map(key));
    const incomingSet = new Set(incoming);
    for (const ours of [...this.records.values()]) {
      if (!ours.anchored || this.baseAnnotations.has(ours.id) || incomingSet.has(ours)) continue;
      if (theirs.has(key(ours))) {
        this.records.delete(ours.id);
        this.recordsVersion++;
        this.changed.delete(ours.id);
      }
    }
  }

  /** Spans of the anchored annotations (those `include` accepts). */
  private heldSpans(include: (r: AnnotationRecord) => boolean = () => true): HeldSpans {
    const held = new HeldSpans();
    // In offset order, so every span is appended.
    for (const r of this.ordered()) if (r.anchored && include(r)) held.add(r.kind, r.start, r.end);
    return held;
  }

  private setBase(doc: SidecarDoc | null): void {
    this.baseDoc = doc;
    this.baseCache = null;
  }

  private base(): { annotations: Map<string, string>; entities: Map<string, string> } {
    const doc = this.baseDoc;
    return (this.baseCache ??= {
      annotations: new Map((doc?.annotations ?? []).map((a) => [a.id, canonical(a)])),
      entities: new Map((doc?.entities ?? []).map((e) => [e.id, canonical(e)])),
    });
  }

  private get baseAnnotations(): Map<string, string> {
    return this.base().annotations;
  }

  private get baseEntities(): Map<string, string> {
    return this.base().entities;
  }

  /** After a write (or finding the file already equal): forget changes made up to `mark`, which the file now has. */
  private synced(doc: SidecarDoc, hash: string | null, mark: number): void {
    this.setBase(doc);
    this.diskHash = hash;
    for (const m of [this.changed, this.deleted, this.changedEntities]) {
      for (const [id, at] of m) if (at <= mark) m.delete(id);
    }
  }

  private async readDisk(): Promise<Buffer | null> {
    try {
      return await readSidecarBytes(this.sidecarPath);
    } catch (e) {
      if (e instanceof SidecarError) this.fail(e);
      throw e;
    }
  }

  private parseOrFail(bytes: Buffer): SidecarDoc {
    try {
      return parseSidecar(bytes, this.sidecarPath);
    } catch (e) {
      if (e instanceof SidecarError) this.fail(e);
      throw e;
    }
  }

  private fail(e: SidecarError): void {
    this.problem = e;
    this.emit('error');
  }

  private assertWritable(): void {
    if (this.problem) throw this.problem;
  }

  private mustGet(id: string): AnnotationRecord {
    this.assertWritable();
    const r = this.records.get(id);
    if (!r) throw new AnnotationError(`no annotation '${id}'`);
    return r;
  }

  /** The text of [start, end), after checking it is a non-empty span of the text. */
  private spanText(start: number, end: number): string {
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > this.view.length) {
      throw new AnnotationError(`span ${start}-${end} is not inside the text (0..${this.view.length}, end after start)`);
    }
    return this.view.slice(start, end);
  }

  private kbEntity(id: string): SidecarEntity | undefined {
    const kb = this.options.kb;
    const e = kb?.get(id);
    return e && kb ? { id, kind: e.kind, type: e.type, name: kb.displayName(id), qid: e.qid ?? null } : undefined;
  }

  private addEntity(e: SidecarEntity): void {
    this.entityMap.set(e.id, e);
    this.changedEntities.set(e.id, ++this.clock);
  }

  private touch(r: AnnotationRecord): void {
    this.markChanged(r, this.now());
    this.emit('user');
  }

  private markChanged(r: AnnotationRecord, now: string): void {
    r.modified = now;
    this.changed.set(r.id, ++this.clock);
  }

  /**
   * Records by offset. Edits shift records without reordering them, so the last order is
   * kept and checked (one pass: same records, still in order) before it is sorted again.
   */
  private sorted(): AnnotationRecord[] {
    return [...this.ordered()];
  }
  private ordered(): readonly AnnotationRecord[] {
    const last = this.order;
    let ok = this.orderVersion === this.recordsVersion;
    for (let i = 1; ok && i < last.length; i++) ok = compareRecords(last[i - 1], last[i]) < 0;
    if (!ok) {
      this.order = [...this.records.values()].sort(compareRecords);
      this.orderVersion = this.recordsVersion;
    }
    return this.order;
  }
  /** The records by offset as last sorted, for the set of records of `orderVersion`. */
  private order: AnnotationRecord[] = [];
  private orderVersion = -1;
  /** Counts additions and removals of records (offset changes keep their order or are caught by the check). */
  private recordsVersion = 0;

  /**
   * Every annotation by offset, read-only and valid until the next change: what
   * mergeRecognized reads on each refresh, without copies.
   */
  inOrder(): readonly Annotation[] {
    return this.ordered();
  }

  private now(): string {
    return (this.options.now?.() ?? new Date()).toISOString();
  }

  private newId(): string {
    const make = this.options.newId ?? newAnnotationId;
    for (let attempt = 0; attempt < 100; attempt++) {
      const id = make();
      if (!this.records.has(id) && !this.deleted.has(id) && !this.baseAnnotations.has(id)) return id;
    }
    throw new Error('the id generator keeps repeating ids');
  }

  private emit(reason: ChangeReason): void {
    for (const l of [...this.listeners]) {
      try {
        l({ reason });
      } catch (e) {
        // A listener's bug must not break the store; surface it where the host logs uncaught errors.
        queueMicrotask(() => {
          throw e;
        });
      }
    }
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
