#!/usr/bin/env node
// How the Corpus Map's graph library was chosen (README, "Corpus Map"): bundles each candidate with
// esbuild (minified, the way the webview is built) and times layout and drawing of a corpus-scale graph
// (3,000 nodes, 20,000 edges: about what 2,000 articles make) in headless Chromium.
// The candidates other than the one we ship are not dependencies; install them first, e.g. in a scratch folder:
//   npm install --prefix /tmp/graph-choice cytoscape@3.34.4 cytoscape-fcose@2.2.0 sigma@3.0.3 \
//     graphology@0.26.0 graphology-layout-forceatlas2@0.10.1 d3-force@3.0.1
//   node scripts/graph-choice.js /tmp/graph-choice     (ONLY=regex picks candidates; NODES, EDGES, LIMIT ms)
const esbuild = require('esbuild');
const os = require('os');
const path = require('path');
const P = require('./vscode/paths');

const modules = path.resolve(process.argv[2] || path.join(P.ROOT, 'node_modules'), process.argv[2] ? 'node_modules' : '');
const NODES = Number(process.env.NODES || 3000);
const EDGES = Number(process.env.EDGES || 20000);
const LIMIT = Number(process.env.LIMIT || 120000);

// A seeded graph with a few hubs (countries mentioned everywhere) and a long tail, like a news corpus.
function graph() {
  let seed = 7;
  const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const nodes = Array.from({ length: NODES }, (_, i) => ({ id: `n${i}`, size: 1 + Math.floor(200 / (1 + i / 10)) }));
  const seen = new Set();
  const edges = [];
  while (edges.length < EDGES) {
    const a = Math.floor(NODES * rnd() ** 2.5);
    const b = Math.floor(NODES * rnd());
    const key = a < b ? `${a},${b}` : `${b},${a}`;
    if (a === b || seen.has(key)) continue;
    seen.add(key);
    edges.push({ s: `n${a}`, t: `n${b}`, w: 1 + Math.floor(rnd() * 5) });
  }
  return { nodes, edges };
}

// Each page script gets the graph as window.G and a 900×700 #c, and sets window.RESULT = { layout, render, frame }.
const now = 'performance.now()';
// Smoothness: ms per frame while zooming, each step a camera change drawn on the next animation frame
// (the way the library redraws during a pan or zoom; ~16.7 ms is the display's pace).
const frames = (redraw) => `
  const f0 = ${now};
  for (let i = 0; i < 10; i++) { ${redraw}; await new Promise((r) => requestAnimationFrame(() => r())); }
  const frame = (${now} - f0) / 10;`;
