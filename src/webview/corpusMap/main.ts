/**
 * The Corpus Map page (runs in the webview, bundled to dist/media/corpusMap.js).
 * Draws what the extension sends: a network with sigma (WebGL) laid out by
 * ForceAtlas2 over a graphology graph, a timeline of agreements by article
 * date, filters, and the mention list of the selected node. Every word it
 * shows comes from the extension (in the UI language); every color from the
 * theme's CSS variables, re-read when the theme changes.
 */
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import Sigma from 'sigma';
import type { CorpusMap, MapNode, TimelineEntry } from '../../core/workspace/corpusMap';
import type { FromPage, MentionItem, PageFilter, PageLabels, ToPage } from '../../extension/corpusMap/protocol';

declare function acquireVsCodeApi(): { postMessage(m: FromPage): void };
const vscode = acquireVsCodeApi();
const post = (m: FromPage) => vscode.postMessage(m);

let labels: PageLabels | undefined;
let current: { map: CorpusMap; filter: PageFilter; articles: Record<string, string> } | undefined;
let renderer: Sigma | undefined;
let graph: Graph | undefined;
let selected: string | undefined;
let listed: MentionItem[] = [];

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Array<Node | string>) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
};
const format = (template: string, ...args: Array<string | number>) => template.replace(/\{(\d+)\}/g, (_, i) => String(args[+i]));

// ---- layout of the page ----
const app = document.getElementById('app')!;
const toolbar = el('div', { class: 'toolbar' });
const types = el('fieldset', { class: 'types' });
const languages = el('fieldset', { class: 'languages' });
const showAll = el('input', { type: 'checkbox', id: 'show-all' });
const status = el('span', { class: 'status', role: 'status' });
const legend = el('span', { class: 'legend' });
const showAllLabel = el('label', { for: 'show-all' }, showAll, el('span'));
toolbar.append(types, languages, showAllLabel, legend, status);
const graphBox = el('div', { class: 'graph', role: 'img' });
const side = el('aside', { class: 'mentions' });
const timeline = el('section', { class: 'timeline' });
const middle = el('div', { class: 'middle' }, graphBox, side);
app.append(toolbar, middle, timeline);

// ---- theme colors ----
function cssVar(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}
interface Palette {
  country: string;
  person: string;
  organization: string;
  agreement: string;
  foreground: string;
  edge: string;
  party: string;
  font: string;
}
let palette = readPalette();
function readPalette(): Palette {
  const agreement = cssVar('--vscode-articleAnnotator-agreementBorder', '#d7ba7d');
  return {
    country: cssVar('--vscode-articleAnnotator-countryBorder', '#3794ff'),
    person: cssVar('--vscode-articleAnnotator-personBorder', '#4ec9b0'),
    organization: cssVar('--vscode-articleAnnotator-organizationBorder', '#c586c0'),
    agreement,
    foreground: cssVar('--vscode-editor-foreground', '#cccccc'),
    edge: withAlpha(cssVar('--vscode-descriptionForeground', '#999999'), 0.35),
    party: withAlpha(agreement, 0.8),
    font: cssVar('--vscode-font-family', 'sans-serif'),
  };
}
function colorOf(type: string): string {
  return type === 'country' ? palette.country : type === 'person' ? palette.person : type === 'organization' ? palette.organization : palette.agreement;
}
/** [r, g, b] of #rgb / #rrggbb / #rrggbbaa / rgb(a)(), or null. */
function rgbOf(color: string): number[] | null {
  const hex = /^#([0-9a-f]{3,8})$/i.exec(color)?.[1];
  if (hex) {
    const full = hex.length <= 4 ? [...hex].map((c) => c + c).join('') : hex;
    return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16));
  }
  const rgb = /^rgba?\(([^)]+)\)$/.exec(color)?.[1].split(',').slice(0, 3).map((x) => parseFloat(x));
  return rgb && rgb.length === 3 && rgb.every((x) => !isNaN(x)) ? rgb : null;
}
/**
 * `color` at `alpha` over the editor's background, as an opaque color: WebGL canvases composite
 * translucent colors lighter than the page would, so the map blends them itself.
 */
