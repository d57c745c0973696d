import { existsSync, mkdirSync, statSync } from 'fs';
import * as path from 'path';
import { articlePathFor, findSidecars, isSidecarPath, mergeRecognized, writeFileAtomic } from '../../core/annotations';
import {
  EXPORT_FORMATS,
  EXPORT_INCLUDES,
  planOutputs,
  toBrat,
  toCsv,
  toJsonl,
  toW3c,
  type ExportDocument,
  type ExportFormat,
  type ExportInclude,
} from '../../core/export';
import { recognize } from '../../core/recognize';
import { UsageError, type Command } from '../command';
import { knowledgeBaseOrReport, openAnnotated, parseOptions } from './confirm';

/** Articles named by the inputs, each with the name the export gives it (relative to a folder input). */
async function articlesOf(inputs: string[]): Promise<{ article: string; source: string }[]> {
  const out: { article: string; source: string }[] = [];
  for (const input of inputs) {
    if (existsSync(input) && statSync(input).isDirectory()) {
      for (const sidecar of await findSidecars(input)) {
        const article = articlePathFor(sidecar);
        out.push({ article, source: path.relative(input, article).split(path.sep).join('/') });
      }
    } else {
      const article = isSidecarPath(input) ? articlePathFor(input) : input;
      out.push({ article, source: path.basename(article) });
    }
  }
  return out;
}

export const exportCommand: Command = {
  name: 'export',
  usage: '--format brat|w3c|jsonl|csv [--include confirmed|all] [--out DIR] [--max-size N] <article|dir>...',
  summary: 'export confirmed annotations (--include all: and the undecided suggestions) to stdout, or to files in DIR; counts on stderr',
  async run(args, io) {
    const { values, positionals } = parseOptions(args, { format: { type: 'string' }, out: { type: 'string' }, include: { type: 'string' } });
    const format = values.format as ExportFormat;
    if (!EXPORT_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
    const include = (values.include ?? 'confirmed') as ExportInclude;
    if (!EXPORT_INCLUDES.includes(include)) throw new UsageError(`--include must be one of ${EXPORT_INCLUDES.join(', ')}`);
    if (!positionals.length) throw new UsageError('name at least one article or folder');
    const articles = await articlesOf(positionals);
    if (format === 'brat' && !values.out && articles.length !== 1) {
      throw new UsageError('brat is one .ann file per article: use --out DIR to export several');
    }
    // Load everything first: a broken file stops the export before anything is written.
    const docs: ExportDocument[] = [];
    let failed = false;
    const count = { confirmed: 0, suggested: 0, leftOutSuggestions: 0, orphans: 0 };
    for (const { article, source } of articles) {
      const opened = await openAnnotated('export', article, io);
      if (!opened) {
        failed = true;
        continue;
      }
      const { text, store } = opened;
      const kb = knowledgeBaseOrReport('export', article, io);
      if (!kb) {
        failed = true;
        continue;
      }
      const shown = mergeRecognized(text, recognize(text, kb), store).mentions;
      const suggestions = shown.filter((m) => m.status === 'recognized');
      const parties = new Map(shown.filter((m) => m.kind === 'agreement').map((m) => [m.entity, m.parties ?? []]));
      const orphans = store.orphans().filter((o) => o.status === 'confirmed');
      if (orphans.length) io.err(`article-annotator export: ${article}: ${orphans.length} orphaned annotation(s) not exported (see validate)`);
      count.orphans += orphans.length;
      count.confirmed += store.annotations().filter((a) => a.status === 'confirmed' && a.anchored).length;
      if (include === 'all') count.suggested += suggestions.length;
      else count.leftOutSuggestions += suggestions.length;
      docs.push({
        source,
        text,
        annotations: store.annotations(),
        entity: (id) => store.entity(id),
        suggestions: include === 'all' ? suggestions : undefined,
        parties: (id) => parties.get(id) ?? [],
      });
    }
    if (failed) return 1;
    const leftOut = count.leftOutSuggestions + count.orphans;
    io.err(
      `article-annotator export: exported ${count.confirmed + count.suggested} mention(s) (${count.confirmed} confirmed, ${count.suggested} suggestions); ` +
        `left out ${leftOut} (${count.leftOutSuggestions} suggestions${include === 'confirmed' ? ': --include all exports them' : ''}, ${count.orphans} orphaned)`,
    );

    if (!values.out) {
      const content = format === 'brat' ? toBrat(docs[0]) : format === 'w3c' ? toW3c(docs) : format === 'csv' ? toCsv(docs) : toJsonl(docs);
      if (content) io.out(content.replace(/\n$/, ''));
      return 0;
    }
    const { files } = planOutputs(format, docs, articles.map((a) => a.article), values.out);
    for (const f of files) {
      if (f.renamed) io.err(`article-annotator export: writing ${f.target} instead: ${f.renamed}`);
      mkdirSync(path.dirname(f.target), { recursive: true });
      await writeFileAtomic(f.target, f.content);
      io.out(f.target);
    }
    return 0;
  },
};
