/**
 * `npm run fuzz -- --runs 10000 [--seed N]`: the re-anchoring property test
 * (test/fuzz/reanchor.ts) at length, on both paths; prints the figures of the
 * README's reliability table and the first failing cases, shrunk.
 */
import fc from 'fast-check';
import { Fuzzer, caseArb, failures } from '../test/fuzz/reanchor';

async function main(): Promise<number> {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? Number(process.argv[i + 1]) : undefined;
  };
  const runs = arg('runs') ?? 1000;
  const seed = arg('seed') ?? Date.now() % 2 ** 31;
  let bad = 0;
  for (const route of ['editor', 'disk'] as const) {
    const fuzzer = new Fuzzer();
    const t0 = Date.now();
    const result = await fc.check(
      fc.asyncProperty(caseArb(fuzzer.list.length), async (c) => failures(await fuzzer.run(c, route)) === 0),
      { numRuns: runs, seed, endOnFailure: false },
    );
    const t = fuzzer.total;
    console.log(
      `${route.padEnd(6)} ${fuzzer.sequences} sequences on ${fuzzer.list.length} articles${fuzzer.seeds ? ' (fixtures + seeds)' : ' (fixtures; ../shared/seeds not found)'}, ${((Date.now() - t0) / 1000).toFixed(1)} s, seed ${seed}`,
    );
    console.log(
      `       annotations checked ${t.checked}: untouched ${t.untouched} (misplaced ${t.misplaced}, orphaned ${t.orphaned}), touched ${t.touched} (re-anchored on their words ${t.reanchored}, orphaned ${t.touchedOrphans}); text changed ${t.changed}, lost ${t.lost}`,
    );
    if (result.failed) {
      bad++;
      console.log(`       FAILED after shrinking: ${JSON.stringify(result.counterexample)}`);
    }
    fuzzer.dispose();
  }
  return bad ? 1 : 0;
}

void main().then((code) => process.exit(code));
