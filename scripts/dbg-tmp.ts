import { KnowledgeBase } from '../src/core/kb';
import { recognize } from '../src/core/recognize';
const kb = KnowledgeBase.builtin();
for (const t of ['中谷防衛大臣、大韓民国国防部長官', '小泉防衛大臣がミュンヘン', '自衛隊音楽まつりへの韓国軍楽隊の参加', '日米韓協力を継続']) console.log(recognize(t, kb).map((m) => `${m.text}/${m.type}/${m.entity}`).join('  '));
