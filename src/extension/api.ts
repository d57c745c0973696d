/** What activate() returns: read-only views of the extension's state, for tests and other extensions. */
import type * as vscode from 'vscode';
import type { Annotation, MergedMentions, SidecarError } from '../core/annotations';
import type { MentionItem, ToPage } from './corpusMap/protocol';
import type { RenderedMap } from './corpusMap/panel';
import type { DecorationSnapshot } from './decorations/decorator';
import type { EntitiesTree } from './sidebar/tree';
import type { Node } from './sidebar/nodes';
import type { ShownMessage } from './ui';

export interface ArticleSnapshot extends MergedMentions {
  /** Anchored annotations of the sidecar (confirmed and rejected), code point offsets. */
  annotations: Annotation[];
  sidecarPath: string | null;
  error: SidecarError | null;
}

export interface AnnotatorApi {
  getDecorationSnapshot(editor: vscode.TextEditor): DecorationSnapshot[];
  /** Resolves when recognition, sidecar loads and writes have settled. */
  whenIdle(): Promise<void>;
  article(uri: vscode.Uri): ArticleSnapshot | undefined;
  tree: EntitiesTree;
  treeView: vscode.TreeView<Node>;
  statusBarText(): string | undefined;
  /** Messages shown in the status bar for a few seconds after a command worked. */
  statusBarFlashes(): readonly string[];
  /** Fires with each quick pick or input box the extension opens, so tests can answer it. */
  onDidShowInput: vscode.Event<vscode.QuickPick<vscode.QuickPickItem> | vscode.InputBox>;
  shownMessages(): readonly ShownMessage[];
  /** The last lines of the Article Annotator log, level first (`info recognized a.txt: …`). */
  logLines(): readonly string[];
  /** The Corpus Map panel as its page reports it; `post` drives the page's own controls (test:… messages). */
  corpusMap: {
    onDidRender: vscode.Event<RenderedMap>;
    onDidList: vscode.Event<{ entity: string; items: MentionItem[] }>;
    lastRendered(): RenderedMap | undefined;
    isOpen(): boolean;
    /** What the page's Content-Security-Policy blocked (directive, URI). */
    cspViolations(): ReadonlyArray<{ directive: string; blocked: string }>;
    post(message: ToPage): Promise<void>;
  };
}
