// Reads the results file written by test/integration/index.ts and prints the one-line summary.
const fs = require('fs');

/**
 * @param {string} text the results file's content
 * @returns {{lines: string[], errors: string[], started: boolean, summary: {passed: number, failed: number, pending: number} | null}}
 */
function parseResults(text) {
  const out = { lines: [], errors: [], started: false, summary: null };
  for (const line of text.split('\n')) {
    const total = /^# passed (\d+) failed (\d+) pending (\d+)$/.exec(line);
    if (total) out.summary = { passed: +total[1], failed: +total[2], pending: +total[3] };
    else if (line === '# started') out.started = true;
    else if (line.startsWith('# ')) out.errors.push(line.slice(2));
    else out.lines.push(line);
  }
  while (out.lines.length && out.lines[out.lines.length - 1] === '') out.lines.pop();
  return out;
}

function readResults(file) {
  return parseResults(fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '');
}

/**
 * Prints mocha's lines, any problem, and last of all `integration: N passed, M failed`.
 * @param {ReturnType<typeof parseResults>} results
 * @param {string | null} problem why the run itself failed, if it did
 * @param {string} [note] printed after mocha's lines
 * @returns {number} the process exit code
 */
function report(results, problem, note) {
  for (const line of results.lines) console.log(line);
  if (note) console.log(note);
  for (const line of results.errors) console.error(line);
  const passed = results.summary?.passed ?? results.lines.filter((l) => l.trimStart().startsWith('✓ ')).length;
  const failed = results.summary?.failed ?? results.lines.filter((l) => l.trimStart().startsWith('✗ ')).length;
  const why = [];
  if (problem) why.push(problem);
  else if (!results.summary) why.push('the test run ended without a summary from mocha');
  if (passed === 0 && failed === 0 && !problem) why.push('no test ran');
  for (const w of why) console.error(`integration: ${w}`);
  console.log(`integration: ${passed} passed, ${failed} failed`);
  return failed > 0 || why.length > 0 ? 1 : 0;
}

/**
 * Judges a finished run from VS Code's exit code and the results file, prints it, returns the exit code.
 * A non-zero VS Code exit is expected when tests failed; otherwise it means the run itself broke.
 */
function conclude({ resultsFile, exitCode, problem = null, note }) {
  const results = readResults(resultsFile);
  if (!problem && exitCode !== 0 && !(results.summary?.failed > 0)) problem = `VS Code reported exit code ${exitCode}`;
  return report(results, problem, note);
}

/**
 * Judges several runs (the main suite, then locale runs) as one: their lines one after the other, under
 * each run's title, and one summary line counting them all.
 * @param {Array<{title: string | null, results: ReturnType<typeof parseResults>, exitCode: number | null, problem: string | null}>} runs
 */
function concludeAll(runs, note) {
  const merged = { lines: [], errors: [], started: true, summary: { passed: 0, failed: 0, pending: 0 } };
  const problems = [];
  for (const r of runs) {
    let problem = r.problem;
    if (!problem && r.exitCode !== 0 && !(r.results.summary?.failed > 0)) problem = `VS Code reported exit code ${r.exitCode}`;
    if (r.title) merged.lines.push(`--- ${r.title} ---`);
    merged.lines.push(...r.results.lines);
    merged.errors.push(...r.results.errors);
    if (!r.results.summary) merged.summary = null;
    else if (merged.summary) for (const k of ['passed', 'failed', 'pending']) merged.summary[k] += r.results.summary[k];
    if (problem) problems.push(r.title ? `${r.title}: ${problem}` : problem);
  }
  return report(merged, problems.join('; ') || null, note);
}

module.exports = { parseResults, readResults, report, conclude, concludeAll };
