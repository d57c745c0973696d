import * as path from 'path';
import { KnowledgeBase, loadWorkspaceKb, KbError } from '../../core/kb';
import { recognize } from '../../core/recognize';
import { ArticleError, expandArticlePaths, readArticle } from '../../core/text/article';
import type { Mention } from '../../core/model';
import { mergeRecognized, readSidecarFile, sidecarPathFor, SidecarError } from '../../core/annotations';
import { UsageError, type Command } from '../command';

export interface ScannedMention extends Mention {
  status: 'recognized' | 'confirmed';
}

interface ScannedFile {
  path: string;
  mentions: ScannedMention[];
  orphans: Array<{ id: string; text: string; entity: string }>;
}

/** The knowledge base for an article: built-in, overlaid with the workspace file found above it. */
export function knowledgeBaseFor(article: string): KnowledgeBase {
  const ws = loadWorkspaceKb(path.dirname(path.resolve(article)));
  return ws ? KnowledgeBase.builtin().withWorkspace(ws.kb, ws.path) : KnowledgeBase.builtin();
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
  usage: '[--json] <file|dir>...',
  summary: 'recognize actors and agreements in articles (.txt, .md in directories)',
  async run(args, io) {
    const { flags, rest } = parseFlags(args, ['--json']);
    if (!rest.length) throw new UsageError('name at least one article or directory');
    const files: ScannedFile[] = [];
    let failed = 0;
    for (const file of expandArticlePaths(rest)) {
      try {
        const { text } = readArticle(file);
        // The sidecar's decisions win: confirmed annotations shown as such, rejected recognitions left out.
        const sidecar = await readSidecarFile(sidecarPathFor(file));
        const { mentions, orphans } = mergeRecognized(text, recognize(text, knowledgeBaseFor(file)), sidecar);
        files.push({ path: file, mentions, orphans });
      } catch (e) {
        if (!(e instanceof ArticleError || e instanceof KbError || e instanceof SidecarError)) throw e;
        io.err(`article-annotator scan: ${e.message}`);
        failed++;
      }
    }
    if (flags.has('--json')) {
      io.out(JSON.stringify({ files: files.map((f) => ({ path: f.path, mentions: f.mentions.map(pick), orphans: f.orphans })) }));
    } else {
      for (const f of files) {
        io.out(`${f.path}: ${f.mentions.length} mentions${f.orphans.length ? `, ${f.orphans.length} orphaned annotations` : ''}`);
        for (const m of f.mentions) {
          const status = m.status === 'confirmed' ? ' ✓' : '';
          io.out(`  ${String(m.start).padStart(6)}-${String(m.end).padEnd(6)} ${m.kind.padEnd(9)} ${m.type.padEnd(12)} ${m.text}  → ${m.entity}${m.qid ? ` (${m.qid})` : ''}${status}`);
        }
        for (const o of f.orphans) io.out(`  orphan ${o.id}: "${o.text}" → ${o.entity}`);
      }
    }
    return failed ? 1 : 0;
  },
};

function pick(m: ScannedMention) {
  return { start: m.start, end: m.end, text: m.text, kind: m.kind, type: m.type, entity: m.entity, qid: m.qid, status: m.status };
}
