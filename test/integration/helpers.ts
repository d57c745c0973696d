// Shared helpers of the extension's integration suites: the API, fixture articles written into
// the test workspace, code point offsets computed independently of the extension, and waiting.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import manifest from '../../package.json';
import type { AnnotatorApi } from '../../src/extension/api';

export const EXTENSION_ID = `${manifest.publisher}.${manifest.name}`;

export async function annotator(): Promise<AnnotatorApi> {
  const ext = vscode.extensions.getExtension<AnnotatorApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} not found`);
  return ext.activate();
}

export function workspaceDir(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder');
  return folder.uri.fsPath;
}

/**
 * A CRLF article with emoji before its mentions: any mix-up of code points and UTF-16 units,
 * or of line endings, moves every span after the first emoji.
 */
export const EMOJI_ARTICLE = [
  '🌍 Norland and Japan signed a joint statement in Velm.',
  '🎉 Mira Kessel of the Velm Fisheries Council met officials from France.',
  '🇯🇵 日本とフランスは共同声明を発表した。',
  '',
].join('\r\n');

/** Writes an article (and removes a stale sidecar) in the test workspace; returns its URI. */
export function writeArticle(name: string, text: string, bom = false): vscode.Uri {
  const file = path.join(workspaceDir(), name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, (bom ? '\ufeff' : '') + text, 'utf8');
  fs.rmSync(file + '.annotations.json', { force: true });
  return vscode.Uri.file(file);
}

export async function openArticle(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const api = await annotator();
  const editor = await vscode.window.showTextDocument(uri, { preview: false });
  await waitFor(() => api.article(uri) !== undefined, 'the extension to track the article');
  await api.whenIdle();
  return editor;
}

/** Code point span of the n-th occurrence of `word` in `text` (independent of the extension's conversion). */
export function cpSpan(text: string, word: string, n = 0): { start: number; end: number } {
  let u = -1;
  for (let i = 0; i <= n; i++) {
    u = text.indexOf(word, u + 1);
    assert.ok(u >= 0, `'${word}' #${n} not in the text`);
  }
  const start = Array.from(text.slice(0, u)).length;
  return { start, end: start + Array.from(word).length };
}

/** Editor range of the n-th occurrence of `word`, from the document's own UTF-16 offsets. */
export function rangeOf(doc: vscode.TextDocument, word: string, n = 0): vscode.Range {
  const text = doc.getText();
  let u = -1;
  for (let i = 0; i <= n; i++) {
    u = text.indexOf(word, u + 1);
    assert.ok(u >= 0, `'${word}' #${n} not in the document`);
  }
  return new vscode.Range(doc.positionAt(u), doc.positionAt(u + word.length));
}

export function sidecarOf(uri: vscode.Uri): string {
  return uri.fsPath + '.annotations.json';
}

export function readSidecar(uri: vscode.Uri): {
  article: string;
  entities: Array<{ id: string; name?: string; type: string }>;
  annotations: Array<{ id: string; entity: string; type: string; status: string; target: { selector: Array<Record<string, unknown>> } }>;
} {
  return JSON.parse(fs.readFileSync(sidecarOf(uri), 'utf8'));
}

/** Position selector of a sidecar annotation. */
export function positionOf(a: { target: { selector: Array<Record<string, unknown>> } }): { start: number; end: number } {
  const s = a.target.selector.find((x) => x.type === 'TextPositionSelector')!;
  return { start: s.start as number, end: s.end as number };
}

export async function waitFor(cond: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

type Input = vscode.QuickPick<vscode.QuickPickItem> | vscode.InputBox;

/**
 * Answers the next `count` quick picks / input boxes the extension opens, in order: each answer
 * types into the real widget and accepts it with the workbench's own command.
 */
export async function answerInputs(api: AnnotatorApi, answers: Array<(input: Input) => Promise<void>>): Promise<{ done: Promise<void> }> {
  const queue = [...answers];
  let resolveDone: () => void;
  let rejectDone: (e: unknown) => void;
  const done = new Promise<void>((res, rej) => ((resolveDone = res), (rejectDone = rej)));
  const sub = api.onDidShowInput((input) => {
    const answer = queue.shift();
    if (!answer) return;
    answer(input).then(
      () => {
        if (!queue.length) {
          sub.dispose();
          resolveDone();
        }
      },
      (e) => {
        sub.dispose();
        rejectDone(e);
      },
    );
  });
  return { done };
}

/** Types `value` into a quick pick, waits until the item whose label satisfies `want` is active, accepts it. */
export function choose(value: string, want: (label: string) => boolean) {
  return async (input: Input) => {
    const qp = input as vscode.QuickPick<vscode.QuickPickItem>;
    assert.ok('items' in qp, 'expected a quick pick');
    qp.value = value;
    await waitFor(() => qp.activeItems.length > 0 && want(qp.activeItems[0].label), `an active item for “${value}” (active: ${qp.activeItems.map((i) => i.label).join(', ')})`);
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  };
}

/** Types `value` into an input box and accepts it. */
export function typeInput(value: string) {
  return async (input: Input) => {
    assert.ok(!('items' in input), 'expected an input box');
    input.value = value;
    await new Promise((r) => setTimeout(r, 50));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  };
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** The text of every hover at a position, joined (markdown as the extension wrote it). */
export async function hoverText(uri: vscode.Uri, at: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at);
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}
