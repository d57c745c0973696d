/**
 * The words the UI uses for the core's vocabulary (types, kinds, statuses),
 * in the UI language. The core's ids stay English; only what is shown changes.
 * "agreement" is both a type and a kind: the kind's message carries a comment
 * so the two get their own translations.
 */
import * as vscode from 'vscode';
import type { EntityType, Kind } from '../core/model';

export function typeLabel(type: EntityType): string {
  switch (type) {
    case 'country':
      return vscode.l10n.t('country');
    case 'person':
      return vscode.l10n.t('person');
    case 'organization':
      return vscode.l10n.t('organization');
    case 'treaty':
      return vscode.l10n.t('treaty');
    case 'agreement':
      return vscode.l10n.t('agreement');
    case 'statement':
      return vscode.l10n.t('statement');
    case 'plan':
      return vscode.l10n.t('plan');
    case 'roadmap':
      return vscode.l10n.t('roadmap');
    case 'memorandum':
      return vscode.l10n.t('memorandum');
    case 'protocol':
      return vscode.l10n.t('protocol');
    case 'charter':
      return vscode.l10n.t('charter');
    case 'other':
      return vscode.l10n.t('other');
  }
}

export function kindLabel(kind: Kind): string {
  return kind === 'actor' ? vscode.l10n.t({ message: 'actor', comment: 'kind' }) : vscode.l10n.t({ message: 'agreement', comment: 'kind' });
}

/** A shown mention's status: confirmed, or a suggestion not decided yet. */
export function statusLabel(status: string): string {
  return status === 'confirmed' ? vscode.l10n.t('confirmed') : vscode.l10n.t('suggested');
}
