// Mocha entry point run inside VS Code's extension host (headless code-server or @vscode/test-electron).
// The host's console is not visible to the harness, so results go to the file named by
// ANNOTATOR_TEST_RESULTS (console otherwise); scripts/vscode/results.js parses the `#` lines.
import * as fs from 'fs';
import Mocha from 'mocha';
import { SourceMap } from 'module';
import * as path from 'path';

/**
 * Every suite of the bundle, required lazily: describe/it only exist as globals after
 * mocha's pre-require event, and esbuild defers a require()d module's body until the call.
 */
const SUITES: Record<string, () => unknown> = {
  smoke: () => require('./smoke.test'),
  decorations: () => require('./decorations.test'),
  hover: () => require('./hover.test'),
  tree: () => require('./tree.test'),
  tag: () => require('./tag.test'),
  sidecar: () => require('./sidecar.test'),
  commands: () => require('./commands.test'),
  large: () => require('./large.test'),
  concurrency: () => require('./concurrency.test'),
  feedback: () => require('./feedback.test'),
  export: () => require('./export.test'),
  names: () => require('./names.test'),
  reveal: () => require('./reveal.test'),
  walkthrough: () => require('./walkthrough.test'),
  log: () => require('./log.test'),
  corpusMap: () => require('./corpusMap.test'),
  parties: () => require('./parties.test'),
  learn: () => require('./learn.test'),
};

/** Suites of a workbench started in another UI language (run-tests.js starts one for each). */
const LOCALE_SUITES: Record<string, () => unknown> = {
  'locale-ja': () => require('./locale.test'),
  'locale-ko': () => require('./locale.test'),
};

/** ANNOTATOR_TEST_SUITES=a,b runs those suites only (the locale runs); by default every suite of SUITES. */
function chosenSuites(): Array<[string, () => unknown]> {
  const wanted = process.env.ANNOTATOR_TEST_SUITES?.split(',').filter(Boolean);
  if (!wanted?.length) return Object.entries(SUITES);
  const all = { ...SUITES, ...LOCALE_SUITES };
  const unknown = wanted.filter((w) => !(w in all));
  if (unknown.length) throw new Error(`unknown suite(s) in ANNOTATOR_TEST_SUITES: ${unknown.join(', ')}`);
  return wanted.map((w) => [w, all[w]]);
}

const resultsFile = process.env.ANNOTATOR_TEST_RESULTS;

function emit(line: string): void {
  if (resultsFile) fs.appendFileSync(resultsFile, line + '\n');
  else console.log(line);
}

/**
 * Points stack frames in this bundle at the .ts sources. The extension host drops NODE_OPTIONS,
 * so --enable-source-maps is not available there; the bundle's .map file is read instead.
 */
const toSource: (stack: string) => string = (() => {
  let map: SourceMap;
  try {
    map = new SourceMap(JSON.parse(fs.readFileSync(__filename + '.map', 'utf8')));
  } catch {
    return (stack) => stack;
  }
  const frame = /([^\s()]+\.js):(\d+):(\d+)/g;
  return (stack) =>
    stack.replace(frame, (whole, file: string, line: string, column: string) => {
      if (path.resolve(file) !== __filename) return whole;
      const entry = map.findEntry(Number(line) - 1, Number(column) - 1);
      if (!('originalSource' in entry)) return whole;
      const source = path.relative(process.cwd(), path.resolve(path.dirname(__filename), entry.originalSource));
      return `${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
    });
})();

function describeError(err: unknown): string {
  if (err instanceof Error) return toSource(err.stack ?? `${err.name}: ${err.message}`).split('\n').slice(0, 12).join('\n');
  return String(err);
}

const { EVENT_RUN_BEGIN, EVENT_RUN_END, EVENT_SUITE_BEGIN, EVENT_SUITE_END, EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING } =
  Mocha.Runner.constants;

/** Writes one line per test, the failures in full, then `# passed N failed M pending K`. */
class LineReporter extends Mocha.reporters.Base {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    let depth = 0;
    let passed = 0;
    let pending = 0;
    const failures: { title: string; err: unknown }[] = [];
    const indent = () => '  '.repeat(depth);
    runner.on(EVENT_RUN_BEGIN, () => emit(`mocha: ${runner.total} tests`));
    runner.on(EVENT_SUITE_BEGIN, (suite: Mocha.Suite) => {
      if (suite.root) return;
      emit(indent() + suite.title);
      depth++;
    });
    runner.on(EVENT_SUITE_END, (suite: Mocha.Suite) => {
      if (!suite.root) depth--;
    });
    runner.on(EVENT_TEST_PASS, (test: Mocha.Test) => {
      passed++;
      emit(`${indent()}✓ ${test.title} (${test.duration ?? 0} ms)`);
    });
    runner.on(EVENT_TEST_PENDING, (test: Mocha.Test) => {
      pending++;
      emit(`${indent()}- ${test.title} (pending)`);
    });
    runner.on(EVENT_TEST_FAIL, (test: Mocha.Test, err: unknown) => {
      failures.push({ title: test.fullTitle(), err });
      emit(`${indent()}✗ ${test.title}`);
    });
    runner.once(EVENT_RUN_END, () => {
      failures.forEach((f, i) => {
        emit(`\n${i + 1}) ${f.title}`);
        emit(describeError(f.err).replace(/^/gm, '   '));
      });
      emit(`# passed ${passed} failed ${failures.length} pending ${pending}`);
    });
  }
}

export async function run(): Promise<void> {
  if (resultsFile) fs.writeFileSync(resultsFile, '');
  emit('# started');
  let failures: number;
  try {
    const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: LineReporter });
    for (const [name, load] of chosenSuites()) {
      mocha.suite.emit(Mocha.Suite.constants.EVENT_FILE_PRE_REQUIRE, globalThis, name, mocha);
      load();
      mocha.suite.emit(Mocha.Suite.constants.EVENT_FILE_POST_REQUIRE, globalThis, name, mocha);
    }
    failures = await new Promise<number>((resolve) => mocha.run(resolve));
  } catch (err) {
    // The suite could not even run (a suite file threw while loading, say): say why.
    emit(`# error ${describeError(err).replace(/\n/g, '\n# ')}`);
    throw err;
  }
  if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
}
