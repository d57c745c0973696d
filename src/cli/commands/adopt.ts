import * as path from 'path';
import { UsageError, type Command } from '../command';
import { knowledgeBaseOrReport, openAnnotated, parseOptions, saveOrReport } from './confirm';

/**
 * Take over a sidecar that does not fit its article (copied from another
 * article, or the article was renamed and edited outside the editor): its
 * annotations are anchored by quote and context alone, what is not found
 * stays as an orphan, and the file is rewritten for this article.
 */
export const adopt: Command = {
  name: 'adopt',
  usage: '<article>',
  summary: "take over an annotations file written for another article or text (annotations found by quote; the rest kept as orphans)",
  async run(args, io) {
    const { positionals } = parseOptions(args, {});
    if (positionals.length !== 1) throw new UsageError('name one article');
    const article = positionals[0];
    const kb = knowledgeBaseOrReport('adopt', article, io);
    if (!kb) return 1;
    const opened = await openAnnotated('adopt', article, io, { kb, adopt: true });
    if (!opened) return 1;
    const { store } = opened;
    const orphans = store.orphans().length;
    const anchored = store.annotations().length;
    if (!(await saveOrReport('adopt', store, io))) return 1;
    io.out(`${path.basename(store.sidecarPath)} now belongs to ${path.basename(article)}: ${anchored} annotations found, ${orphans} orphaned`);
    return 0;
  },
};