function withAlpha(color: string, alpha: number): string {
  const fg = rgbOf(color);
  const bg = rgbOf(cssVar('--vscode-editor-background', '#1e1e1e')) ?? [30, 30, 30];
  if (!fg) return color;
  const [r, g, b] = fg.map((c, i) => Math.round(c * alpha + bg[i] * (1 - alpha)));
  return `rgb(${r}, ${g}, ${b})`;
}
// VS Code swaps the theme's variables and the body's class when the theme changes.
new MutationObserver(() => {
  palette = readPalette();
  if (current) draw();
}).observe(document.body, { attributes: true, attributeFilter: ['class'] });

// ---- messages ----
window.addEventListener('message', (event: MessageEvent<ToPage>) => {
  const m = event.data;
  switch (m.type) {
    case 'labels':
      labels = m.labels;
      (showAllLabel.lastChild as HTMLElement).textContent = labels.showAll;
      graphBox.setAttribute('aria-label', labels.title);
      side.replaceChildren(el('p', { class: 'hint' }, labels.pick));
      break;
    case 'map':
      current = { map: m.map, filter: m.filter, articles: m.articles };
      draw();
      break;
    case 'mentions':
      showMentions(m.entity, m.name, m.items, m.total);
      break;
    case 'test:click':
      select(m.entity);
      break;
    case 'test:clickMention':
      side.querySelectorAll<HTMLElement>('li.mention')[m.index]?.click();
      break;
    case 'test:toggleType':
      types.querySelector<HTMLInputElement>(`input[value="${CSS.escape(m.value)}"]`)?.click();
      break;
    case 'test:toggleLanguage':
      languages.querySelector<HTMLInputElement>(`input[value="${CSS.escape(m.value)}"]`)?.click();
      break;
    case 'test:showAll':
      showAll.click();
      break;
  }
});

// ---- filters ----
function checkboxes(box: HTMLElement, heading: string, options: Array<{ value: string; label: string; count: number; color?: string }>, chosen: string[]) {
  box.replaceChildren(el('legend', {}, heading));
  for (const o of options) {
    const input = el('input', { type: 'checkbox', value: o.value });
    input.checked = !chosen.length || chosen.includes(o.value);
    input.addEventListener('change', sendFilter);
    const swatch = el('span', { class: 'swatch' });
    if (o.color) swatch.style.background = o.color;
    else swatch.remove();
    box.append(el('label', {}, input, ...(o.color ? [swatch] : []), `${o.label} (${o.count})`));
  }
}
function chosen(box: HTMLElement): string[] {
  const inputs = [...box.querySelectorAll<HTMLInputElement>('input')];
  const on = inputs.filter((i) => i.checked).map((i) => i.value);
  // All checked is no filter: new types and languages show up as they appear.
  return on.length === inputs.length ? [] : on.length ? on : ['\u0000none'];
}
function sendFilter() {
  post({ type: 'filter', types: chosen(types), languages: chosen(languages), all: showAll.checked });
}
showAll.addEventListener('change', sendFilter);

