import { KnowledgeBase, loadWorkspaceKb, surfaceForms } from '../../core/kb';
import type { Command } from '../command';
import { parseFlags } from './scan';

export const kb: Command = {
  name: 'kb',
  usage: '[--json]',
  summary: 'list the knowledge base (built-in plus the workspace file found from the current directory)',
  async run(args, io) {
    const { flags } = parseFlags(args, ['--json']);
    const ws = loadWorkspaceKb(process.cwd());
    const base = ws ? KnowledgeBase.builtin().withWorkspace(ws.kb, ws.path) : KnowledgeBase.builtin();
    const entities = base.all().map((e) => {
      const f = surfaceForms(e);
      return { id: e.id, kind: e.kind, type: e.type, qid: e.qid ?? null, names: [...f.free, ...f.contextual, ...f.abbreviations.ja, ...f.abbreviations.ko] };
    });
    if (flags.has('--json')) io.out(JSON.stringify({ entities }));
    else {
      for (const e of entities) io.out(`${e.id.padEnd(48)} ${e.type.padEnd(12)} ${(e.qid ?? '-').padEnd(10)} ${e.names.slice(0, 6).join(', ')}`);
      io.out(`${entities.length} entities${ws ? ` (workspace: ${ws.path})` : ''}`);
    }
    return 0;
  },
};
