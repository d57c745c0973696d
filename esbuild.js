// Bundles the extension, the CLI, the benchmark, the integration suite and the webview pages.
// Entries whose source does not exist yet are skipped, so partial trees build.
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const entries = [
  { in: 'src/extension/extension.ts', out: 'dist/extension.js', external: ['vscode'] },
  // Recognition runs in a worker thread so a long article never blocks the extension host.
  { in: 'src/extension/recognizer/worker.ts', out: 'dist/recognizer-worker.js' },
  { in: 'src/cli/main.ts', out: 'dist/cli.js', banner: '#!/usr/bin/env node' },
  // scan's worker-thread pool: one of these per core.
  { in: 'src/cli/scanWorker.ts', out: 'dist/scan-worker.js' },
  // The workspace index's summaries, one worker per core.
  { in: 'src/extension/summaries/worker.ts', out: 'dist/summary-worker.js' },
  { in: 'scripts/eval.ts', out: 'dist/eval.js' },
  { in: 'scripts/bench.ts', out: 'dist/bench.js' },
  // The integration suite runs inside VS Code's extension host: vscode and mocha come from there / node_modules.
  { in: 'test/integration/index.ts', out: 'dist/test/integration/index.js', external: ['vscode', 'mocha'] },
  // The Corpus Map's page: runs in a webview, loaded from dist/media (its only resource root).
  { in: 'src/webview/corpusMap/main.ts', out: 'dist/media/corpusMap.js', browser: true },
  { in: 'src/webview/corpusMap/style.css', out: 'dist/media/corpusMap.css', browser: true },
].filter((e) => fs.existsSync(path.join(__dirname, e.in)));

async function main() {
  // Watch builds embed no fingerprint: their bundles change without the compiled KB being rebuilt.
  const define = watch ? undefined : { __KB_FINGERPRINT__: JSON.stringify((kbArtifact.fingerprint = await kbFingerprint())) };
  const contexts = await Promise.all(
    entries.map((e) =>
      esbuild.context({
        entryPoints: [e.in],
        outfile: e.out,
        bundle: true,
        platform: e.browser ? 'browser' : 'node',
        format: e.browser ? 'iife' : 'cjs',
        target: e.browser ? 'chrome120' : 'node20',
        sourcemap: !production,
        minify: production,
        external: e.external ?? [],
        banner: e.banner ? { js: e.banner } : undefined,
        define,
        logLevel: 'warning',
      }),
    ),
  );
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
  for (const hook of postBuild) await hook();
}

/** Steps that derive files from the sources (e.g. JSON Schemas from zod), run after bundling. */
const postBuild = [];
module.exports = { postBuild };

// The sidecar's JSON Schema for editors, generated from its zod schema (tsx loads the TypeScript source).
postBuild.push(async () => {
  const { sidecarJsonSchema } = require('tsx/cjs/api').require('./src/core/annotations/schema.ts', __filename);
  const out = path.join(__dirname, 'dist/schema/annotations.schema.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(sidecarJsonSchema(), null, 2) + '\n');
});

// The compiled built-in KB (dist/kb.compiled.bin), loaded at activation instead of compiling every form
// again. Its fingerprint hashes compile()'s own bundle (all the code and data it depends on) and is
// embedded in the bundles, which use an artifact only when its fingerprint is theirs.
const kbArtifact = { file: path.join(__dirname, 'dist/kb.compiled.bin'), fingerprint: undefined };

async function kbFingerprint() {
  const r = await esbuild.build({
    entryPoints: ['src/core/recognize/compile.ts'],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    logLevel: 'warning',
  });
  return require('crypto').createHash('sha256').update(r.outputFiles[0].contents).digest('hex').slice(0, 32);
}

postBuild.push(async () => {
  const load = (m) => require('tsx/cjs/api').require(m, __filename);
  const { KnowledgeBase } = load('./src/core/kb/index.ts');
  const { compileKb } = load('./src/core/recognize/compile.ts');
  const { serializeCompiled } = load('./src/core/recognize/serialize.ts');
  fs.writeFileSync(kbArtifact.file, serializeCompiled(compileKb(KnowledgeBase.builtin()), kbArtifact.fingerprint));
});

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
