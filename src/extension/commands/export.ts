/**
 * Export Annotations…: what to export (confirmed only, or with the suggestions, with counts), the format,
 * the folder (remembered per workspace), then files written atomically under names that never replace an
 * input, and a notification of what was written and what was left out.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { writeFileAtomic } from '../../core/annotations';
import { EXPORT_FORMATS, planOutputs, toBrat, toCsv, toJsonl, toW3c, type ExportDocument, type ExportFormat, type ExportInclude } from '../../core/export';
import { canWrite } from '../config';
import { notify, pick } from '../ui';
import { articleOf, type Services } from './context';

function formatLabel(format: ExportFormat): string {
  switch (format) {
    case 'brat':
      return vscode.l10n.t('brat standoff (.ann + .txt)');
    case 'w3c':
      return vscode.l10n.t('W3C Web Annotation (JSON-LD)');
    case 'jsonl':
      return vscode.l10n.t('JSON Lines');
    case 'csv':
      return vscode.l10n.t('CSV (one row per mention, with parties)');
  }
}

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
  if (!state || !store) return void notify('info', vscode.l10n.t('open an article saved to a file to export its annotations.'));
  const name = path.basename(state.uri.fsPath);
  const confirmed = store.annotations().filter((a) => a.status === 'confirmed' && a.anchored).length;
  const suggestions = state.view.mentions.filter((m) => m.status === 'recognized');
  const orphans = store.orphans().filter((o) => o.status === 'confirmed').length;

  const include =
    arg.include ??
    (
      await pick(
        [
          {
            label: vscode.l10n.t('Confirmed only'),
            description: vscode.l10n.t('{0} mentions', confirmed),
            detail: vscode.l10n.t('leaves out {0} suggestions', suggestions.length),
            include: 'confirmed' as const,
          },
          {
            label: vscode.l10n.t('Confirmed and suggestions'),
            description: vscode.l10n.t('{0} mentions', confirmed + suggestions.length),
            detail: vscode.l10n.t('{0} confirmed + {1} suggestions', confirmed, suggestions.length),
            include: 'all' as const,
          },
        ],
        { title: vscode.l10n.t('Export Annotations of {0}: what to export', name) },
      )
    )?.include;
  if (!include) return undefined;
  const format =
    arg.format ?? (await pick(EXPORT_FORMATS.map((f) => ({ label: formatLabel(f), format: f })), { title: vscode.l10n.t('Export Annotations: format') }))?.format;
  if (!format) return undefined;
  if (!canWrite()) return void notify('warning', vscode.l10n.t('nothing is written in an untrusted workspace.'));

  const doc: ExportDocument = {
    source: name,
    text: state.currentText,
    annotations: store.annotations(),
    entity: (id) => store.entity(id),
    suggestions: include === 'all' ? suggestions : undefined,
    parties: (id) => state.view.mentions.find((m) => m.kind === 'agreement' && m.entity === id)?.parties ?? [],
  };
  let files: { target: string; content: string; renamed?: string }[];
  if (arg.target) {
    const protectedPaths = [state.uri.fsPath, `${state.uri.fsPath}.annotations.json`].map((p) => path.resolve(p));
    if (protectedPaths.includes(path.resolve(arg.target))) return void notify('error', vscode.l10n.t('{0} is the article or its sidecar; not overwritten.', arg.target));
    files = [{ target: arg.target, content: format === 'brat' ? toBrat(doc) : format === 'w3c' ? toW3c([doc]) : format === 'csv' ? toCsv([doc]) : toJsonl([doc]) }];
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
    vscode.l10n.t(
      'exported {0} mentions of {1} ({2} confirmed, {3} suggestions) to {4}; left out {5} ({6} suggestions, {7} orphaned).',
      exportedCount,
      name,
      confirmed,
      include === 'all' ? suggestions.length : 0,
      written,
      leftOut,
      include === 'all' ? 0 : suggestions.length,
      orphans,
    ) + (renamed ? ` ${vscode.l10n.t('Named so because {0}.', renamed.renamed!)}` : ''),
    {
      [vscode.l10n.t('Open')]: () => vscode.window.showTextDocument(first, { preview: false }),
      [vscode.l10n.t('Reveal in Explorer')]: () => vscode.commands.executeCommand('revealInExplorer', first),
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
    openLabel: vscode.l10n.t('Export Here'),
    title: vscode.l10n.t('Export Annotations: folder to write into'),
    defaultUri: vscode.Uri.file(last ?? path.dirname(article.fsPath)),
  });
  const folder = picked?.[0]?.fsPath;
  if (folder) await s.memento?.update(FOLDER_KEY, folder);
  return folder;
}
