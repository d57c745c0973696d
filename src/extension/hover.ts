/**
 * Hover on a mention: who or what it is, where else it appears, and links
 * that act on it. Links are trusted for this extension's commands only.
 */
import * as vscode from 'vscode';
import type { ShownMention } from '../core/annotations';
import type { EntityInfo } from '../core/workspace/entities';
import { spanAt } from '../core/workspace/navigate';
import { CMD, commandLink, type MentionArg } from './commands/ids';
import type { Controller } from './controller';
import { PARTY_COMMANDS, partiesMarkdown } from './partiesHover';
import { kindLabel, statusLabel, typeLabel } from './labels';
import type { WorkspaceIndex } from './workspaceIndex';

const TRUSTED = [CMD.confirmMention, CMD.rejectMention, CMD.removeAnnotation, CMD.showInSidebar, ...PARTY_COMMANDS];
const MAX_ALIASES = 8;
/** The workspace count waits this long for the index, then says it is still counting. */
const COUNT_WAIT_MS = 2000;

export class MentionHover implements vscode.HoverProvider {
  constructor(
    private readonly controller: Controller,
    private readonly index: WorkspaceIndex,
  ) {}

  async provideHover(doc: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const state = this.controller.get(doc.uri);
    if (!state) return undefined;
    const m = spanAt(state.view.mentions, state.offset(position), false);
    if (!m) return undefined;
    const inArticle = state.view.mentions.filter((x) => x.entity === m.entity).length;
    const inWorkspace = await this.workspaceCount(m.entity);
    const names = this.controller.directory([], this.controller.namesFor(state));
    const parties = partiesMarkdown(state, m, (id) => names.get(id)?.name ?? id, esc);
    return new vscode.Hover(this.render(doc.uri, m, names.get(m.entity), inArticle, inWorkspace, parties), state.range(m));
  }

  private render(uri: vscode.Uri, m: ShownMention, info: EntityInfo | undefined, inArticle: number, inWorkspace: number | undefined, parties = ''): vscode.MarkdownString {
    const name = info?.name ?? m.text;
    const qid = m.qid ?? info?.qid ?? null;
    const md = new vscode.MarkdownString(undefined, true);
    md.isTrusted = { enabledCommands: TRUSTED };
    md.appendMarkdown(`**${esc(name)}** · ${typeLabel(m.type)} (${kindLabel(m.kind)}) · _${statusLabel(m.status)}_\n\n`);
    const aliases = (info?.aliases ?? []).filter((a) => a !== name);
    if (aliases.length) {
      const more = aliases.length > MAX_ALIASES ? ` … +${aliases.length - MAX_ALIASES}` : '';
      md.appendMarkdown(`${vscode.l10n.t('Also: {0}', aliases.slice(0, MAX_ALIASES).map(esc).join(', '))}${more}\n\n`);
    }
    // No line at all without a QID: a dash reads as missing data.
    if (qid) md.appendMarkdown(`Wikidata: [${qid}](https://www.wikidata.org/wiki/${qid})\n\n`);
    const ws = inWorkspace === undefined ? vscode.l10n.t('still counting in the workspace') : vscode.l10n.t('{0} in the workspace', inWorkspace);
    md.appendMarkdown(`${vscode.l10n.t('Mentions: {0} in this article', inArticle)} · ${ws}\n\n`);
    md.appendMarkdown(parties);
    const arg: MentionArg = { uri: uri.toString(), start: m.start, end: m.end };
    const links = [
      m.status !== 'confirmed'
        ? `[${vscode.l10n.t('Confirm')}](${commandLink(CMD.confirmMention, arg)})`
        : `[${vscode.l10n.t('Remove')}](${commandLink(CMD.removeAnnotation, arg)})`,
      `[${vscode.l10n.t('Reject')}](${commandLink(CMD.rejectMention, arg)})`,
      `[${vscode.l10n.t('Show in Sidebar')}](${commandLink(CMD.showInSidebar, { entity: m.entity, type: m.type })})`,
    ];
    md.appendMarkdown(links.join(' · '));
    return md;
  }

  private async workspaceCount(entity: string): Promise<number | undefined> {
    const articles = this.index.articles();
    const timeout = new Promise<undefined>((r) => setTimeout(() => r(undefined), COUNT_WAIT_MS));
    const list = await Promise.race([articles, timeout]);
    return list?.reduce((n, a) => n + a.mentions.filter((m) => m.entity === entity).length, 0);
  }
}

function esc(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, (c) => `\\${c}`);
}
