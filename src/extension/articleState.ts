/**
 * One open article: its recognized mentions, its annotation store, and what
 * the views show (their merge). Edits move everything at once; recognition
 * runs again after a quiet moment, off the extension host's thread.
 */
import * as fs from 'fs';
import * as vscode from 'vscode';
import { ArticleAnnotations, mergeRecognized, type EntityLookup, type MergedMentions, type SidecarError } from '../core/annotations';
import type { Mention } from '../core/model';
import { articleLanguage } from '../core/text/language';
import { OffsetIndex, stripBom } from '../core/text/offsets';
import { shiftMentions, toCodePointEdits, type CodePointEdit } from '../core/workspace/edits';
import { linePreviews, type LinePreview } from '../core/workspace/group';
import type { Span } from '../core/workspace/navigate';
import { settings } from './config';
import { fileName, log, since } from './log';
import type { Recognizer } from './recognizer/client';

export class ArticleState implements vscode.Disposable {
  store: ArticleAnnotations | null = null;
  /** The recognizer's mentions, kept in step with edits until it answers again. */
  private recognized: Mention[] = [];
  private merged: MergedMentions = { mentions: [], orphans: [] };
  /**
   * Edits not yet applied to `recognized` and to `merged`: they are moved when read, since after a
   * keystroke the next recognition usually replaces both first (moving 20,000 mentions of a 1 MB
   * article twice per keystroke for nothing). The same shifts in the same order, only later.
   */
  private recognizedBehind: CodePointEdit[] = [];
  private viewBehind: CodePointEdit[] = [];
  private previewCache: LinePreview[] | undefined;
  private languageCache: string | undefined;
  private text: string;
  private index: OffsetIndex;
  /** UTF-16 units of a BOM at the start of the buffer (offsets exclude it). */
  private bom = 0;
  /** Edits since the oldest recognition still running, to move its answer into the present. */
  private log: Array<{ seq: number; edit: CodePointEdit }> = [];
  private seq = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private loading: Promise<void> | undefined;
  private applying = false;
  private storeDirty = false;
  private disposed = false;
  private readonly subscriptions: { dispose(): void }[] = [];
  /** Set when recognition failed; shown instead of mentions. */
  recognitionError: string | undefined;

  constructor(
    readonly document: vscode.TextDocument,
    private readonly recognizer: Recognizer,
    private readonly kb: EntityLookup,
    private readonly changed: (s: ArticleState) => void,
  ) {
    this.text = '';
    this.index = new OffsetIndex('');
    this.setText(document.getText());
    this.loading = this.load().finally(() => (this.loading = undefined));
  }

  get uri(): vscode.Uri {
    return this.document.uri;
  }
  /** What the views show: confirmed annotations and undecided recognitions, then orphans. */
  get view(): MergedMentions {
    if (this.viewBehind.length) {
      let mentions = this.merged.mentions;
      for (const edit of this.viewBehind) mentions = shiftMentions(mentions, edit);
      this.merged = { ...this.merged, mentions };
      this.viewBehind = [];
    }
    return this.merged;
  }
  get error(): SidecarError | null {
    return this.store?.error ?? null;
  }
  get currentText(): string {
    return this.text;
  }
  /** The article's language (front matter, else its script), guessed again after edits. */
  get language(): string {
    return (this.languageCache ??= articleLanguage(this.text));
  }
  /** Line and excerpt of each mention of `view`, built on first use. */
  get previews(): LinePreview[] {
    return (this.previewCache ??= linePreviews(this.text, this.view.mentions));
  }

  // ---- offsets: code points (core) <-> positions (editor) ----

  range(span: Span): vscode.Range {
    return new vscode.Range(this.position(span.start), this.position(span.end));
  }
  position(codePoint: number): vscode.Position {
    const cp = Math.max(0, Math.min(codePoint, this.index.codePointLength));
    return this.document.positionAt(this.bom + this.index.toUtf16(cp));
  }
  offset(position: vscode.Position): number {
    const u = Math.max(0, Math.min(this.document.offsetAt(position) - this.bom, this.index.utf16Length));
    return this.index.toCodePoint(u);
  }
  span(range: vscode.Range): Span {
    return { start: this.offset(range.start), end: this.offset(range.end) };
  }

  // ---- lifecycle ----

  /** Recognize again now (knowledge changed, or the user asked). */
  rescan(): void {
    this.schedule(0);
  }

  /** Text changes of one editor event, applied to the store and the mentions before recognition catches up. */
  applyChanges(changes: readonly vscode.TextDocumentContentChangeEvent[]): void {
    const edits = changes.some((c) => c.rangeOffset < this.bom)
      ? null
      : toCodePointEdits(
          this.index,
          changes.map((c) => ({ offset: c.rangeOffset - this.bom, length: c.rangeLength, text: c.text })),
        );
    this.applying = true;
    try {
      for (const edit of edits ?? []) {
        this.store?.applyEdit(edit.offset, edit.deleted, edit.text);
        this.recognizedBehind.push(edit);
        this.viewBehind.push(edit);
        this.log.push({ seq: ++this.seq, edit });
      }
    } finally {
      this.applying = false;
    }
    // One change (a keystroke): the code point index is updated at the change, not rebuilt from the whole text.
    const one = edits && changes.length === 1 ? changes[0] : undefined;
    this.setText(this.document.getText(), one && { offset: one.rangeOffset - this.bom, length: one.rangeLength, text: one.text });
    // A missed or odd event (a BOM edit): the store anchors everything again.
    if (!edits || (this.store && !this.store.sameText(this.text))) {
      this.store?.replaceText(this.text);
      this.recognized = [];
      this.recognizedBehind = [];
      this.log = [];
    }
    this.previewCache = undefined;
    if (this.storeDirty) this.refresh();
    this.schedule();
  }

