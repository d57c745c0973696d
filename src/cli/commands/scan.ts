import * as path from 'path';
import * as readline from 'readline';
import { KnowledgeBase } from '../../core/kb';
import { expandArticlePaths } from '../../core/text/article';
import { UsageError, type CliIO, type Command } from '../command';
import { scanOrdered } from '../pool';
import { knowledgeBaseForDir, type ScanJob } from '../scanFile';

export type { ScannedMention } from '../scanFile';

/** The knowledge base for an article: built-in, overlaid with the workspace file found above it. */
export function knowledgeBaseFor(article: string): KnowledgeBase {
  return knowledgeBaseForDir(path.dirname(path.resolve(article)));
}

export function parseFlags(args: string[], flags: string[]): { flags: Set<string>; rest: string[] } {
  const set = new Set<string>();
  const rest: string[] = [];
  for (const a of args) {
    if (flags.includes(a)) set.add(a);
    else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
    else rest.push(a);
  }
  return { flags: set, rest };
}

export const scan: Command = {
  name: 'scan',
  usage: '[--json | --jsonl] <file|dir>...  |  --stdin-jsonl',
  summary: 'recognize actors and agreements in articles (.txt, .md in directories); --stdin-jsonl: {"id","text"} lines in, {"id","mentions"} lines out',
  async run(args, io) {
    const { flags, rest } = parseFlags(args, ['--json', '--jsonl', '--stdin-jsonl']);
    if (flags.has('--json') && flags.has('--jsonl')) throw new UsageError('use --json or --jsonl, not both');
    if (flags.has('--stdin-jsonl')) {
      if (rest.length) throw new UsageError('--stdin-jsonl reads stdin; name no files');
      return scanStdin(io);
    }
    if (!rest.length) throw new UsageError('name at least one article or directory');
    let failed = 0;
    let count = 0;
    const json = flags.has('--json');
    if (json) io.out('{"files":[');
    // Results arrive in input order and are written at once: nothing is held for the whole corpus.
    // The walk is a generator, so the workers start while it runs.
    await scanOrdered(
      (function* (): Generator<ScanJob> {
        for (const file of expandArticlePaths(rest)) yield { file };
      })(),
      json || flags.has('--jsonl') ? 'json' : 'text',
      (r) => {
        if ('error' in r) {
          io.err(`article-annotator scan: ${r.error}`);
          failed++;
          return;
        }
        writeParts(io, json && count ? ',' : '', r.parts);
        count++;
        return io.drain?.();
      },
    );
    if (json) io.out(']}');
    return failed ? 1 : 0;
  },
};

/** One article's output as one line: written part by part where the output can (a long article's is hundreds of MB). */
function writeParts(io: CliIO, prefix: string, parts: Iterable<string>): void {
  if (!io.write) return io.out(prefix + [...parts].join(''));
  io.write(prefix);
  for (const p of parts) io.write(p);
  io.write('\n');
}

/** The mapper of a streaming engine: one {"id","text"} line in, one {"id","mentions"} line out, in order. */
async function scanStdin(io: CliIO, input: NodeJS.ReadableStream = process.stdin): Promise<number> {
  let failed = 0;
  const dir = process.cwd();
  async function* jobs(): AsyncGenerator<ScanJob> {
    let n = 0;
    for await (const line of readline.createInterface({ input, crlfDelay: Infinity })) {
      n++;
      if (!line.trim()) continue;
      let doc: unknown;
      try {
        doc = JSON.parse(line);
      } catch (e) {
        io.err(`article-annotator scan: stdin line ${n}: not JSON (${e instanceof Error ? e.message : e})`);
        failed++;
        continue;
      }
      const d = doc as { id?: unknown; text?: unknown };
      if (!d || typeof d !== 'object' || !('id' in d) || typeof d.text !== 'string') {
        io.err(`article-annotator scan: stdin line ${n}: expected {"id": …, "text": "…"}`);
        failed++;
        continue;
      }
      yield { id: d.id, text: d.text, dir };
    }
  }
  await scanOrdered(jobs(), 'json', (r) => {
    if ('error' in r) {
      io.err(`article-annotator scan: ${r.error}`);
      failed++;
      return;
    }
    writeParts(io, '', r.parts);
    return io.drain?.();
  });
  return failed ? 1 : 0;
}
