/** Command ids, as declared in the manifest. */
export const CMD = {
  tagSelection: 'articleAnnotator.tagSelection',
  confirmMention: 'articleAnnotator.confirmMention',
  confirmAll: 'articleAnnotator.confirmAllSuggestions',
  rejectMention: 'articleAnnotator.rejectMention',
  removeAnnotation: 'articleAnnotator.removeAnnotation',
  renameEntity: 'articleAnnotator.renameEntity',
  mergeEntities: 'articleAnnotator.mergeEntities',
  addAlias: 'articleAnnotator.addAlias',
  nextEntity: 'articleAnnotator.nextEntity',
  previousEntity: 'articleAnnotator.previousEntity',
  openSidecar: 'articleAnnotator.openSidecar',
  adoptSidecar: 'articleAnnotator.adoptSidecar',
  exportAnnotations: 'articleAnnotator.exportAnnotations',
  editParties: 'articleAnnotator.editParties',
  confirmParty: 'articleAnnotator.confirmParty',
  rejectParty: 'articleAnnotator.rejectParty',
  rescan: 'articleAnnotator.rescan',
  showInSidebar: 'articleAnnotator.showInSidebar',
  showSidebar: 'articleAnnotator.showSidebar',
  revealMention: 'articleAnnotator.revealMention',
  scopeWorkspace: 'articleAnnotator.showWorkspace',
  scopeArticle: 'articleAnnotator.showArticle',
  toggleScope: 'articleAnnotator.toggleScope',
  filter: 'articleAnnotator.filter',
  clearFilter: 'articleAnnotator.clearFilter',
  showLog: 'articleAnnotator.showLog',
  openSample: 'articleAnnotator.openSample',
} as const;

export const VIEW_CONTAINER = 'articleAnnotator';
export const ENTITIES_VIEW = 'articleAnnotator.entities';

/** A mention named by its article and code point span: what hover links and tree items pass to commands. */
export interface MentionArg {
  uri: string;
  start: number;
  end: number;
}

/** A `command:` link running `id` with `args` (JSON, URI-encoded as the markdown renderer expects). */
export function commandLink(id: string, ...args: unknown[]): string {
  return `command:${id}?${encodeURIComponent(JSON.stringify(args))}`;
}
