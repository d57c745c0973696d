/**
 * npm run eval: runs `scan --json` (the built CLI) over articles and scores it
 * against gold files with the guidelines' scoring.
 *   default: ../shared/seeds against ../shared/gold (the user's seeds)
 *   --set fixtures: test/fixtures/articles against test/fixtures/gold (our own)
 *   --set new: test/fixtures/articles-new against test/fixtures/gold-new (held out: written before the recognizer saw them)
 *   --verbose: list every missed and spurious mention
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { addFile, languageOfFile, newBreakdown } from '../src/core/eval/breakdown';
import { add, consistency, f1, languageOf, precision, recall, scoreFile, type Counts, type ScoredMention } from '../src/core/eval/score';

const root = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const set = args.includes('--set') ? args[args.indexOf('--set') + 1] : 'seeds';
const sets: Record<string, { articles: string; gold: string }> = {
  seeds: { articles: path.resolve(root, '../shared/seeds'), gold: path.resolve(root, '../shared/gold') },
  fixtures: { articles: path.join(root, 'test/fixtures/articles'), gold: path.join(root, 'test/fixtures/gold') },
  new: { articles: path.join(root, 'test/fixtures/articles-new'), gold: path.join(root, 'test/fixtures/gold-new') },
};
const chosen = sets[set];
if (!chosen) {
  console.error(`eval: unknown set '${set}' (seeds | fixtures | new)`);
  process.exit(2);
}
if (!fs.existsSync(chosen.gold) || !fs.existsSync(chosen.articles)) {
  console.log(`eval: ${chosen.gold} or ${chosen.articles} does not exist here; nothing to score (the seeds live in ../shared next to the checkout).`);
  process.exit(0);
}

const goldFiles = fs.readdirSync(chosen.gold).filter((f) => f.endsWith('.json')).sort();
const articleOf = (g: { file: string }) => path.join(chosen.articles, g.file);
const golds = goldFiles.map((f) => JSON.parse(fs.readFileSync(path.join(chosen.gold, f), 'utf8')) as { file: string; mentions: ScoredMention[] });
const out = execFileSync(process.execPath, [path.join(root, 'dist/cli.js'), 'scan', '--json', ...golds.map(articleOf)], { encoding: 'utf8', maxBuffer: 1 << 28 });
const scanned = JSON.parse(out) as { files: Array<{ path: string; mentions: ScoredMention[] }> };
const byPath = new Map(scanned.files.map((f) => [path.resolve(f.path), f.mentions]));

const zero: Counts = { tp: 0, fp: 0, fn: 0 };
let actors = zero;
let overlap = zero;
let exact = zero;
const linked = { right: 0, total: 0 };
/** Parties per language (only gold files that have them). */
const parties = new Map<string, Counts>();
const pairs: Array<[string, string]> = [];
const breakdown = newBreakdown();
const pct = (x: number) => x.toFixed(3);
for (const g of golds) {
  const predicted = byPath.get(path.resolve(articleOf(g))) ?? [];
  const s = scoreFile(g.mentions, predicted);
  actors = add(actors, s.actors);
  overlap = add(overlap, s.agreementsOverlap);
  exact = add(exact, s.agreementsExact);
  linked.right += s.linked.right;
  linked.total += s.linked.total;
  pairs.push(...s.pairs);
  addFile(breakdown, languageOfFile(g.file, () => languageOf(fs.readFileSync(articleOf(g), 'utf8'))), g.mentions, s);
  if (s.parties) {
    const lang = languageOf(fs.readFileSync(articleOf(g), 'utf8'));
    parties.set(lang, add(parties.get(lang) ?? zero, s.parties));
  }
  console.log(`${g.file.padEnd(36)} actors F1 ${pct(f1(s.actors))} (tp ${s.actors.tp} fp ${s.actors.fp} fn ${s.actors.fn})  agreements overlap F1 ${pct(f1(s.agreementsOverlap))}`);
  if (verbose) {
    for (const m of s.missed) console.log(`   missed   ${m.start}-${m.end} ${m.kind}/${m.type} ${m.text ?? ''} [${m.entity}]`);
    for (const m of s.spurious) console.log(`   spurious ${m.start}-${m.end} ${m.kind}/${m.type} ${m.text ?? ''} [${m.entity}]`);
    for (const d of s.partyErrors ?? []) console.log(`   parties  ${d}`);
  }
}
console.log(`actor strict F1        ${pct(f1(actors))}  (tp ${actors.tp}, fp ${actors.fp}, fn ${actors.fn})`);
console.log(`agreement overlap F1   ${pct(f1(overlap))}  (exact-span F1 ${pct(f1(exact))})`);
console.log(`linking accuracy       ${pct(linked.total ? linked.right / linked.total : 1)}  (${linked.right}/${linked.total} mentions with a gold QID)`);
console.log(`entity consistency     ${pct(consistency(pairs))}`);
for (const [lang, l] of [...breakdown.languages].sort(([a], [b]) => a.localeCompare(b))) {
  console.log(`  ${lang} (${l.files} files)         actor strict F1 ${pct(f1(l.actors))} (tp ${l.actors.tp} fp ${l.actors.fp} fn ${l.actors.fn})  agreement overlap F1 ${pct(f1(l.agreements))} (tp ${l.agreements.tp} fp ${l.agreements.fp} fn ${l.agreements.fn})`);
}
for (const [type, c] of [...breakdown.types].sort(([a], [b]) => a.localeCompare(b))) {
  console.log(`  ${type.padEnd(22)} F1 ${pct(f1(c))}  (tp ${c.tp}, fp ${c.fp}, fn ${c.fn})`);
}
if (parties.size) {
  const all = [...parties.values()].reduce(add, zero);
  for (const [lang, c] of [...[...parties].sort(([a], [b]) => a.localeCompare(b)), ['all', all] as const]) {
    console.log(`parties ${lang.padEnd(3)}            P ${pct(precision(c))} R ${pct(recall(c))} F1 ${pct(f1(c))}  (tp ${c.tp}, fp ${c.fp}, fn ${c.fn})`);
  }
}
if (verbose) {
  const idsOf = new Map<string, Set<string>>();
  const goldsOf = new Map<string, Set<string>>();
  for (const [g, p] of pairs) {
    (idsOf.get(g) ?? idsOf.set(g, new Set()).get(g)!).add(p);
    (goldsOf.get(p) ?? goldsOf.set(p, new Set()).get(p)!).add(g);
  }
  for (const [g, ids] of idsOf) {
    const shared = [...ids].filter((p) => goldsOf.get(p)!.size > 1);
    if (ids.size > 1 || shared.length) console.log(`   inconsistent ${g}: ids ${[...ids].join(', ')}${shared.length ? ` (shared with ${shared.map((p) => [...goldsOf.get(p)!].filter((x) => x !== g).join('/')).join('; ')})` : ''}`);
  }
}
