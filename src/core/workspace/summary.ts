/**
 * One article on disk summarized for the workspace index: read, recognized,
 * merged with its sidecar. Pure Node (no vscode), so the index can be
 * benchmarked and tested outside the editor.
 */
import * as path from 'path';
import { mergeRecognized, readSidecarFile, sidecarPathFor, SidecarError, type SidecarEntity } from '../annotations';
import { sha256Hex } from '../annotations/ids';
import type { Mention } from '../model';
import { ArticleError, readArticle, readArticleAsync } from '../text/article';
import { articleDate } from '../text/dates';
import { articleLanguage } from '../text/language';
import { linePreviews, mentionLines, type ArticleMentions, type LinePreview } from './group';

export interface DiskSummary extends ArticleMentions {
  entities: readonly SidecarEntity[];
  /** Why the article or its sidecar could not be read. */
  problem?: string;
  /** The article's date (front matter or first in the text, ISO) and language, for the Corpus Map. */
  date?: string | null;
  language?: string;
  /** sha256 of the text the summary was made from: previews made later are made only from this text. */
  textHash?: string;
}

export async function summarizeArticle(
  fsPath: string,
  file: string,
  recognize: (text: string) => Promise<Mention[]> | Mention[],
  maxSize: number,
): Promise<DiskSummary> {
  const empty: DiskSummary = { file, mentions: [], orphans: [], entities: [] };
  let text: string;
  try {
    text = readArticle(fsPath, { maxSize }).text;
  } catch (e) {
    if (e instanceof ArticleError) return { ...empty, problem: e.message };
    throw e;
  }
  let sidecar = null;
  let problem: string | undefined;
  try {
    sidecar = await readSidecarFile(sidecarPathFor(fsPath));
  } catch (e) {
    if (!(e instanceof SidecarError)) throw e;
    problem = e.message;
  }
  let recognized: Mention[] = [];
  try {
    recognized = await recognize(text);
  } catch (e) {
    problem = `recognition failed: ${e instanceof Error ? e.message : String(e)}`;
  }
  let merged;
  try {
    merged = mergeRecognized(text, recognized, sidecar, { article: path.basename(fsPath), file: sidecarPathFor(fsPath) });
  } catch (e) {
    if (!(e instanceof SidecarError)) throw e;
    problem = e.message;
    sidecar = null;
    merged = mergeRecognized(text, recognized, null);
  }
  return {
    ...empty,
    ...merged,
    // Line numbers only: the excerpts were most of a large workspace's index; readPreviews makes them when shown.
    lines: mentionLines(text, merged.mentions),
    entities: sidecar?.entities ?? [],
    problem,
    date: articleDate(text),
    language: articleLanguage(text),
    textHash: sha256Hex(text),
  };
}

/**
 * The previews of `spans` (mentions of a summary) read from the article again, or null when its
 * text is no longer the one `textHash` was made of, or it cannot be read: the spans would point
 * at other words.
 */
export async function readPreviews(
  fsPath: string,
  textHash: string,
  spans: readonly { start: number; end: number }[],
  maxSize: number,
): Promise<LinePreview[] | null> {
  let text: string;
  try {
    text = (await readArticleAsync(fsPath, { maxSize })).text;
  } catch (e) {
    if (e instanceof ArticleError) return null;
    throw e;
  }
  return sha256Hex(text) === textHash ? linePreviews(text, spans) : null;
}
