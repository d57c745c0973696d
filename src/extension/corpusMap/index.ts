/** Show Corpus Map: opens (or brings forward) the map of the workspace's actors and agreements. */
import * as vscode from 'vscode';
import type { Controller } from '../controller';
import type { WorkspaceIndex } from '../workspaceIndex';
import { CorpusMapPanel } from './panel';

export const SHOW_CORPUS_MAP = 'articleAnnotator.showCorpusMap';

export function registerCorpusMap(extensionUri: vscode.Uri, controller: Controller, index: WorkspaceIndex): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(SHOW_CORPUS_MAP, () => {
      CorpusMapPanel.show(extensionUri, controller, index);
    }),
    { dispose: () => CorpusMapPanel.open?.dispose() },
  ];
}

export { CorpusMapPanel };
