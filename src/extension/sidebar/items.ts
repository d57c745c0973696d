/** Tree items for the entity tree's nodes: labels, counts, icons, click actions. */
import * as path from 'path';
import * as vscode from 'vscode';
import { CMD, type MentionArg } from '../commands/ids';
import { colorId, styleOf } from '../decorations/styles';
import type { Node } from './nodes';

const ICONS = { country: 'globe', person: 'person', organization: 'organization', agreement: 'law' } as const;
const KIND_LABEL = { actor: 'Actors', agreement: 'Agreements' } as const;

export function treeItem(node: Node, scope: 'article' | 'workspace'): vscode.TreeItem {
  const C = vscode.TreeItemCollapsibleState;
  switch (node.t) {
    case 'problem': {
      const item = new vscode.TreeItem(`Problem: ${fileName(node.file)}`, C.None);
      item.description = node.message.split('\n')[0];
      item.tooltip = node.message;
      item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
      item.contextValue = 'problem';
      item.command = { command: CMD.openSidecar, title: 'Open Sidecar', arguments: [{ uri: node.file }] };
      return withId(item, node);
    }
    case 'orphans': {
      const item = new vscode.TreeItem('Orphaned annotations', C.Expanded);
      item.description = `${node.children.length} · text no longer in the article`;
      item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('editorWarning.foreground'));
      return withId(item, node);
    }
    case 'orphan': {
      const item = new vscode.TreeItem(node.orphan.text, C.None);
      item.description = `${node.orphan.entity}${scope === 'workspace' ? ` · ${fileName(node.file)}` : ''}`;
      item.tooltip = `“${node.orphan.text}” (${node.orphan.entity}) is no longer in the article. Remove it, or restore the text.`;
      item.iconPath = new vscode.ThemeIcon('debug-disconnect');
      item.contextValue = 'orphan';
      return withId(item, node);
    }
    case 'kind': {
      const item = new vscode.TreeItem(KIND_LABEL[node.group.kind], C.Expanded);
      item.description = String(node.group.count);
      return withId(item, node);
    }
    case 'type': {
      const item = new vscode.TreeItem(node.group.type, C.Expanded);
      item.description = String(node.group.count);
      item.iconPath = icon(node.group.type);
      return withId(item, node);
    }
    case 'entity': {
      const g = node.group;
      const item = new vscode.TreeItem(g.name, C.Collapsed);
      item.description = countsLabel(g.confirmed, g.suggested);
      item.tooltip = `${g.name} — ${g.type}${g.qid ? ` (${g.qid})` : ''}\n${g.mentions.length} mentions: ${g.confirmed} confirmed, ${g.suggested} suggested (not yet confirmed or rejected)`;
      item.iconPath = icon(g.type);
      item.contextValue = 'entity';
      return withId(item, node);
    }
    case 'mention': {
      const { ref } = node;
      const item = new vscode.TreeItem(ref.preview?.preview ?? ref.mention.text, C.None);
      const line = ref.preview ? `Ln ${ref.preview.line + 1}` : '';
      item.description = scope === 'workspace' ? `${fileName(ref.file)} ${line}` : line;
      item.iconPath = new vscode.ThemeIcon(ref.mention.status === 'confirmed' ? 'pass-filled' : 'circle-large-outline');
      item.tooltip = `${ref.mention.text} — ${ref.mention.status === 'confirmed' ? 'confirmed' : 'suggested'}`;
      item.contextValue = ref.mention.status === 'confirmed' ? 'mention.confirmed' : 'mention.suggested';
      const arg: MentionArg = { uri: ref.file, start: ref.mention.start, end: ref.mention.end };
      item.command = { command: CMD.revealMention, title: 'Reveal', arguments: [arg] };
      return withId(item, node);
    }
  }
}

/** "12 suggested · 1 confirmed": words, not signs, so the counts explain themselves. */
export function countsLabel(confirmed: number, suggested: number): string {
  const parts: string[] = [];
  if (suggested) parts.push(`${suggested} suggested`);
  if (confirmed) parts.push(`${confirmed} confirmed`);
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
