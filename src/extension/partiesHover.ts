/** The hover's lines about parties: an agreement's parties (with Confirm / Reject for suggested ones), an actor's agreements. */
import * as vscode from 'vscode';
import { shownParties, type ShownMention } from '../core/annotations';
import type { ArticleState } from './articleState';
import { CMD, commandLink, type MentionArg } from './commands/ids';
import type { PartyArg } from './commands/parties';

/** Commands the lines link to (the hover trusts them). */
export const PARTY_COMMANDS = [CMD.editParties, CMD.confirmParty, CMD.rejectParty];

export function partiesMarkdown(state: ArticleState, m: ShownMention, nameOf: (id: string) => string, esc: (s: string) => string): string {
  const uri = state.uri.toString();
  // An agreement found by its head noun has no name but its text.
  const named = nameOf;
  nameOf = (id) => {
    const n = named(id);
    return n !== id ? n : state.view.mentions.find((x) => x.entity === id)?.text ?? id;
  };
  if (m.kind === 'agreement') {
    const arg: MentionArg = { uri, start: m.start, end: m.end };
    const parties = shownParties(m.parties ?? [], state.store?.entity(m.entity)?.parties);
    const listed = parties.map((p) => {
      const name = esc(nameOf(p.entity));
      if (p.status === 'confirmed') return `${name} ✓`;
      const party: PartyArg = { ...arg, party: p.entity };
      return `${name} _(${vscode.l10n.t('suggested')})_ [${vscode.l10n.t('Confirm')}](${commandLink(CMD.confirmParty, party)}) [${vscode.l10n.t('Reject')}](${commandLink(CMD.rejectParty, party)})`;
    });
    const edit = `[${vscode.l10n.t('Edit Parties…')}](${commandLink(CMD.editParties, arg)})`;
    return `${vscode.l10n.t('Parties: {0}', listed.length ? listed.join(' · ') : vscode.l10n.t('none known'))} · ${edit}\n\n`;
  }
  if (m.type === 'person') return '';
  const agreements: string[] = [];
  for (const x of state.view.mentions) {
    if (x.kind === 'agreement' && x.parties?.includes(m.entity) && !agreements.includes(x.entity)) agreements.push(x.entity);
  }
  return agreements.length ? `${vscode.l10n.t('Party to: {0}', agreements.map((a) => esc(nameOf(a))).join(', '))}\n\n` : '';
}
