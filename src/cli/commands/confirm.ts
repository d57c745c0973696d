import * as path from 'path';
import { parseArgs, type ParseArgsConfig } from 'util';
import { ArticleAnnotations, SidecarError, mergeRecognized, type StoreOptions } from '../../core/annotations';
import { KbError, type KnowledgeBase } from '../../core/kb';
import type { Mention } from '../../core/model';
import { recognize } from '../../core/recognize';
import { ArticleError, readArticle } from '../../core/text/article';
import { UsageError, type CliIO, type Command } from '../command';
import { knowledgeBaseFor } from './scan';

/** Flags and positionals of an annotation command; wrong flags are a UsageError. Shared by confirm, tag, validate, export. */
export function parseOptions<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
}

/**
 * An article and its annotations, or null after telling the user why not
 * (unreadable article, broken knowledge base, broken sidecar — which stays
 * byte for byte as it was).
 */
export async function openAnnotated(
  command: string,
  article: string,
  io: CliIO,
  options: StoreOptions = {},
): Promise<{ text: string; store: ArticleAnnotations } | null> {
  try {
    const { text } = readArticle(article);
    const store = await ArticleAnnotations.load(article, text, options);
    if (store.error) {
      reportSidecarError(command, store.error, io);
      return null;
    }
    return { text, store };
  } catch (e) {
    if (!(e instanceof ArticleError || e instanceof KbError || e instanceof SidecarError)) throw e;
    io.err(`article-annotator ${command}: ${e.message}`);
    return null;
  }
}

/** The knowledge base for an article, or null after reporting a broken workspace knowledge base file. */
export function knowledgeBaseOrReport(command: string, article: string, io: CliIO): KnowledgeBase | null {
  try {
    return knowledgeBaseFor(article);
  } catch (e) {
    if (!(e instanceof KbError)) throw e;
    io.err(`article-annotator ${command}: ${e.message}`);
    return null;
  }
}

export function reportSidecarError(command: string, e: SidecarError, io: CliIO): void {
  io.err(`article-annotator ${command}: ${e.message}`);
  io.err(`  ${path.basename(e.file)} was left as it is; annotations of this article are read-only until it is fixed.`);
}

/** Save, reporting a sidecar that broke meanwhile; true when saved. */
export async function saveOrReport(command: string, store: ArticleAnnotations, io: CliIO): Promise<boolean> {
  try {
    await store.save();
    return true;
  } catch (e) {
    if (e instanceof SidecarError) reportSidecarError(command, e, io);
    else if (e instanceof Error) io.err(`article-annotator ${command}: ${e.message}`);
    else throw e;
    return false;
  }
}

const describe = (m: Mention) => `${String(m.start).padStart(6)}-${String(m.end).padEnd(6)} ${m.type.padEnd(12)} ${m.text}  → ${m.entity}`;

export const confirm: Command = {
  name: 'confirm',
  usage: '<article> [--all | --entity ID]',
  summary: "accept recognized mentions into the article's annotations file (no flag: list the undecided ones)",
  async run(args, io) {
    const { values, positionals } = parseOptions(args, { all: { type: 'boolean' }, entity: { type: 'string' } });
    if (positionals.length !== 1) throw new UsageError('name one article');
    if (values.all && values.entity !== undefined) throw new UsageError('use --all or --entity, not both');
    const article = positionals[0];
    const kb = knowledgeBaseOrReport('confirm', article, io);
    if (!kb) return 1;
    const opened = await openAnnotated('confirm', article, io, { kb });
    if (!opened) return 1;
    const { text, store } = opened;
    const undecided = mergeRecognized(text, recognize(text, kb), store).mentions.filter((m) => m.status === 'recognized');
    if (!values.all && values.entity === undefined) {
      for (const m of undecided) io.out(describe(m));
      io.out(`${undecided.length} recognized mentions not yet confirmed; confirm them with --all or --entity ID`);
      return 0;
    }
    const chosen = undecided.filter((m) => values.all || m.entity === values.entity);
    // One pass for all of them: a confirm() per mention re-indexes the store each time (quadratic).
    store.confirmAll(chosen);
    if (chosen.length && !(await saveOrReport('confirm', store, io))) return 1;
    io.out(`confirmed ${chosen.length} mention${chosen.length === 1 ? '' : 's'} in ${article}${chosen.length ? ` → ${store.sidecarPath}` : ''}`);
    return 0;
  },
};
