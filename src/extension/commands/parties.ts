/**
 * Parties of agreements: Edit Parties… (a multi-select pick of the article's countries and
 * organizations, the current parties selected) and Confirm / Reject Party for one suggested
 * party (hover links, the Parties node of the sidebar). The decisions are the store's
 * (core/annotations/parties.ts); this only asks and passes them on.
 */
import * as vscode from 'vscode';
import { decideParty, partiesChosen, shownParties, type ShownMention } from '../../core/annotations';
import type { ArticleState } from '../articleState';
import type { Node } from '../sidebar/nodes';
import { notify, pickMany } from '../ui';
import { attempt, mentionOf, writable, type Services } from './context';
import { CMD, type MentionArg } from './ids';

/** A party named with its agreement mention: what hover links and tree items pass. */
export interface PartyArg extends MentionArg {
  party: string;
}

export function registerParties(s: Services): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(CMD.editParties, (arg?: unknown) => editParties(s, arg)),
    vscode.commands.registerCommand(CMD.confirmParty, (arg?: unknown) => decide(s, arg, 'confirmed')),
    vscode.commands.registerCommand(CMD.rejectParty, (arg?: unknown) => decide(s, arg, 'rejected')),
  ];
}

/** The agreement mention an argument names: a mention, a Parties/party tree node (its first mention), or the cursor. */
async function agreementOf(s: Services, arg: unknown): Promise<{ state: ArticleState; mention: ShownMention } | undefined> {
  const node = arg as Node | undefined;
  const ref = node && typeof node === 'object' && 't' in node && (node.t === 'parties' || node.t === 'party') ? node.group.mentions[0] : undefined;
  const found = await mentionOf(s, ref ? { uri: ref.file, start: ref.mention.start, end: ref.mention.end } : arg);
  return found?.mention.kind === 'agreement' ? found : undefined;
}

/** Resolves to the parties now shown, or undefined when nothing changed. */
export async function editParties(s: Services, arg?: unknown): Promise<string[] | undefined> {
  const found = await agreementOf(s, arg);
  if (!found) return void notify('info', vscode.l10n.t('no agreement here to edit the parties of.'));
  const { state, mention } = found;
  if (!writable(state)) return undefined;
  const store = state.store!;
  const decisions = store.entity(mention.entity)?.parties ?? [];
  const current = mention.parties ?? [];
  const status = new Map(shownParties(current, decisions).map((p) => [p.entity, p.status]));
  const rejected = decisions.filter((d) => d.status === 'rejected').map((d) => d.entity);
  // Candidates: the article's countries and organizations, then parties not mentioned in it.
  const names = s.controller.directory();
  const ids: string[] = [];
  for (const m of state.view.mentions) if (m.kind === 'actor' && m.type !== 'person' && !ids.includes(m.entity)) ids.push(m.entity);
  for (const id of [...current, ...rejected]) if (!ids.includes(id)) ids.push(id);
  const items = ids.map((id) => ({
    label: names.get(id)?.name ?? state.view.mentions.find((m) => m.entity === id)?.text ?? id,
    description: status.get(id) === 'confirmed' ? vscode.l10n.t('confirmed') : status.has(id) ? vscode.l10n.t('suggested') : rejected.includes(id) ? vscode.l10n.t('rejected') : undefined,
    id,
  }));
  const agreementName = names.get(mention.entity)?.name ?? mention.text;
  const picked = await pickMany(items, {
    title: vscode.l10n.t('Edit Parties of {0}', agreementName),
    placeholder: vscode.l10n.t('The countries and organizations that concluded, signed or issued it'),
    matchOnDescription: true,
    selected: (item) => status.has(item.id),
  });
  if (!picked) return undefined;
  const chosen = picked.map((p) => p.id);
  // Every chosen party confirmed; every one shown or rejected before and not chosen, rejected.
  const next = partiesChosen([...current, ...rejected], chosen);
  if (!attempt(vscode.l10n.t('could not change the parties'), () => store.setPartyDecisions(mention, next))) return undefined;
  notify('info', vscode.l10n.t('{0}: {1} parties ({2}).', agreementName, chosen.length, picked.map((p) => p.label).join(', ') || '—'));
  return chosen;
}

async function decide(s: Services, arg: unknown, status: 'confirmed' | 'rejected'): Promise<void> {
  const node = arg as Node | undefined;
  const party = node && typeof node === 'object' && 't' in node && node.t === 'party' ? node.ref.entity : (arg as Partial<PartyArg> | undefined)?.party;
  const found = await agreementOf(s, arg);
  if (!found || typeof party !== 'string') return void notify('info', vscode.l10n.t('no party of an agreement here.'));
  if (!writable(found.state)) return;
  const store = found.state.store!;
  attempt(vscode.l10n.t('could not change the parties'), () => store.setPartyDecisions(found.mention, decideParty(store.entity(found.mention.entity)?.parties, party, status)));
}
