/**
 * Every question the extension asks and every message it shows goes through
 * here, so tests can answer the real quick picks (they get each one as it
 * opens) and read the messages that were shown.
 */
import * as vscode from 'vscode';
import { log } from './log';

export interface PickOptions {
  title: string;
  placeholder?: string;
  matchOnDescription?: boolean;
  matchOnDetail?: boolean;
}

export interface ShownMessage {
  severity: 'error' | 'warning' | 'info';
  text: string;
}

const shown = new vscode.EventEmitter<vscode.QuickPick<vscode.QuickPickItem> | vscode.InputBox>();
const messages: ShownMessage[] = [];

/** Fires with each quick pick or input box as it opens. */
export const onDidShowInput = shown.event;

/** Messages shown so far (tests read them). */
export function shownMessages(): readonly ShownMessage[] {
  return messages;
}

export function pick<T extends vscode.QuickPickItem>(items: readonly T[], options: PickOptions): Promise<T | undefined> {
  const qp = vscode.window.createQuickPick<T>();
  qp.title = options.title;
  qp.placeholder = options.placeholder;
  qp.matchOnDescription = options.matchOnDescription ?? false;
  qp.matchOnDetail = options.matchOnDetail ?? false;
  qp.items = items;
  return shownUntilHidden(qp, () => qp.selectedItems[0] ?? qp.activeItems[0]);
}

/** Shows a quick pick (tests get it as it opens); resolves to what `accepted` reads on accept, undefined when dismissed. */
function shownUntilHidden<T extends vscode.QuickPickItem, R>(qp: vscode.QuickPick<T>, accepted: () => R): Promise<R | undefined> {
  return new Promise((resolve) => {
    let result: R | undefined;
    qp.onDidAccept(() => {
      result = accepted();
      qp.hide();
    });
    qp.onDidHide(() => {
      qp.dispose();
      resolve(result);
    });
    qp.show();
    shown.fire(qp as unknown as vscode.QuickPick<vscode.QuickPickItem>);
  });
}

/** A multi-select quick pick; resolves to the picked items on accept, undefined when dismissed. */
export function pickMany<T extends vscode.QuickPickItem>(items: readonly T[], options: PickOptions & { selected: (item: T) => boolean }): Promise<T[] | undefined> {
  const qp = vscode.window.createQuickPick<T>();
  qp.title = options.title;
  qp.placeholder = options.placeholder;
  qp.canSelectMany = true;
  qp.matchOnDescription = options.matchOnDescription ?? false;
  qp.items = items;
  qp.selectedItems = items.filter(options.selected);
  return shownUntilHidden(qp, () => [...qp.selectedItems]);
}

export function input(options: { title: string; prompt?: string; value?: string; validate?: (v: string) => string | undefined }): Promise<string | undefined> {
  const box = vscode.window.createInputBox();
  box.title = options.title;
  box.prompt = options.prompt;
  box.value = options.value ?? '';
  return new Promise((resolve) => {
    let result: string | undefined;
    box.onDidChangeValue((v) => (box.validationMessage = options.validate?.(v)));
    box.onDidAccept(() => {
      const problem = options.validate?.(box.value);
      if (problem) {
        box.validationMessage = problem;
        return;
      }
      result = box.value;
      box.hide();
    });
    box.onDidHide(() => {
      box.dispose();
      resolve(result);
    });
    box.show();
    shown.fire(box);
  });
}

/** Notifications start with the extension's name (a product name: never translated). */
export const PRODUCT = 'Article Annotator';

/** Shows a message (prefixed with the extension's name) without waiting for it; `actions` run when their button is chosen. */
export function notify(severity: ShownMessage['severity'], message: string, actions: Record<string, () => unknown> = {}): void {
  const text = `${PRODUCT}: ${message}`;
  messages.push({ severity, text });
  if (severity === 'error') log.error(message);
  else if (severity === 'warning') log.warn(message);
  const show =
    severity === 'error' ? vscode.window.showErrorMessage : severity === 'warning' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  void Promise.resolve(show(text, ...Object.keys(actions)))
    .then((choice) => (choice ? actions[choice]?.() : undefined))
    .then(undefined, (e: unknown) => log.error(`the action of “${message}” failed`, e));
}
