/** Prints each agreement mention of the given articles with its parties (a tuning aid: npx tsx scripts/parties-dump.ts FILE...). */
import { KnowledgeBase } from '../src/core/kb';
import { recognize } from '../src/core/recognize';
import { readArticle } from '../src/core/text/article';

const kb = KnowledgeBase.builtin();
for (const file of process.argv.slice(2)) {
  const { text } = readArticle(file);
  console.log(`== ${file}`);
  for (const m of recognize(text, kb)) if (m.kind === 'agreement') console.log(`  ${m.start} ${m.text} [${m.entity}] → ${(m.parties ?? []).join(', ')}`);
}
