/** Entry point: wires the pieces together; each piece lives in its own module. */
import * as path from 'path';
import * as vscode from 'vscode';
import type { AnnotatorApi } from './api';
import { registerCommands } from './commands';
import { trackContextKeys } from './contextKeys';
import { Controller } from './controller';
import { CorpusMapPanel, registerCorpusMap } from './corpusMap';
import { Decorator } from './decorations/decorator';
import { MentionHover } from './hover';
import { Knowledge } from './knowledge';
import { createLog, loggedLines, showLog } from './log';
import { Problems } from './problems';
import { Recognizer } from './recognizer/client';
import { EntitiesView } from './sidebar/view';
import { SummaryPool } from './summaries/pool';
import { flashed, StatusBar } from './statusBar';
import { SidecarSync } from './sync';
import { CMD } from './commands/ids';
import { onDidShowInput, PRODUCT, shownMessages } from './ui';
import { WorkspaceIndex } from './workspaceIndex';

export function activate(context: vscode.ExtensionContext): AnnotatorApi {
  context.subscriptions.push(createLog(PRODUCT), vscode.commands.registerCommand(CMD.showLog, showLog));
  const recognizer = new Recognizer(path.join(context.extensionPath, 'dist', 'recognizer-worker.js'));
  const knowledge = new Knowledge(recognizer);
  const controller = new Controller(knowledge, recognizer);
  const summaries = new SummaryPool(path.join(context.extensionPath, 'dist', 'summary-worker.js'));
  const index = new WorkspaceIndex(controller, knowledge, summaries);
  const decorator = new Decorator(controller);
  const view = new EntitiesView(controller, index);
  const sync = new SidecarSync(controller);
  const statusBar = new StatusBar(controller);
  const problems = new Problems(controller);
  context.subscriptions.push(
    { dispose: () => recognizer.dispose() },
    { dispose: () => summaries.dispose() },
    knowledge,
    controller,
    index,
    decorator,
    view,
    sync,
    statusBar,
    problems,
    vscode.languages.registerHoverProvider([{ scheme: 'file' }, { scheme: 'untitled' }], new MentionHover(controller, index)),
    ...registerCommands({
      controller,
      knowledge,
      index,
      view,
      sync,
      memento: context.workspaceState,
      extension: { uri: context.extensionUri, storage: context.globalStorageUri },
    }),
    ...trackContextKeys(controller),
    ...registerCorpusMap(context.extensionUri, controller, index),
  );

  return {
    getDecorationSnapshot: (editor) => decorator.snapshot(editor),
    whenIdle: async () => {
      await controller.whenIdle();
      await sync.whenIdle();
    },
    article: (uri) => {
      const s = controller.get(uri);
      return (
        s && {
          ...s.view,
          annotations: s.store?.annotations() ?? [],
          sidecarPath: s.store?.sidecarPath ?? null,
          error: s.error,
        }
      );
    },
    tree: view.tree,
    treeView: view.view,
    statusBarText: () => statusBar.item.text,
    statusBarFlashes: flashed,
    onDidShowInput,
    shownMessages,
    logLines: loggedLines,
    corpusMap: {
      onDidRender: CorpusMapPanel.onDidRender,
      onDidList: CorpusMapPanel.onDidList,
      lastRendered: () => CorpusMapPanel.lastRendered,
      isOpen: () => CorpusMapPanel.open !== undefined,
      cspViolations: () => CorpusMapPanel.cspViolations,
      post: async (message) => {
        await CorpusMapPanel.open?.post(message);
      },
    },
  };
}

export function deactivate(): void {}
