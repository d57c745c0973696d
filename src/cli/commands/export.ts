import { existsSync, mkdirSync, statSync, writeFileSync } from 'fs';
import * as path from 'path';
import { ArticleAnnotations, articlePathFor, findSidecars, isSidecarPath } from '../../core/annotations';
import { EXPORT_FORMATS, toBrat, toJsonl, toW3c, type ExportDocument, type ExportFormat } from '../../core/export';
import { UsageError, type Command } from '../command';
import { openAnnotated, parseOptions } from './confirm';

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

/** Files to write for --out: brat needs one .ann and its .txt per article; the others are one file. */
function outputs(format: ExportFormat, docs: ExportDocument[]): { name: string; content: string }[] {
  switch (format) {
    case 'brat':
      return docs.flatMap((d) => {
        const stem = d.source.replace(/\.[^./]*$/, '');
        return [
          { name: `${stem}.ann`, content: toBrat(d) },
          { name: `${stem}.txt`, content: d.text },
        ];
      });
    case 'w3c':
      return [{ name: 'annotations.jsonld', content: toW3c(docs) }];
    case 'jsonl':
      return [{ name: 'annotations.jsonl', content: toJsonl(docs) }];
  }
}

export const exportCommand: Command = {
  name: 'export',
  usage: '--format brat|w3c|jsonl [--out DIR] <article|dir>...',
  summary: 'export confirmed annotations (code point offsets) to stdout, or to files in DIR',
  async run(args, io) {
    const { values, positionals } = parseOptions(args, { format: { type: 'string' }, out: { type: 'string' } });
    const format = values.format as ExportFormat;
    if (!EXPORT_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
    if (!positionals.length) throw new UsageError('name at least one article or folder');
    const articles = await articlesOf(positionals);
    if (format === 'brat' && !values.out && articles.length !== 1) {
      throw new UsageError('brat is one .ann file per article: use --out DIR to export several');
    }
    // Load everything first: a broken file stops the export before anything is written.
    const docs: ExportDocument[] = [];
    let failed = false;
    for (const { article, source } of articles) {
      const opened = await openAnnotated('export', article, io);
      if (!opened) {
        failed = true;
        continue;
      }
      const { text, store } = opened;
      const orphans = store.orphans().filter((o) => o.status === 'confirmed');
      if (orphans.length) io.err(`article-annotator export: ${article}: ${orphans.length} orphaned annotation(s) not exported (see validate)`);
      docs.push({ source, text, annotations: store.annotations(), entity: (id) => store.entity(id) });
    }
    if (failed) return 1;

    if (!values.out) {
      const content = format === 'brat' ? toBrat(docs[0]) : format === 'w3c' ? toW3c(docs) : toJsonl(docs);
      if (content) io.out(content.replace(/\n$/, ''));
      return 0;
    }
    const inputs = new Set(articles.map((a) => path.resolve(a.article)));
    const files = outputs(format, docs).map((f) => ({ ...f, target: path.resolve(values.out!, f.name) }));
    const clash = files.find((f) => inputs.has(f.target));
    if (clash) {
      io.err(`article-annotator export: writing ${clash.target} would overwrite an article; choose another --out folder`);
      return 1;
    }
    for (const f of files) {
      mkdirSync(path.dirname(f.target), { recursive: true });
      writeFileSync(f.target, f.content);
      io.out(f.target);
    }
    return 0;
  },
};
