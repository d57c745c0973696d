import * as path from 'path';
import * as readline from 'readline';
import { KnowledgeBase } from '../../core/kb';
import { expandArticlePaths } from '../../core/text/article';
import { UsageError, type CliIO, type Command } from '../command';
import { scanOrdered } from '../pool';
import { knowledgeBaseForDir, type ScanJob, type ScanResult, type ScannedMention } from '../scanFile';

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
    const jsonl = flags.has('--jsonl');
    if (json) io.out('{"files":[');
    // Results arrive in input order and are written at once: nothing is held for the whole corpus.
    await scanOrdered(
      expandArticlePaths(rest).map((file): ScanJob => ({ file })),
      (r) => {
        if ('error' in r) {
          io.err(`article-annotator scan: ${r.error}`);
          failed++;
          return;
        }
        const f = r as Extract<ScanResult, { path: string }>;
        if (json || jsonl) {
          const line = JSON.stringify({ path: f.path, mentions: f.mentions.map(pick), orphans: f.orphans });
          io.out(json && count ? `,${line}` : line);
        } else printText(f, io);
        count++;
      },
    );
    if (json) io.out(']}');
    return failed ? 1 : 0;
  },
};

function printText(f: Extract<ScanResult, { path: string }>, io: CliIO): void {
  io.out(`${f.path}: ${f.mentions.length} mentions${f.orphans.length ? `, ${f.orphans.length} orphaned annotations` : ''}`);
  for (const m of f.mentions) {
    const status = m.status === 'confirmed' ? ' ✓' : '';
    io.out(`  ${String(m.start).padStart(6)}-${String(m.end).padEnd(6)} ${m.kind.padEnd(9)} ${m.type.padEnd(12)} ${m.text}  → ${m.entity}${m.qid ? ` (${m.qid})` : ''}${status}`);
  }
  for (const o of f.orphans) io.out(`  orphan ${o.id}: "${o.text}" → ${o.entity}`);
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
  await scanOrdered(jobs(), (r) => {
    if ('error' in r) {
      io.err(`article-annotator scan: ${r.error}`);
      failed++;
    } else {
      const d = r as Extract<ScanResult, { id: unknown }>;
      io.out(JSON.stringify({ id: d.id, mentions: d.mentions.map(pick) }));
    }
  });
  return failed ? 1 : 0;
}

function pick(m: ScannedMention) {
  return { start: m.start, end: m.end, text: m.text, kind: m.kind, type: m.type, entity: m.entity, qid: m.qid, status: m.status };
}
