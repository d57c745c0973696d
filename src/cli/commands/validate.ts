import { existsSync, statSync } from 'fs';
import * as path from 'path';
import { SidecarError, articlePathFor, findSidecars, isSidecarPath, parseSidecar, sidecarPathFor } from '../../core/annotations';
import { readSidecarBytes } from '../../core/annotations/files';
import { recordFromDoc } from '../../core/annotations/records';
import { anchorFromDoc } from '../../core/annotations/realign';
import { TextView } from '../../core/annotations/text-view';
import { ArticleError, readArticle } from '../../core/text/article';
import { UsageError, type Command } from '../command';
import { parseOptions } from './confirm';

interface Problem {
  file: string;
  path: string;
  message: string;
}

/** Sidecars named by the inputs: sidecar files as given, articles' sidecars, every sidecar under a folder. */
async function sidecarsOf(inputs: string[], problems: Problem[]): Promise<string[]> {
  const out: string[] = [];
  for (const input of inputs) {
    if (existsSync(input) && statSync(input).isDirectory()) out.push(...(await findSidecars(input)));
    else if (isSidecarPath(input)) out.push(input);
    else if (existsSync(sidecarPathFor(input))) out.push(sidecarPathFor(input));
    else if (existsSync(input)) continue; // an article without annotations: nothing to check
    else problems.push({ file: input, path: '', message: 'no such file' });
  }
  return [...new Set(out)];
}

/** Every problem of one sidecar: unreadable, not JSON, schema, newer version; then its article and orphans. */
async function check(file: string): Promise<{ problems: Problem[]; annotations: number }> {
  let doc;
  try {
    const bytes = await readSidecarBytes(file);
    if (!bytes) return { problems: [{ file, path: '', message: 'no such file' }], annotations: 0 };
    doc = parseSidecar(bytes, file);
  } catch (e) {
    if (!(e instanceof SidecarError)) throw e;
    const problems = e.problems.length ? e.problems : [{ path: '', message: e.message }];
    return { problems: problems.map((p) => ({ file, path: p.path, message: p.path ? p.message : `${e.summary}: ${p.message}` })), annotations: 0 };
  }
  const article = articlePathFor(file);
  let text: string;
  try {
    text = readArticle(article).text;
  } catch (e) {
    if (!(e instanceof ArticleError)) throw e;
    return { problems: [{ file, path: '', message: `its article ${e.message}` }], annotations: doc.annotations.length };
  }
  const records = doc.annotations.map(recordFromDoc);
  let report;
  try {
    report = anchorFromDoc(doc, records, { view: new TextView(text), article: path.basename(article), file });
  } catch (e) {
    if (!(e instanceof SidecarError)) throw e;
    return { problems: e.problems.map((p) => ({ file, path: p.path, message: `${e.summary}: ${p.message}` })), annotations: doc.annotations.length };
  }
  const orphaned = new Set(report.orphaned);
  const problems: Problem[] = [];
  doc.annotations.forEach((a, i) => {
    if (orphaned.has(a.id)) {
      problems.push({ file, path: `annotations[${i}]`, message: `'${records[i].quote.exact}' (${a.id}) is not found in ${path.basename(article)}: orphaned; re-attach or remove it` });
    }
  });
  return { problems, annotations: doc.annotations.length };
}

export const validate: Command = {
  name: 'validate',
  usage: '<sidecar|article|dir>...',
  summary: 'check annotations files against the schema and their articles; list every problem (exit 1 if any)',
  async run(args, io) {
    const { positionals } = parseOptions(args, {});
    if (!positionals.length) throw new UsageError('name at least one annotations file, article or folder');
    const problems: Problem[] = [];
    const files = await sidecarsOf(positionals, problems);
    let annotations = 0;
    for (const file of files) {
      const r = await check(file);
      problems.push(...r.problems);
      annotations += r.annotations;
    }
    for (const p of problems) io.out(`${p.file}: ${p.path ? `${p.path}: ` : ''}${p.message}`);
    const summary = `${files.length} annotations file${files.length === 1 ? '' : 's'}, ${annotations} annotations`;
    if (problems.length) {
      io.err(`${summary}: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
      return 1;
    }
    io.out(`${summary}: valid`);
    return 0;
  },
};