// ---- the network ----
function draw() {
  if (!current || !labels) return;
  const { map, filter } = current;
  checkboxes(types, labels.typesHeading, map.types.map((t) => ({ value: t.type, label: labels!.types[t.type] ?? t.type, count: t.entities, color: colorOf(t.type) })), filter.types);
  checkboxes(languages, labels.languagesHeading, map.languages.map((l) => ({ value: l.language, label: labels!.languageNames[l.language] ?? l.language, count: l.articles })), filter.languages);
  showAll.checked = filter.all;
  const line = (color: string, text: string) => {
    const sample = el('span', { class: 'line' });
    sample.style.background = color;
    return el('span', {}, sample, text);
  };
  legend.replaceChildren(line(palette.party, labels.party), line(palette.edge, labels.coMention));
  status.textContent = format(labels.shown, map.nodes.length, map.total.nodes, map.edges.length, map.total.edges, map.total.articles);

  const g = new Graph({ type: 'directed', multi: false });
  const maxMentions = Math.max(1, ...map.nodes.map((n) => n.mentions));
  // Seeded start on a spiral, so the same map is laid out the same way each time.
  map.nodes.forEach((n: MapNode, i) => {
    const a = i * 2.399963;
    const r = Math.sqrt(i + 1) * 10;
    g.addNode(n.id, {
      x: r * Math.cos(a),
      y: r * Math.sin(a),
      size: 3 + 17 * Math.sqrt(n.mentions / maxMentions),
      label: n.name,
      color: colorOf(n.type),
      entityType: n.type,
      mentions: n.mentions,
    });
  });
  const maxWeight = Math.max(1, ...map.edges.map((e) => e.weight));
  for (const e of map.edges) {
    if (g.hasEdge(e.source, e.target) || g.hasEdge(e.target, e.source)) continue;
    g.addDirectedEdge(e.source, e.target, {
      weight: e.weight,
      size: 0.5 + 3 * Math.sqrt(e.weight / maxWeight),
      color: e.kind === 'party' ? palette.party : palette.edge,
      kind: e.kind,
      type: e.kind === 'party' ? 'arrow' : 'line',
    });
  }
  if (g.order > 1) {
    const settings = forceAtlas2.inferSettings(g);
    forceAtlas2.assign(g, { iterations: g.order > 1000 ? 60 : 150, getEdgeWeight: 'weight', settings: { ...settings, barnesHutOptimize: g.order > 500, strongGravityMode: true, gravity: 0.5 } });
  }
  graph = g;
  if (!renderer) {
    try {
      renderer = makeRenderer(g);
    } catch {
      // No WebGL in this window (some remote or GPU-less setups): the timeline and mention lists still work.
      graphBox.classList.add('empty');
      graphBox.dataset.empty = labels.noWebgl;
      const rows = drawTimeline(map.timeline, map.nodes);
      post({ type: 'rendered', nodes: 0, edges: 0, timeline: rows, ids: [], languages: map.languages.map((l) => l.language), filter });
      return;
    }
  } else {
    renderer.setGraph(g);
    renderer.setSetting('labelColor', { attribute: 'labelColor', color: palette.foreground });
    renderer.setSetting('labelFont', palette.font);
  }
  if (selected && !g.hasNode(selected)) selected = undefined;
  renderer.refresh();
  graphBox.classList.toggle('empty', g.order === 0);
  graphBox.dataset.empty = labels.empty;
  const rows = drawTimeline(map.timeline, map.nodes);
  post({ type: 'rendered', nodes: g.order, edges: g.size, timeline: rows, ids: g.nodes(), languages: map.languages.map((l) => l.language), filter });
}

function makeRenderer(g: Graph): Sigma {
  const r = new Sigma(g, graphBox, {
    allowInvalidContainer: true,
    renderEdgeLabels: false,
    labelColor: { attribute: 'labelColor', color: palette.foreground },
    labelFont: palette.font,
    labelRenderedSizeThreshold: 6,
    defaultEdgeType: 'line',
    zIndex: true,
    nodeReducer: (node, data) => highlight(node, data),
    defaultDrawNodeHover: drawHover,
    edgeReducer: (edge, data) => {
      if (!selected || !graph) return data;
      const [s, t] = graph.extremities(edge);
      return s === selected || t === selected ? { ...data, zIndex: 1 } : { ...data, hidden: false, color: withAlpha(palette.foreground, 0.06) };
    },
  });
  r.on('clickNode', ({ node }) => select(node));
  r.on('clickStage', () => select(undefined));
  return r;
}

/** The label of the node under the mouse, on the theme's hover colors (sigma's own is white). */
function drawHover(ctx: CanvasRenderingContext2D, data: { x: number; y: number; size: number; label?: string | null; color: string }, settings: { labelSize: number; labelFont: string; labelWeight: string }) {
  const size = settings.labelSize;
  ctx.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
  const label = data.label ?? '';
  const width = ctx.measureText(label).width;
  const pad = 3;
  ctx.fillStyle = cssVar('--vscode-editorHoverWidget-background', '#252526');
  ctx.strokeStyle = cssVar('--vscode-editorHoverWidget-border', '#454545');
  ctx.beginPath();
  ctx.rect(data.x + data.size + 2, data.y - size / 2 - pad, width + 2 * pad, size + 2 * pad);
  ctx.fill();
  ctx.stroke();
  ctx.fillStyle = cssVar('--vscode-editorHoverWidget-foreground', palette.foreground);
  ctx.fillText(label, data.x + data.size + 2 + pad, data.y + size / 3);
  ctx.beginPath();
  ctx.arc(data.x, data.y, data.size + 2, 0, Math.PI * 2);
  ctx.strokeStyle = palette.foreground;
  ctx.stroke();
}

