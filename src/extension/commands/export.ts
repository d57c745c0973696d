/**
 * Export Annotations…: what to export (confirmed only, or with the suggestions, with counts), the format,
 * the folder (remembered per workspace), then files written atomically under names that never replace an
 * input, and a notification of what was written and what was left out.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { writeFileAtomic } from '../../core/annotations';
import { EXPORT_FORMATS, planOutputs, toBrat, toJsonl, toW3c, type ExportDocument, type ExportFormat, type ExportInclude } from '../../core/export';
import { canWrite } from '../config';
import { notify, pick } from '../ui';
import { articleOf, type Services } from './context';

const FORMAT_LABEL: Record<ExportFormat, string> = {
  brat: 'brat standoff (.ann + .txt)',
  w3c: 'W3C Web Annotation (JSON-LD)',
  jsonl: 'JSON Lines',
};

/** workspaceState key of the last folder exported to. */
const FOLDER_KEY = 'articleAnnotator.exportFolder';

export interface ExportArg {
  uri?: string;
  format?: ExportFormat;
  include?: ExportInclude;
  /** Folder to write into (skips the folder dialog). */
  folder?: string;
  /** One file to write the whole export to (brat: the .ann only); kept for scripts and tests. */
  target?: string;
}

/** Resolves to the files written, or undefined when cancelled or nothing could be written. */
export async function exportArticle(s: Services, arg: ExportArg): Promise<string[] | undefined> {
  const state = await articleOf(s, arg.uri);
  const store = state?.store;
  if (!state || !store) return void notify('info', 'Article Annotator: open an article saved to a file to export its annotations.');
  const name = path.basename(state.uri.fsPath);
  const confirmed = store.annotations().filter((a) => a.status === 'confirmed' && a.anchored).length;
  const suggestions = state.view.mentions.filter((m) => m.status === 'recognized');
  const orphans = store.orphans().filter((o) => o.status === 'confirmed').length;

  const include =
    arg.include ??
    (
      await pick(
        [
          { label: 'Confirmed only', description: `${confirmed} mentions`, detail: `leaves out ${suggestions.length} suggestions`, include: 'confirmed' as const },
          { label: 'Confirmed and suggestions', description: `${confirmed + suggestions.length} mentions`, detail: `${confirmed} confirmed + ${suggestions.length} suggestions`, include: 'all' as const },
        ],
        { title: `Export Annotations of ${name}: what to export` },
      )
    )?.include;
  if (!include) return undefined;
  const format = arg.format ?? (await pick(EXPORT_FORMATS.map((f) => ({ label: FORMAT_LABEL[f], format: f })), { title: 'Export Annotations: format' }))?.format;
  if (!format) return undefined;
  if (!canWrite()) return void notify('warning', 'Article Annotator: nothing is written in an untrusted workspace.');

  const doc: ExportDocument = {
    source: name,
    text: state.currentText,
    annotations: store.annotations(),
    entity: (id) => store.entity(id),
    suggestions: include === 'all' ? suggestions : undefined,
  };
  let files: { target: string; content: string; renamed?: string }[];
  if (arg.target) {
    const protectedPaths = [state.uri.fsPath, `${state.uri.fsPath}.annotations.json`].map((p) => path.resolve(p));
    if (protectedPaths.includes(path.resolve(arg.target))) return void notify('error', `Article Annotator: ${arg.target} is the article or its sidecar; not overwritten.`);
    files = [{ target: arg.target, content: format === 'brat' ? toBrat(doc) : format === 'w3c' ? toW3c([doc]) : toJsonl([doc]) }];
  } else {
    const folder = arg.folder ?? (await chooseFolder(s, state.uri));
    if (!folder) return undefined;
    files = planOutputs(format, [doc], [state.uri.fsPath], folder).files;
  }
  for (const f of files) {
    await vscode.workspace.fs.createDirectory(vscode.Uri.file(path.dirname(f.target)));
    await writeFileAtomic(f.target, f.content);
  }
  const exportedCount = confirmed + (include === 'all' ? suggestions.length : 0);
  const leftOut = (include === 'all' ? 0 : suggestions.length) + orphans;
  const renamed = files.find((f) => f.renamed);
  const written = files.map((f) => vscode.workspace.asRelativePath(f.target)).join(', ');
  const first = vscode.Uri.file(files[0].target);
  notify(
    'info',
    `Article Annotator: exported ${exportedCount} mentions of ${name} (${confirmed} confirmed, ${include === 'all' ? suggestions.length : 0} suggestions) to ${written}; ` +
      `left out ${leftOut} (${include === 'all' ? 0 : suggestions.length} suggestions, ${orphans} orphaned).` +
      (renamed ? ` Named so because ${renamed.renamed}.` : ''),
    {
      Open: () => vscode.window.showTextDocument(first, { preview: false }),
      'Reveal in Explorer': () => vscode.commands.executeCommand('revealInExplorer', first),
    },
  );
  return files.map((f) => f.target);
}

/** The folder dialog, opened at the last export folder of this workspace, else the article's folder. */
async function chooseFolder(s: Services, article: vscode.Uri): Promise<string | undefined> {
  const last = s.memento?.get<string>(FOLDER_KEY);
  const picked = await vscode.window.showOpenDialog({
    canSelectFolders: true,
    canSelectFiles: false,
    canSelectMany: false,
    openLabel: 'Export Here',
    title: 'Export Annotations: folder to write into',
    defaultUri: vscode.Uri.file(last ?? path.dirname(article.fsPath)),
  });
  const folder = picked?.[0]?.fsPath;
  if (folder) await s.memento?.update(FOLDER_KEY, folder);
  return folder;
}