  /** Runs several store changes, then refreshes the views once. */
  batch<T>(change: () => T): T {
    const outer = this.applying;
    this.applying = true;
    try {
      return change();
    } finally {
      this.applying = outer;
      if (!outer && this.storeDirty) this.refresh();
    }
  }

  /** Resolves when loading and recognition have settled. */
  async whenIdle(): Promise<void> {
    for (;;) {
      if (this.loading) await this.loading;
      else if (this.timer) await new Promise((r) => setTimeout(r, 10));
      else if (this.running) await this.running;
      else return;
    }
  }

  dispose(): void {
    this.disposed = true;
    this.recognizer.forget(this.document.uri.toString());
    clearTimeout(this.timer);
    this.timer = undefined;
    for (const s of this.subscriptions) s.dispose();
  }

  /** Read the sidecar again after an outside change. */
  async reloadSidecar(): Promise<void> {
    await this.loading;
    await this.store?.reloadFromDisk();
  }

  private async load(): Promise<void> {
    if (this.document.uri.scheme === 'file') {
      const t0 = performance.now();
      const store = await ArticleAnnotations.load(this.document.uri.fsPath, this.text, { kb: this.kb });
      if (this.disposed) return;
      this.store = store;
      this.logSidecar('read', t0);
      this.subscriptions.push(
        store.onDidChange((e) => {
          if (e.reason === 'load' || e.reason === 'merge' || e.reason === 'error') this.logSidecar(e.reason === 'load' ? 'reloaded' : e.reason === 'merge' ? 'merged' : 'error');
          this.onStoreChange();
        }),
      );
      if (store.text !== this.text) store.replaceText(this.text);
    }
    this.refresh();
    this.schedule(0);
  }

  /** What the store just did with the sidecar file, for the log. */
  private logSidecar(what: 'read' | 'reloaded' | 'merged' | 'error', t0?: number): void {
    const store = this.store;
    if (!store) return;
    const file = fileName(store.sidecarPath);
    if (store.error) return log.warn(`${file} cannot be used (annotations read-only): ${store.error.message}`);
    if (what === 'error') return;
    if (what === 'read' && !fs.existsSync(store.sidecarPath)) return log.info(`${file}: no sidecar yet`);
    const counts = `${store.annotations().length} annotations, ${store.orphans().length} orphaned`;
    const took = t0 === undefined ? '' : ` in ${since(t0)}`;
    if (what === 'merged') log.info(`${file}: merged changes another writer made (${counts})`);
    else log.info(`${what} ${file}: ${counts}${took}`);
  }

  private onStoreChange(): void {
    if (this.applying) this.storeDirty = true;
    else this.refresh();
  }

  private schedule(delay = settings().updateDelay): void {
    if (this.disposed) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.recognize();
    }, Math.max(0, delay));
  }

  private recognize(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const asked = this.seq;
    this.running = (async () => {
      const t0 = performance.now();
      try {
        let mentions = await this.recognizer.recognize(this.text, this.document.uri.toString());
        for (const { seq, edit } of this.log) if (seq > asked) mentions = shiftMentions(mentions, edit);
        this.recognized = mentions;
        this.recognizedBehind = [];
        this.recognitionError = undefined;
        log.info(`recognized ${fileName(this.uri)}: ${mentions.length} mentions in ${since(t0)} (${this.text.length} characters)`);
      } catch (e) {
        this.recognitionError = e instanceof Error ? e.message : String(e);
        log.error(`recognition of ${fileName(this.uri)} failed`, e);
      }
      this.log = this.log.filter((l) => l.seq > asked);
      if (!this.disposed) this.refresh();
    })().finally(() => {
      this.running = undefined;
      if (this.again && !this.disposed) {
        this.again = false;
        void this.recognize();
      }
    });
    return this.running;
  }

  private refresh(): void {
    this.storeDirty = false;
    for (const edit of this.recognizedBehind) this.recognized = shiftMentions(this.recognized, edit);
    this.recognizedBehind = [];
    this.merged = mergeRecognized(this.text, this.recognized, this.store);
    this.viewBehind = [];
    this.previewCache = undefined;
    this.changed(this);
  }

  /**
   * `change`: the one change (UTF-16, BOM excluded) from the last text to this one; the code point
   * index is then made from the last one, unless the BOM came or went. Else it is built afresh.
   */
  private setText(raw: string, change?: { offset: number; length: number; text: string }): void {
    const bom = this.bom;
    this.text = stripBom(raw);
    this.languageCache = undefined;
    this.bom = raw.length - this.text.length;
    const edited = change && this.bom === bom ? this.index.edited(this.text, change.offset, change.offset + change.length, change.text) : undefined;
    this.index = edited && edited.utf16Length === this.text.length ? edited : new OffsetIndex(this.text);
  }
}
