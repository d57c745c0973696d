/**
 * The Entities view: its tree, scope and filter, the context keys the
 * manifest's menus read, and the badge, description and message.
 */
import * as vscode from 'vscode';
import type { Outline } from '../../core/workspace/group';
import { ENTITIES_VIEW } from '../commands/ids';
import type { Controller } from '../controller';
import type { WorkspaceIndex } from '../workspaceIndex';
import { EntitiesTree, type Scope } from './tree';
import type { Node } from './nodes';

export class EntitiesView implements vscode.Disposable {
  readonly tree: EntitiesTree;
  readonly view: vscode.TreeView<Node>;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(controller: Controller, index: WorkspaceIndex) {
    this.tree = new EntitiesTree(controller, index);
    this.view = vscode.window.createTreeView(ENTITIES_VIEW, { treeDataProvider: this.tree, showCollapseAll: true });
    this.disposables.push(this.tree, this.view, this.tree.onDidBuild((o) => this.describe(o)));
    void this.setContext();
  }

  get scope(): Scope {
    return this.tree.scope;
  }

  async setScope(scope: Scope): Promise<void> {
    this.tree.scope = scope;
    this.tree.current = undefined;
    this.describe(undefined);
    await this.setContext();
    this.tree.refresh();
  }

  async setFilter(filter: string): Promise<void> {
    this.tree.filter = filter.trim();
    this.describe(this.tree.current);
    await this.setContext();
    this.tree.refresh();
  }

  /** Show an entity's node, selected and expanded; false when the current tree does not have it. */
  async reveal(entity: string, type?: string): Promise<boolean> {
    const node = await this.tree.findEntity(entity, type);
    if (!node) return false;
    await this.view.reveal(node, { select: true, focus: true, expand: true });
    return true;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  private async setContext(): Promise<void> {
    await vscode.commands.executeCommand('setContext', 'articleAnnotator.scope', this.tree.scope);
    await vscode.commands.executeCommand('setContext', 'articleAnnotator.filtered', this.tree.filter !== '');
  }

  private describe(o: Outline | undefined): void {
    const scope = this.tree.scope === 'article' ? vscode.l10n.t('This Article') : vscode.l10n.t('Workspace');
    const filter = this.tree.filter;
    this.view.description = filter ? `${scope} · ${vscode.l10n.t('filter: “{0}”', filter)}` : scope;
    const entities = o ? o.kinds.reduce((n, k) => n + k.types.reduce((m, t) => m + t.entities.length, 0), 0) : 0;
    const parts: string[] = [];
    if (filter) parts.push(vscode.l10n.t('Filter “{0}”: {1} entities match.', filter, entities));
    if (o && (o.suggested || o.confirmed)) parts.push(vscode.l10n.t('{0} confirmed, {1} suggested', o.confirmed, o.suggested));
    if (o?.orphans.length) parts.push(vscode.l10n.t('{0} orphaned', o.orphans.length));
    this.view.message = parts.length ? parts.join(' · ') : undefined;
    this.view.badge = o?.suggested ? { value: o.suggested, tooltip: vscode.l10n.t('{0} suggestions to review', o.suggested) } : undefined;
  }
}