/** cytoscape's page with one of its layouts (`setup` registers an extension layout). */
function cytoscape(setup, layout) {
  return `
    import cytoscape from 'cytoscape';
    ${setup}
    setTimeout(async () => { try {
      const els = [...G.nodes.map((n) => ({ data: n })), ...G.edges.map((e, i) => ({ data: { id: 'e' + i, source: e.s, target: e.t } }))];
      const t0 = ${now};
      const cy = cytoscape({ container: document.getElementById('c'), elements: els, style: [{ selector: 'node', style: { width: 'data(size)', height: 'data(size)' } }], layout: { name: 'null' } });
      cy.layout(${layout}).run();
      const t1 = ${now};
      await new Promise((r) => { cy.one('render', r); cy.forceRender(); });
      const t2 = ${now};
      ${frames('cy.zoom(cy.zoom() * 1.01)')}
      window.RESULT = { layout: t1 - t0, render: t2 - t1, frame };
    } catch (e) { window.RESULT = { error: String(e) }; } }, 0);`;
}
const candidates = {
  'cytoscape + cose': cytoscape('', "{ name: 'cose', animate: false, numIter: 1000, randomize: true }"),
  'cytoscape + fcose': cytoscape("import fcose from 'cytoscape-fcose'; cytoscape.use(fcose);", "{ name: 'fcose', animate: false, quality: 'draft', randomize: true }"),
  'sigma + graphology + forceatlas2': `
    import Graph from 'graphology';
    import forceAtlas2 from 'graphology-layout-forceatlas2';
    import Sigma from 'sigma';
    setTimeout(async () => { try {
      const t0 = ${now};
      const g = new Graph();
      G.nodes.forEach((n, i) => g.addNode(n.id, { x: Math.cos(i), y: Math.sin(i * 1.3) * i / 100, size: Math.sqrt(n.size) }));
      G.edges.forEach((e) => g.addEdge(e.s, e.t, { weight: e.w }));
      forceAtlas2.assign(g, { iterations: 100, settings: { ...forceAtlas2.inferSettings(g), barnesHutOptimize: true } });
      const t1 = ${now};
      const s = new Sigma(g, document.getElementById('c'));
      s.refresh();
      await new Promise((r) => requestAnimationFrame(() => r()));
      const t2 = ${now};
      ${frames('s.getCamera().setState({ ratio: s.getCamera().ratio * 1.01 })')}
      window.RESULT = { layout: t1 - t0, render: t2 - t1, frame };
    } catch (e) { window.RESULT = { error: String(e) }; } }, 0);`,
  'd3-force + canvas 2D': `
    import { forceSimulation, forceLink, forceManyBody, forceCenter } from 'd3-force';
    setTimeout(async () => { try {
      const t0 = ${now};
      const nodes = G.nodes.map((n) => ({ ...n }));
      const links = G.edges.map((e) => ({ source: e.s, target: e.t }));
      const sim = forceSimulation(nodes).force('link', forceLink(links).id((d) => d.id)).force('charge', forceManyBody().theta(0.9)).force('center', forceCenter(450, 350)).stop();
      sim.tick(300);
      const t1 = ${now};
      const c = document.createElement('canvas'); c.width = 900; c.height = 700; document.getElementById('c').appendChild(c);
      const ctx = c.getContext('2d');
      let k = 1;
      const draw = () => {
        ctx.setTransform(k, 0, 0, k, 0, 0); ctx.clearRect(0, 0, 900, 700);
        ctx.beginPath(); for (const l of links) { ctx.moveTo(l.source.x, l.source.y); ctx.lineTo(l.target.x, l.target.y); } ctx.stroke();
        for (const n of nodes) { ctx.beginPath(); ctx.arc(n.x, n.y, Math.sqrt(n.size), 0, 7); ctx.fill(); }
      };
      draw();
      await new Promise((r) => requestAnimationFrame(() => r()));
      const t2 = ${now};
      ${frames('k *= 1.01; draw();')}
      window.RESULT = { layout: t1 - t0, render: t2 - t1, frame };
    } catch (e) { window.RESULT = { error: String(e) }; } }, 0);`,
};

async function bundle(source) {
  const r = await esbuild.build({
    stdin: { contents: source, resolveDir: os.tmpdir(), loader: 'js' },
    nodePaths: [modules],
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  return r.outputFiles[0].text;
}

async function main() {
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({ executablePath: P.CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  const g = graph();
  console.log(`graph: ${g.nodes.length} nodes, ${g.edges.length} edges; Chromium ${browser.version()}`);
  console.log('| library | bundle (min) | gzip | layout ms | first draw ms | redraw ms |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  const only = process.env.ONLY ? new RegExp(process.env.ONLY) : null;
  for (const [name, source] of Object.entries(candidates)) {
    if (only && !only.test(name)) continue;
    const js = await bundle(source);
    const gz = require('zlib').gzipSync(js).length;
    const page = await browser.newPage({ viewport: { width: 900, height: 700 } });
    await page.setContent('<div id="c" style="width:900px;height:700px"></div>');
    await page.evaluate((G) => (window.G = G), g);
    await page.addScriptTag({ content: js });
    // A layout still running after LIMIT is too slow for a map that opens on a click.
    const r = await page
      .waitForFunction(() => window.RESULT, null, { timeout: LIMIT, polling: 500 })
      .then((h) => h.jsonValue())
      .catch(() => ({ error: `not done in ${LIMIT / 1000} s` }));
    await page.close({ runBeforeUnload: false });
    const ms = (x) => (x === undefined ? '—' : Math.round(x).toString());
    const kb = (n) => `${Math.round(n / 1024)} KB`;
    console.log(r.error ? `| ${name} | ${kb(js.length)} | ${kb(gz)} | error: ${r.error} | | |` : `| ${name} | ${kb(js.length)} | ${kb(gz)} | ${ms(r.layout)} | ${ms(r.render)} | ${r.frame.toFixed(1)} |`);
  }
  await browser.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