function highlight(node: string, data: Record<string, unknown>) {
  if (!selected || !graph) return data;
  if (node === selected) return { ...data, highlighted: true, zIndex: 2 };
  if (graph.areNeighbors(node, selected)) return { ...data, zIndex: 1 };
  return { ...data, color: withAlpha(String(data.color), 0.25), labelColor: withAlpha(palette.foreground, 0.45), zIndex: 0 };
}

function select(entity: string | undefined) {
  selected = entity && graph?.hasNode(entity) ? entity : undefined;
  renderer?.refresh({ skipIndexation: true });
  timeline.querySelectorAll('.row').forEach((r) => r.classList.toggle('selected', (r as HTMLElement).dataset.entity === selected));
  if (selected) post({ type: 'select', entity: selected });
  else if (labels) side.replaceChildren(el('p', { class: 'hint' }, labels.pick));
}

// ---- mentions of the selected node ----
function showMentions(entity: string, name: string, items: MentionItem[], total: number) {
  if (!labels || entity !== selected) return;
  listed = items;
  const list = el('ol');
  items.forEach((item) => {
    const at = item.preview.indexOf(item.text);
    const preview = el('span', { class: 'preview' });
    if (at >= 0) preview.append(item.preview.slice(0, at), el('mark', {}, item.text), item.preview.slice(at + item.text.length));
    else preview.append(item.preview);
    const where = item.line !== undefined ? `${item.article}, ${format(labels!.line, item.line + 1)}` : item.article;
    const li = el('li', { class: 'mention', tabindex: '0', title: where }, el('span', { class: 'article' }, where), preview);
    const reveal = () => post({ type: 'reveal', uri: item.uri, start: item.start, end: item.end });
    li.addEventListener('click', reveal);
    li.addEventListener('keydown', (e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), reveal()));
    list.append(li);
  });
  const node = graph?.getNodeAttributes(entity);
  const swatch = el('span', { class: 'swatch' });
  swatch.style.background = colorOf(String(node?.entityType ?? ''));
  side.replaceChildren(el('h2', {}, swatch, format(labels.mentionsOf, name, total)), list);
  if (total > items.length) side.append(el('p', { class: 'hint' }, format(labels.more, total - items.length)));
  post({ type: 'listed', entity, items: listed });
}

// ---- timeline: one row per agreement, a dot per dated article ----
function drawTimeline(entries: TimelineEntry[], nodes: MapNode[]): number {
  if (!labels) return 0;
  const heading = el('h2', {}, labels.timeline);
  if (!entries.length) {
    timeline.replaceChildren(heading, el('p', { class: 'hint' }, labels.noDates));
    return 0;
  }
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const rows = new Map<string, TimelineEntry[]>();
  for (const t of entries) {
    let r = rows.get(t.agreement);
    if (!r) rows.set(t.agreement, (r = []));
    r.push(t);
  }
  const day = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86400000;
  const first = day(entries[0].date);
  const last = day(entries[entries.length - 1].date);
  const span = Math.max(1, last - first);
  const axis = el('div', { class: 'axis' }, el('span', {}, entries[0].date), el('span', {}, entries[entries.length - 1].date));
  const body = el('div', { class: 'rows' });
  for (const [id, dated] of rows) {
    const track = el('div', { class: 'track' });
    for (const t of dated) {
      const dot = el('span', { class: 'dot', title: `${t.date} — ${current?.articles[t.file] ?? t.file}` });
      dot.style.left = `${((day(t.date) - first) / span) * 100}%`;
      dot.style.background = colorOf(byId.get(id)?.type ?? 'agreement');
      track.append(dot);
    }
    const row = el('div', { class: 'row', 'data-entity': id }, el('span', { class: 'name', title: byId.get(id)?.name ?? id }, byId.get(id)?.name ?? id), track);
    row.classList.toggle('selected', id === selected);
    row.addEventListener('click', () => select(id));
    body.append(row);
  }
  timeline.replaceChildren(heading, body, axis);
  return rows.size;
}

document.addEventListener('securitypolicyviolation', (e) => post({ type: 'cspViolation', directive: e.effectiveDirective, blocked: e.blockedURI }));
post({ type: 'ready' });
