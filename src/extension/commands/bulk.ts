/**
 * Changes that reach every annotated article of the workspace: open ones
 * through their live store, the others loaded from disk, changed and saved.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import { ArticleAnnotations, articlePathFor, findSidecars } from '../../core/annotations';
import { ArticleError, readArticle } from '../../core/text/article';
import { canWrite } from '../config';
import { fileName, log } from '../log';
import type { Services } from './context';

export interface BulkResult {
  changed: number;
  /** Articles whose sidecar could not be used (broken, unreadable article). */
  skipped: string[];
}

/** Runs `change` on the store of every article with a sidecar, and of every open article. */
export async function forEachStore(s: Services, change: (store: ArticleAnnotations) => boolean): Promise<BulkResult> {
  const result: BulkResult = { changed: 0, skipped: [] };
  if (!canWrite()) return result;
  const open = new Set<string>();
  for (const state of s.controller.all()) {
    if (!state.store) continue;
    open.add(path.normalize(state.store.articlePath));
    if (state.store.error) {
      result.skipped.push(state.store.articlePath);
      continue;
    }
    if (state.batch(() => change(state.store!))) result.changed++;
  }
  const kb = { get: (id: string) => s.knowledge.kb.get(id), displayName: (id: string) => s.knowledge.kb.displayName(id) };
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    if (folder.uri.scheme !== 'file') continue;
    for (const sidecar of await findSidecars(folder.uri.fsPath)) {
      const article = path.normalize(articlePathFor(sidecar));
      if (open.has(article)) continue;
      open.add(article);
      let text: string;
      try {
        text = readArticle(article).text;
      } catch (e) {
        if (!(e instanceof ArticleError)) throw e;
        log.warn(`skipped ${fileName(article)}: ${e.message}`);
        result.skipped.push(article);
        continue;
      }
      const store = await ArticleAnnotations.load(article, text, { kb });
      if (store.error) {
        log.warn(`skipped ${fileName(article)}: its sidecar is unusable: ${store.error.message}`);
        result.skipped.push(article);
        continue;
      }
      if (change(store)) {
        const saved = await store.save();
        log.info(`wrote ${fileName(store.sidecarPath)} (bulk change${saved.merged ? ', merged changes found on disk' : ''})`);
        result.changed++;
      }
    }
  }
  return result;
}
