/**
 * The Entities tree: the outline of the active article (This Article) or of
 * every article (Workspace), narrowed by a text filter. Rebuilt on change;
 * the counts go to the view's badge and message.
 */
import * as vscode from 'vscode';
import { mainLanguage } from '../../core/kb/names';
import { outline, type EntityGroup, type Outline } from '../../core/workspace/group';
import type { Controller } from '../controller';
import type { ArticleSummary, WorkspaceIndex } from '../workspaceIndex';
import { buildNodes, childrenOf, type EntityNode, type Node } from './nodes';
import { treeItem } from './items';

export type Scope = 'article' | 'workspace';

export class EntitiesTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  scope: Scope = 'article';
  filter = '';
  /** The outline behind the current roots, for the view's description and badge. */
  current: Outline | undefined;
  private roots: Promise<Node[]> | undefined;
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly summary = new vscode.EventEmitter<Outline | undefined>();
  /** Fires after the roots were rebuilt, with their outline. */
  readonly onDidBuild = this.summary.event;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Per root of a Workspace-scope tree, the summaries its mentions come from, by file. */
  private readonly sources = new WeakMap<Node, ReadonlyMap<string, ArticleSummary>>();
  /** Previews being made or made, per entity group: expanding twice reads its articles once. */
  private readonly previewing = new WeakMap<EntityGroup, Promise<void>>();
  private readonly disposables: vscode.Disposable[] = [this.changed, this.summary];

  constructor(
    private readonly controller: Controller,
    private readonly index: WorkspaceIndex,
  ) {
    this.disposables.push(
      controller.onDidChange(() => this.scope === 'article' && this.refreshSoon()),
      index.onDidChange(() => this.scope === 'workspace' && this.refreshSoon()),
      vscode.window.onDidChangeActiveTextEditor(() => this.scope === 'article' && this.refreshSoon()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('articleAnnotator.displayNames') && this.refreshSoon()),
    );
  }

  getTreeItem(node: Node): vscode.TreeItem {
    return treeItem(node, this.scope);
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) return (this.roots ??= this.build());
    const children = childrenOf(node);
    if (node.t === 'entity') await this.previews(node);
    return children;
  }

  getParent(node: Node): Node | undefined {
    return node.parent;
  }

  /** The entity's node in the current tree, if the entity is in it. */
  async findEntity(entity: string, type?: string): Promise<EntityNode | undefined> {
    const walk = (nodes: Node[]): EntityNode | undefined => {
      for (const n of nodes) {
        if (n.t === 'entity' && n.group.entity === entity && (!type || n.group.type === type)) return n;
        const found = walk(childrenOf(n));
        if (found) return found;
      }
      return undefined;
    };
    return walk(await this.getChildren());
  }

  refresh(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.roots = undefined;
    this.changed.fire(undefined);
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }

  /** The previews of an entity's mentions from disk (Workspace scope), made when its children are first shown. */
  private previews(node: EntityNode): Promise<void> {
    let root: Node = node;
    while (root.parent) root = root.parent;
    const summaries = this.sources.get(root);
    if (!summaries) return Promise.resolve();
    let made = this.previewing.get(node.group);
    if (!made) {
      made = this.index.fillPreviews(node.group.mentions, (file) => summaries.get(file));
      this.previewing.set(node.group, made);
    }
    return made;
  }

  /** Readers get fresh roots at once; the view hears of it after a burst of changes. */
  private refreshSoon(): void {
    this.roots = undefined;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), 100);
  }

  private async build(): Promise<Node[]> {
    let nodes: Node[] = [];
    let built: Outline | undefined;
    if (this.scope === 'article') {
      const state = this.controller.active();
      if (state) {
        const file = state.uri.toString();
        const names = this.controller.directory([], this.controller.namesFor(state));
        built = outline([{ file, mentions: state.view.mentions, orphans: state.view.orphans, previews: state.previews }], names, this.filter);
        const problems = [state.error?.message, state.recognitionError && vscode.l10n.t('Recognition failed: {0}', state.recognitionError)]
          .filter((m): m is string => !!m)
          .map((message) => ({ file, message }));
        nodes = buildNodes(built, problems);
      }
    } else {
      const articles = await this.index.articles();
      const lang = this.controller.namesFor(undefined, mainLanguage(articles.map((a) => a.language)));
      const directory = this.controller.directory(articles.flatMap((a) => a.entities), lang);
      built = outline(articles, directory, this.filter);
      const problems = articles.filter((a) => a.problem).map((a) => ({ file: a.file, message: a.problem! }));
      nodes = buildNodes(built, problems);
      const summaries = new Map(articles.map((a) => [a.file, a]));
      for (const n of nodes) this.sources.set(n, summaries);
    }
    this.current = built;
    this.summary.fire(built);
    return nodes;
  }
}
