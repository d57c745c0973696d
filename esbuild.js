// Bundles the extension, the CLI, the benchmark and the integration suite.
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
  { in: 'scripts/eval.ts', out: 'dist/eval.js' },
  { in: 'scripts/bench.ts', out: 'dist/bench.js' },
  // The integration suite runs inside VS Code's extension host: vscode and mocha come from there / node_modules.
  { in: 'test/integration/index.ts', out: 'dist/test/integration/index.js', external: ['vscode', 'mocha'] },
].filter((e) => fs.existsSync(path.join(__dirname, e.in)));

async function main() {
  const contexts = await Promise.all(
    entries.map((e) =>
      esbuild.context({
        entryPoints: [e.in],
        outfile: e.out,
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        sourcemap: !production,
        minify: production,
        external: e.external ?? [],
        banner: e.banner ? { js: e.banner } : undefined,
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

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
