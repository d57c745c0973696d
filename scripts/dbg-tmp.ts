import { KnowledgeBase } from '../src/core/kb';
import { recognize } from '../src/core/recognize';
const kb = KnowledgeBase.builtin();
for (const t of process.argv.slice(2)) console.log(recognize(t, kb).map((m) => `${m.text}/${m.type}/${m.entity}`).join('  '));
