/**
 * Every article in the workspace, summarized for the Workspace scope and the
 * workspace-wide counts: open articles from their live state, the others
 * from disk (recognized and merged with their sidecar, cached until the
 * file, its sidecar or the knowledge base changes). Built only when asked.
 */
import * as vscode from 'vscode';
import { isSidecarPath, articlePathFor, type SidecarEntity } from '../core/annotations';
import { DEFAULT_MAX_ARTICLE_SIZE } from '../core/text/article';
import { articleDate } from '../core/text/dates';
import { articleLanguage } from '../core/text/language';
import type { ArticleMentions } from '../core/workspace/group';
import type { Span } from '../core/workspace/navigate';
import { readPreviews } from '../core/workspace/summary';
import { settings } from './config';
import type { Controller } from './controller';
import type { Knowledge } from './knowledge';
import { fileName, log } from './log';
import type { SummaryPool } from './summaries/pool';

export interface ArticleSummary extends ArticleMentions {
  uri: vscode.Uri;
  entities: readonly SidecarEntity[];
  /** Why the article or its sidecar could not be read. */
  problem?: string;
  /** The article's date (ISO) and language, for the Corpus Map. */
  date?: string | null;
  language?: string;
  /** Summaries from disk: sha256 of the text their offsets and lines refer to. */
  textHash?: string;
}

/** A mention a list shows, and its preview once made. */
export interface PreviewedMention {
  file: string;
  mention: Span;
  preview?: string;
}

/** Articles read at a time for previews: a group of 10,000 articles must not open 10,000 files at once. */
const PREVIEW_READS = 8;

export class WorkspaceIndex implements vscode.Disposable {
  private readonly cache = new Map<string, Promise<ArticleSummary>>();
  private files: Thenable<vscode.Uri[]> | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private watcher: vscode.FileSystemWatcher | undefined;

  constructor(
    private readonly controller: Controller,
    knowledge: Knowledge,
    private readonly summaries: SummaryPool,
  ) {
    summaries.setKnowledge(knowledge.workspace, knowledge.file ?? null);
    this.watch();
    const sidecars = vscode.workspace.createFileSystemWatcher('**/*.annotations.json');
    const sidecarChanged = (uri: vscode.Uri) => isSidecarPath(uri.fsPath) && this.invalidate(vscode.Uri.file(articlePathFor(uri.fsPath)));
    this.disposables.push(
      sidecars,
      sidecars.onDidChange(sidecarChanged),
      sidecars.onDidCreate(sidecarChanged),
      sidecars.onDidDelete(sidecarChanged),
      knowledge.onDidChange(() => {
        summaries.setKnowledge(knowledge.workspace, knowledge.file ?? null);
        this.reset();
      }),
      controller.onDidChange(() => this.changed.fire()),
      controller.onWillClose((s) => this.cache.delete(s.uri.toString())),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('articleAnnotator.include') && (this.watch(), this.reset())),
    );
  }

  /** Summaries of every article: those open first-hand, the rest from disk. */
  async articles(): Promise<ArticleSummary[]> {
    const uris = await (this.files ??= vscode.workspace.findFiles(settings().include, '**/node_modules/**'));
    const open = new Map(this.controller.all().map((s) => [s.uri.toString(), s]));
    const closed = uris.filter((u) => !open.has(u.toString()) && !isSidecarPath(u.fsPath));
    const fromDisk = await Promise.all(closed.map((u) => this.summaryFromDisk(u)));
    const live: ArticleSummary[] = [...open.values()].map((s) => ({
      uri: s.uri,
      file: s.uri.toString(),
      mentions: s.view.mentions,
      orphans: s.view.orphans,
      previews: s.previews,
      entities: s.store?.entities() ?? [],
      problem: s.error?.message,
      date: articleDate(s.currentText),
      language: articleLanguage(s.currentText),
    }));
    return [...live, ...fromDisk].sort((a, b) => a.file.localeCompare(b.file));
  }

  /**
   * Makes the preview of each of `refs` that has none, from its article on disk, reading each
   * article once: summaries from disk carry line numbers only. `summaryOf` gives the summary a
   * ref's mention comes from. An article whose text is no longer that summary's gets no previews
   * (its offsets would show other words) and is summarized again.
   */
  async fillPreviews(refs: readonly PreviewedMention[], summaryOf: (file: string) => ArticleSummary | undefined): Promise<void> {
    const byFile = new Map<string, PreviewedMention[]>();
    for (const r of refs) {
      if (r.preview !== undefined) continue;
      const list = byFile.get(r.file);
      if (list) list.push(r);
      else byFile.set(r.file, [r]);
    }
    const queue = [...byFile];
    const one = async ([file, wanted]: [string, PreviewedMention[]]) => {
      const summary = summaryOf(file);
      if (!summary?.textHash) return;
      let previews;
      try {
        previews = await readPreviews(summary.uri.fsPath, summary.textHash, wanted.map((r) => r.mention), maxFileSize());
      } catch (e) {
        log.error(`Making previews of ${fileName(summary.uri)}`, e);
        return;
      }
      if (!previews) {
        log.info(`${fileName(summary.uri)} changed or cannot be read since it was indexed: no previews, indexing it again`);
        this.invalidate(summary.uri);
        return;
      }
      wanted.forEach((r, i) => (r.preview = previews[i].preview));
    };
    await Promise.all(
      Array.from({ length: Math.min(PREVIEW_READS, queue.length) }, async () => {
        for (let job = queue.pop(); job; job = queue.pop()) await one(job);
      }),
    );
  }

  /** Forget what is known of one article (it or its sidecar changed). */
  invalidate(uri: vscode.Uri): void {
    this.cache.delete(uri.toString());
    this.changed.fire();
  }

  dispose(): void {
    this.watcher?.dispose();
    for (const d of this.disposables) d.dispose();
  }

  /** Forget everything (knowledge or settings changed, or the user asked for a rescan). */
  invalidateAll(): void {
    this.reset();
  }

  private reset(): void {
    this.cache.clear();
    this.files = undefined;
    this.changed.fire();
  }

  private watch(): void {
    this.watcher?.dispose();
    const w = vscode.workspace.createFileSystemWatcher(settings().include);
    w.onDidChange((u) => this.invalidate(u));
    w.onDidCreate(() => this.reset());
    w.onDidDelete(() => this.reset());
    this.watcher = w;
  }

  private summaryFromDisk(uri: vscode.Uri): Promise<ArticleSummary> {
    const key = uri.toString();
    let p = this.cache.get(key);
    if (!p) {
      p = this.read(uri);
      this.cache.set(key, p);
    }
    return p;
  }

  private async read(uri: vscode.Uri): Promise<ArticleSummary> {
    // In the summary workers (all cores): the extension host only receives the finished summary.
    const summary = await this.summaries.summarize(uri.fsPath, uri.toString(), maxFileSize());
    return { ...summary, uri };
  }
}

/** articleAnnotator.maxFileSize: the reader's size limit for files the index reads from disk. */
function maxFileSize(): number {
  const n = vscode.workspace.getConfiguration('articleAnnotator').get<number>('maxFileSize');
  return typeof n === 'number' && n > 0 ? n : DEFAULT_MAX_ARTICLE_SIZE;
}
