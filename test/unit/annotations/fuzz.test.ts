import { strict as assert } from 'assert';
import fc from 'fast-check';
import { Fuzzer, caseArb, failures } from '../../fuzz/reanchor';

// Bounded here (npm test); `npm run fuzz -- --runs 10000` is the long run.
const RUNS = Number(process.env.ANNOTATOR_FUZZ_RUNS) || 60;

describe('annotations: random edits on real articles (property)', function () {
  this.timeout(60_000);
  const fuzzer = new Fuzzer();
  after(() => fuzzer.dispose());
  before(function () {
    if (!fuzzer.seeds) console.log('    (../shared/seeds not found: fuzzing the fixtures only)');
  });

  for (const route of ['editor', 'disk'] as const) {
    it(`${route} path: untouched annotations stay on their words exactly, touched ones re-anchor or orphan, none lost`, async () => {
      await fc.assert(
        fc.asyncProperty(caseArb(fuzzer.list.length), async (c) => {
          const o = await fuzzer.run(c, route);
          assert.equal(failures(o), 0, JSON.stringify(o));
        }),
        { numRuns: RUNS, seed: Number(process.env.ANNOTATOR_FUZZ_SEED) || undefined },
      );
      assert.ok(fuzzer.total.untouched > 0, 'the check saw untouched annotations');
    });
  }
});
