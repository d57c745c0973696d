/**
 * Keeps an ArticleState for every open article and tells the views when one
 * changes. The views never compute anything themselves: they read states.
 */
import * as vscode from 'vscode';
import type { EntityLookup, SidecarEntity } from '../core/annotations';
import type { Lang } from '../core/kb/schema';
import { nameLanguage } from '../core/kb/names';
import { EntityDirectory } from '../core/workspace/entities';
import { ArticleState } from './articleState';
import { isArticleDocument, onDidChangeSettings, settings } from './config';
import type { Knowledge } from './knowledge';
import type { Recognizer } from './recognizer/client';

export class Controller implements vscode.Disposable {
  private readonly states = new Map<string, ArticleState>();
  private readonly changed = new vscode.EventEmitter<ArticleState>();
  private readonly closing = new vscode.EventEmitter<ArticleState>();
  /** An article's mentions, annotations or sidecar state changed. */
  readonly onDidChange = this.changed.event;
  /** An article is about to be forgotten (its document closed); its store is still usable. */
  readonly onWillClose = this.closing.event;
  private lastActive: string | undefined;
  private readonly disposables: vscode.Disposable[] = [this.changed, this.closing];
  /** The store asks the knowledge base of the moment, so entities added later are known. */
  private readonly lookup: EntityLookup;

  constructor(
    private readonly knowledge: Knowledge,
    private readonly recognizer: Recognizer,
  ) {
    this.lookup = { get: (id) => knowledge.kb.get(id), displayName: (id) => knowledge.kb.displayName(id) };
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.track(d)),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length) this.states.get(e.document.uri.toString())?.applyChanges(e.contentChanges);
      }),
      vscode.window.onDidChangeActiveTextEditor((e) => this.noteActive(e)),
      knowledge.onDidChange(() => this.rescanAll()),
      onDidChangeSettings(() => this.retrackAll()),
    );
    for (const d of vscode.workspace.textDocuments) this.track(d);
    this.noteActive(vscode.window.activeTextEditor);
  }

  get(uri: vscode.Uri | string): ArticleState | undefined {
    return this.states.get(uri.toString());
  }

  all(): ArticleState[] {
    return [...this.states.values()];
  }

  /** The article in the active editor, else the one last active that is still open. */
  active(): ArticleState | undefined {
    const editor = vscode.window.activeTextEditor;
    return (editor && this.get(editor.document.uri)) ?? (this.lastActive ? this.states.get(this.lastActive) : undefined);
  }

  /** The state of an article document, opening it when the document is not tracked yet (just created, say). */
  forDocument(doc: vscode.TextDocument): ArticleState | undefined {
    return this.track(doc);
  }

  /**
   * Entities the knowledge base knows plus those defined in open articles' sidecars, named in `lang`
   * (what the views show; see namesFor). The default, English, is the canonical name sidecars keep.
   */
  directory(extra: Iterable<SidecarEntity> = [], lang: Lang = 'en'): EntityDirectory {
    const local = this.all().flatMap((s) => s.store?.entities() ?? []);
    return new EntityDirectory(this.knowledge.kb, [...local, ...extra], lang);
  }

  /**
   * The language the views name entities in, per `displayNames`: for an article, or (no article: the
   * Workspace scope) for articles in `language`.
   */
  namesFor(state: ArticleState | undefined, language?: string): Lang {
    return nameLanguage(settings().displayNames, state?.language ?? language, vscode.env.language);
  }

  rescanAll(): void {
    for (const s of this.states.values()) s.rescan();
  }

  async whenIdle(): Promise<void> {
    await Promise.all(this.all().map((s) => s.whenIdle()));
  }

  dispose(): void {
    for (const s of this.states.values()) s.dispose();
    this.states.clear();
    for (const d of this.disposables) d.dispose();
  }

  private track(doc: vscode.TextDocument): ArticleState | undefined {
    const key = doc.uri.toString();
    const existing = this.states.get(key);
    if (existing || !isArticleDocument(doc)) return existing;
    const state = new ArticleState(doc, this.recognizer, this.lookup, (s) => this.changed.fire(s));
    this.states.set(key, state);
    return state;
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    const state = this.states.get(key);
    if (!state) return;
    this.closing.fire(state);
    this.states.delete(key);
    state.dispose();
    this.changed.fire(state);
  }

  private noteActive(editor: vscode.TextEditor | undefined): void {
    if (editor && this.get(editor.document.uri)) this.lastActive = editor.document.uri.toString();
  }

  /** The include setting changed: start or stop tracking open documents accordingly. */
  private retrackAll(): void {
    for (const d of vscode.workspace.textDocuments) {
      if (!isArticleDocument(d)) this.forget(d.uri);
      else this.track(d);
    }
  }
}
