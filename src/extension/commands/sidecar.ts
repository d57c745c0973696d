/** Open Sidecar, Rescan and Export Annotations: the article's files. */
import * as fs from 'fs';
import * as vscode from 'vscode';
import { sidecarPathFor } from '../../core/annotations';
import { EXPORT_FORMATS, toBrat, toJsonl, toW3c, type ExportDocument, type ExportFormat } from '../../core/export';
import { writeFileAtomic } from '../../core/annotations';
import { canWrite } from '../config';
import { notify, pick } from '../ui';
import { articleOf, type Services } from './context';
import { CMD } from './ids';

const FORMAT_INFO: Record<ExportFormat, { label: string; language: string }> = {
  brat: { label: 'brat standoff (.ann)', language: 'plaintext' },
  w3c: { label: 'W3C Web Annotation (JSON-LD)', language: 'json' },
  jsonl: { label: 'JSON Lines', language: 'plaintext' },
};

export function registerSidecarCommands(s: Services): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(CMD.openSidecar, async (arg?: { uri?: string }) => {
      const state = await articleOf(s, arg?.uri);
      const article = state?.uri ?? (arg?.uri ? vscode.Uri.parse(arg.uri) : undefined);
      if (!article || article.scheme !== 'file') return notify('info', 'Article Annotator: no article to open the sidecar of.');
      const sidecar = article.fsPath.endsWith('.annotations.json') ? article.fsPath : sidecarPathFor(article.fsPath);
      if (!fs.existsSync(sidecar)) return notify('info', `Article Annotator: ${vscode.workspace.asRelativePath(article)} has no annotations saved yet.`);
      await vscode.window.showTextDocument(vscode.Uri.file(sidecar), { preview: false });
    }),
    vscode.commands.registerCommand(CMD.rescan, async () => {
      s.knowledge.reload();
      s.index.invalidateAll();
      for (const state of s.controller.all()) await state.reloadSidecar();
    }),
    vscode.commands.registerCommand(CMD.exportAnnotations, (arg?: { uri?: string; format?: ExportFormat; target?: string }) => exportArticle(s, arg ?? {})),
  ];
}

async function exportArticle(s: Services, arg: { uri?: string; format?: ExportFormat; target?: string }): Promise<string | undefined> {
  const state = await articleOf(s, arg.uri);
  const store = state?.store;
  if (!state || !store) return void notify('info', 'Article Annotator: open an article saved to a file to export its annotations.');
  const format =
    arg.format ??
    (await pick(
      EXPORT_FORMATS.map((f) => ({ label: FORMAT_INFO[f].label, format: f })),
      { title: 'Export Annotations: format' },
    ))?.format;
  if (!format) return undefined;
  const doc: ExportDocument = {
    source: state.uri.path.split('/').pop()!,
    text: state.currentText,
    annotations: store.annotations(),
    entity: (id) => store.entity(id),
  };
  const content = format === 'brat' ? toBrat(doc) : format === 'w3c' ? toW3c([doc]) : toJsonl([doc]);
  if (arg.target) {
    if (!canWrite()) return void notify('warning', 'Article Annotator: nothing is written in an untrusted workspace.');
    await writeFileAtomic(arg.target, content);
    return arg.target;
  }
  const shown = await vscode.workspace.openTextDocument({ content, language: FORMAT_INFO[format].language });
  await vscode.window.showTextDocument(shown, { preview: false });
  return content;
}
