/** Tree items for the entity tree's nodes: labels, counts, icons, click actions. */
import * as path from 'path';
import * as vscode from 'vscode';
import { CMD, type MentionArg } from '../commands/ids';
import { colorId, styleOf } from '../decorations/styles';
import { statusLabel, typeLabel } from '../labels';
import type { Node, RelatedNode } from './nodes';

const ICONS = { country: 'globe', person: 'person', organization: 'organization', agreement: 'law' } as const;

export function treeItem(node: Node, scope: 'article' | 'workspace'): vscode.TreeItem {
  const C = vscode.TreeItemCollapsibleState;
  switch (node.t) {
    case 'problem': {
      const item = new vscode.TreeItem(vscode.l10n.t('Problem: {0}', fileName(node.file)), C.None);
      item.description = node.message.split('\n')[0];
      item.tooltip = node.message;
      item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
      item.contextValue = 'problem';
      item.command = { command: CMD.openSidecar, title: vscode.l10n.t('Open Sidecar'), arguments: [{ uri: node.file }] };
      return withId(item, node);
    }
    case 'orphans': {
      const item = new vscode.TreeItem(vscode.l10n.t('Orphaned annotations'), C.Expanded);
      item.description = vscode.l10n.t('{0} · text no longer in the article', node.children.length);
      item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('editorWarning.foreground'));
      return withId(item, node);
    }
    case 'orphan': {
      const item = new vscode.TreeItem(node.orphan.text, C.None);
      item.description = `${node.orphan.entity}${scope === 'workspace' ? ` · ${fileName(node.file)}` : ''}`;
      item.tooltip = vscode.l10n.t('“{0}” ({1}) is no longer in the article. Remove it, or restore the text.', node.orphan.text, node.orphan.entity);
      item.iconPath = new vscode.ThemeIcon('debug-disconnect');
      item.contextValue = 'orphan';
      return withId(item, node);
    }
    case 'kind': {
      const item = new vscode.TreeItem(node.group.kind === 'actor' ? vscode.l10n.t('Actors') : vscode.l10n.t('Agreements'), C.Expanded);
      item.description = String(node.group.count);
      return withId(item, node);
    }
    case 'type': {
      const item = new vscode.TreeItem(typeLabel(node.group.type), C.Expanded);
      item.description = String(node.group.count);
      item.iconPath = icon(node.group.type);
      return withId(item, node);
    }
    case 'entity': {
      const g = node.group;
      const item = new vscode.TreeItem(g.name, C.Collapsed);
      item.description = countsLabel(g.confirmed, g.suggested);
      item.tooltip = `${g.name} — ${typeLabel(g.type)}${g.qid ? ` (${g.qid})` : ''}\n${vscode.l10n.t(
        '{0} mentions: {1} confirmed, {2} suggested (not yet confirmed or rejected)',
        g.mentions.length,
        g.confirmed,
        g.suggested,
      )}`;
      item.iconPath = icon(g.type);
      item.contextValue = 'entity';
      return withId(item, node);
    }
    case 'mention': {
      const { ref } = node;
      const item = new vscode.TreeItem(ref.preview ?? ref.mention.text, C.None);
      const line = ref.line !== undefined ? vscode.l10n.t('Ln {0}', ref.line + 1) : '';
      item.description = scope === 'workspace' ? `${fileName(ref.file)} ${line}` : line;
      item.iconPath = new vscode.ThemeIcon(ref.mention.status === 'confirmed' ? 'pass-filled' : 'circle-large-outline');
      item.tooltip = `${ref.mention.text} — ${statusLabel(ref.mention.status)}`;
      item.contextValue = ref.mention.status === 'confirmed' ? 'mention.confirmed' : 'mention.suggested';
      const arg: MentionArg = { uri: ref.file, start: ref.mention.start, end: ref.mention.end };
      item.command = { command: CMD.revealMention, title: vscode.l10n.t('Reveal'), arguments: [arg] };
      return withId(item, node);
    }
    case 'parties':
    case 'agreements':
    case 'party':
    case 'partyTo':
      return relationItem(node);
  }
}

/** The Parties / Agreements nodes and their entries (see core/workspace/group.ts linkParties). */
function relationItem(node: Extract<Node, { t: 'parties' | 'agreements' | 'party' | 'partyTo' }>): vscode.TreeItem {
  const C = vscode.TreeItemCollapsibleState;
  if (node.t === 'parties' || node.t === 'agreements') {
    const list = node.t === 'parties' ? node.group.parties ?? [] : node.group.partyTo ?? [];
    const item = new vscode.TreeItem(node.t === 'parties' ? vscode.l10n.t('Parties') : vscode.l10n.t('Agreements'), C.Expanded);
    item.description = String(list.length);
    item.tooltip =
      node.t === 'parties'
        ? vscode.l10n.t('Who concluded, signed or issued {0}', node.group.name)
        : vscode.l10n.t('Agreements {0} is a party to', node.group.name);
    item.iconPath = new vscode.ThemeIcon(node.t === 'parties' ? 'organization' : 'law');
    item.contextValue = node.t;
    return withId(item, node);
  }
  const r = node as RelatedNode;
  const item = new vscode.TreeItem(r.ref.name, C.None);
  item.iconPath = new vscode.ThemeIcon(r.t === 'party' ? 'account' : 'law');
  item.tooltip = r.t === 'party' ? vscode.l10n.t('{0}: party to {1}', r.ref.name, r.group.name) : vscode.l10n.t('{0}: party to {1}', r.group.name, r.ref.name);
  item.contextValue = r.t;
  item.command = { command: CMD.showInSidebar, title: vscode.l10n.t('Show in Sidebar'), arguments: [{ entity: r.ref.entity }] };
  return withId(item, node);
}

/** "12 suggested · 1 confirmed": words, not signs, so the counts explain themselves. */
export function countsLabel(confirmed: number, suggested: number): string {
  const parts: string[] = [];
  if (suggested) parts.push(vscode.l10n.t('{0} suggested', suggested));
  if (confirmed) parts.push(vscode.l10n.t('{0} confirmed', confirmed));
  return parts.join(' · ');
}

function icon(type: Parameters<typeof styleOf>[0]): vscode.ThemeIcon {
  const style = styleOf(type);
  return new vscode.ThemeIcon(ICONS[style], new vscode.ThemeColor(colorId(style, 'border')));
}

function withId(item: vscode.TreeItem, node: Node): vscode.TreeItem {
  item.id = node.id;
  return item;
}

function fileName(uri: string): string {
  return path.basename(vscode.Uri.parse(uri).path);
}
