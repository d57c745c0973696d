#!/usr/bin/env node
// `npm run screenshots`: serves VS Code (code-server) with this extension on a copy of the sample
// articles, drives the workbench in headless Chromium with the keyboard, the way a user would, and
// saves the README images to media/screenshots/ and the walkthrough's to media/walkthrough/. Expects a
// fresh build (the npm script builds first).
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const P = require('./paths');
const { setup, SetupError } = require('./setup');
const { startServer, workbenchUrl, extensionHostLog, tail, linkExtension, launchChromium } = require('./server');
const { makeWorkspace } = require('./workspace');

const OUT_DIR = path.join(P.ROOT, 'media', 'screenshots');
const WALKTHROUGH_DIR = path.join(P.ROOT, 'media', 'walkthrough');
// The walkthrough's sample article (its Open Sample Article command opens a copy of it).
const SAMPLE = path.join(WALKTHROUGH_DIR, 'sample-article.md');
const VIEWPORT = { width: 1440, height: 900 };
const SETTINGS = {
  'workbench.colorTheme': 'Default Dark Modern',
  'workbench.startupEditor': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.layoutControl.enabled': false,
  'editor.fontSize': 14,
  // Article paragraphs are single long lines.
  'editor.wordWrap': 'on',
  'editor.minimap.enabled': false,
  'editor.hover.sticky': true,
  // Japanese has no spaces, so a "word" is a whole clause: highlighting its other occurrences, or the
  // current line, would cover the mentions.
  'editor.occurrencesHighlight': 'off',
  'editor.selectionHighlight': false,
  'editor.renderLineHighlight': 'gutter',
  'window.commandCenter': false,
  // The selection to tag stays as visible as when the editor had focus while the quick pick has it.
  'workbench.colorCustomizations': { 'editor.inactiveSelectionBackground': '#264f78' },
};
// The articles shown and the text each shot points at (its first occurrence).
const JA_ARTICLE = 'ja-philippines-raa.txt';
const JA_HOVER = 'ジョー・バイデン';
const JA_TAG = 'フィリピン上院'; // not recognized: the kind of span an analyst tags by hand
// An entity opened down to its mentions in the sidebar: named in the article's language (displayNames).
const JA_EXPANDED = '上川陽子';
const SIDEBAR_WIDTH = 440;
const KO_ARTICLE = 'ko-us-rok-ncg-meeting.txt';
const MAP_AGREEMENT = /^円滑化協定$/; // the Japan–Philippines RAA, as the map names it
// Countries and agreements are confirmed before the shots, people and organizations stay suggested,
// so both looks show: confirmed (background) and suggested (dashed underline).
const confirmedFirst = (m) => m.type === 'country' || m.kind === 'agreement';

const log = (msg) => console.log(`screenshots: ${msg}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));


/** Without CJK fonts Chromium draws the Japanese and Korean articles as boxes. */
function ensureCjkFonts() {
  const has = (lang) => spawnSync('fc-list', [`:lang=${lang}`, 'family'], { encoding: 'utf8' }).stdout?.trim();
  if (has('ja') && has('ko')) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) throw new SetupError('no Japanese/Korean fonts; install them as root: apt-get install -y fonts-noto-cjk');
  log('apt-get install fonts-noto-cjk');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', '--no-install-recommends', 'fonts-noto-cjk']]) {
    const r = spawnSync('apt-get', args, { stdio: ['ignore', 'inherit', 'inherit'], env });
    if (r.status !== 0) throw new SetupError(`apt-get ${args.join(' ')} failed`);
  }
}

function cli(args) {
  const r = spawnSync(process.execPath, [path.join(P.ROOT, 'dist', 'cli.js'), ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`article-annotator ${args.join(' ')} failed:\n${r.stderr || r.stdout}`);
  return r.stdout;
}

/** Confirms the entities chosen by `confirmedFirst` in an article through the CLI, writing its sidecar. */
function confirmSome(file) {
  const { files } = JSON.parse(cli(['scan', '--json', file]));
  const ids = new Set(files[0].mentions.filter(confirmedFirst).map((m) => m.entity));
  for (const id of ids) cli(['confirm', file, '--entity', id]);
  return ids.size;
}

/** Drives the workbench page with the keyboard; every step waits for what it expects to see. */
class Workbench {
  constructor(page) {
    this.page = page;
  }

  quickInput() {
    return this.page.locator('.quick-input-widget');
  }

  async closeQuickInput() {
    if (await this.quickInput().isVisible()) await this.page.keyboard.press('Escape');
    await this.quickInput().waitFor({ state: 'hidden', timeout: 5000 });
  }

  /** Types into a quick input opened by `key` and accepts the focused row once it reads `expect`. */
  async quickPick(key, text, expect) {
    await this.page.keyboard.press(key);
    await this.quickInput().waitFor({ state: 'visible', timeout: 10_000 });
    await this.page.keyboard.type(text);
    if (expect) {
      const row = this.quickInput().locator('.monaco-list-row.focused', { hasText: expect });
      await row.waitFor({ timeout: 15_000 }).catch(() => {
        throw new Error(`no "${expect}" in the quick input after typing "${text}"`);
      });
    } else {
      await this.page.waitForTimeout(300);
    }
    await this.page.keyboard.press('Enter');
  }

  /** Runs a command from the command palette by its title. */
  async command(title) {
    await this.quickPick('F1', title, title);
  }

  /** Opens `file` (in the workspace) with Quick Open and waits until the active editor shows its first line. */
  async open(file) {
    const name = path.basename(file);
    const firstLine = fs.readFileSync(file, 'utf8').split('\n')[0].trim();
    await this.quickPick('Control+P', name, name);
    await this.page.locator(`.tab.active[aria-label^="${name}"]`).waitFor({ timeout: 15_000 });
    // The editor widget is reused across files: until the new text shows, the old one's decorations may linger.
    await this.page
      .locator('.editor-group-container.active .monaco-editor .view-line', { hasText: firstLine })
      .first()
      .waitFor({ timeout: 15_000 });
  }

  /** Selects the first occurrence of `text` in the active editor with the find widget. */
  async select(text) {
    await this.page.keyboard.press('Control+Home');
    await this.page.keyboard.press('Control+F');
    const find = this.page.locator('.editor-group-container.active .find-widget.visible');
    await find.waitFor({ timeout: 10_000 });
    await this.page.keyboard.type(text);
    await find.locator('.matchesCount', { hasText: /^1 of / }).waitFor({ timeout: 10_000 }).catch(() => {
      throw new Error(`"${text}" is not in the active editor`);
    });
    await this.page.keyboard.press('Escape');
    await find.waitFor({ state: 'hidden', timeout: 5000 });
  }

  /** Drags the sash between the side bar and the editor so the side bar is `width` pixels wide. */
  async sideBarWidth(width) {
    const bar = await this.page.locator('.part.sidebar').boundingBox();
    const sash = await this.page.locator('.monaco-sash.primary-sidebar-sash').boundingBox();
    if (!bar || !sash) throw new Error('the side bar is not visible');
    const x = sash.x + sash.width / 2;
    const y = sash.y + sash.height / 2;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x + width - bar.width, y, { steps: 5 });
    await this.page.mouse.up();
  }

  /** Clicks the tree row labelled `label` in the side bar's view, toggling it open or closed. */
  async toggleRow(label) {
    const row = this.page.locator('.part.sidebar .monaco-list-row', {
      has: this.page.locator('.label-name', { hasText: new RegExp(`^${label}$`) }),
    });
    const wasExpanded = await row.getAttribute('aria-expanded');
    await row.click();
    await this.page.waitForFunction(
      ([el, before]) => el.getAttribute('aria-expanded') !== before,
      [await row.elementHandle(), wasExpanded],
      { timeout: 5000 },
    );
  }

  /** Moves the mouse where it shows nothing, so no stray hover or tooltip gets into an image. */
  async parkMouse() {
    await this.page.mouse.move(VIEWPORT.width - 5, VIEWPORT.height - 5);
  }

  /** Waits until the active editor shows the extension's decorations, then a little more for the rest to paint. */
  async decorations() {
    const editor = this.page.locator('.editor-group-container.active .monaco-editor');
    await editor.locator('[class*="ced-"]').first().waitFor({ timeout: 30_000 }).catch(() => {
      throw new Error('no mention decorations appeared in the editor within 30 s');
    });
    await this.page.waitForTimeout(1000);
  }

  async shot(name) {
    const file = path.join(OUT_DIR, name);
    await this.page.screenshot({ path: file, type: 'png' });
    log(`${path.relative(P.ROOT, file)} (${Math.round(fs.statSync(file).size / 1024)} KB)`);
  }

  /** One part of the workbench (`selector`) as a walkthrough image. */
  async walkthroughShot(name, selector) {
    const file = path.join(WALKTHROUGH_DIR, name);
    await this.page.locator(selector).first().screenshot({ path: file, type: 'png' });
    log(`${path.relative(P.ROOT, file)} (${Math.round(fs.statSync(file).size / 1024)} KB)`);
  }

  /** Opens the Article Annotator side bar at `width` with its tree showing. */
  async entitiesView(width) {
    await this.page.locator('.activitybar .action-label[aria-label^="Article Annotator"]').click();
    await this.page.locator('.pane:has(.pane-header[aria-label^="Entities"]) .monaco-list-row').first().waitFor({ timeout: 15_000 });
    await this.sideBarWidth(width);
  }
}

async function waitForActivation(server, timeoutMs = 60_000) {
  const id = P.EXTENSION_ID.replace(/\./g, '\\.');
  const activated = new RegExp(`_doActivateExtension ${id}\\b`);
  const failed = new RegExp(`Activating extension '?${id}'? failed.*`, 'i');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const text = extensionHostLog(server);
    if (failed.test(text)) throw new Error(`the extension failed to activate: ${text.match(failed)[0]}`);
    if (activated.test(text)) return;
    await sleep(250);
  }
  throw new Error(`no activation of ${P.EXTENSION_ID} in the extension host log within ${timeoutMs / 1000} s`);
}

async function takeShots(server, url, ws) {
  const browser = await launchChromium(server);
  const page = await browser.newPage({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  try {
    page.setDefaultTimeout(20_000);
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.part.editor').waitFor();
    const wb = new Workbench(page);
    await wb.parkMouse();

    // 1. Highlights and the hover of a person mention.
    await wb.open(path.join(ws, JA_ARTICLE));
    await waitForActivation(server);
    await wb.decorations();
    await wb.select(JA_HOVER);
    await page.keyboard.press('ArrowLeft'); // the cursor on the mention's first character
    await wb.command('Show or Focus Hover');
    await page.locator('.monaco-hover', { hasText: 'Mentions:' }).first().waitFor({ timeout: 15_000 });
    await page.waitForTimeout(500);
    await wb.shot('highlights-hover.png');
    await wb.walkthroughShot('highlights.png', '.part.editor');
    await page.keyboard.press('Escape');

    // 2. The sidebar next to the article.
    await wb.entitiesView(SIDEBAR_WIDTH);
    // Organizations fold away so the agreements fit; one person opens down to its mentions.
    await wb.toggleRow('organization');
    await wb.toggleRow(JA_EXPANDED);
    await wb.parkMouse();
    await page.waitForTimeout(800);
    await wb.shot('sidebar.png');
    await wb.walkthroughShot('sidebar.png', '.part.sidebar');

    // 3. Tag Selection… on words the recognizer missed.
    await page.keyboard.press('Control+1'); // back to the editor
    await wb.select(JA_TAG);
    await wb.command('Article Annotator: Tag Selection…');
    await wb.quickInput().locator('.monaco-list-row', { hasText: 'organization' }).waitFor({ timeout: 15_000 });
    await page.waitForTimeout(500);
    await wb.shot('tag-selection.png');
    await wb.walkthroughShot('tag-selection.png', '.quick-input-widget');
    await wb.closeQuickInput();

    // The walkthrough's first and last steps: the sample article, then what Export asks first.
    await wb.open(path.join(ws, path.basename(SAMPLE)));
    await wb.decorations();
    await wb.parkMouse();
    await wb.walkthroughShot('open-article.png', '.part.editor');
    await wb.command('Article Annotator: Export Annotations…');
    await wb.quickInput().locator('.monaco-list-row', { hasText: 'Confirmed only' }).waitFor({ timeout: 15_000 });
    await page.waitForTimeout(500);
    await wb.walkthroughShot('export.png', '.quick-input-widget');
    await wb.closeQuickInput();

    // 4. A Korean article.
    await wb.open(path.join(ws, KO_ARTICLE));
    await wb.decorations();
    await wb.parkMouse();
    await wb.shot('korean.png');

    // 5. The Corpus Map of the sample articles, the Japan–Philippines RAA picked on the timeline: its
    // parties and their co-mentioned actors stay lit, its mentions are listed.
    await wb.command('View: Toggle Primary Side Bar Visibility');
    await wb.command('Article Annotator: Show Corpus Map');
    const map = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await map.locator('.status', { hasText: /\d/ }).waitFor({ timeout: 30_000 });
    await map.locator('.timeline .row', { hasText: MAP_AGREEMENT }).first().click();
    await map.locator('li.mention').first().waitFor({ timeout: 15_000 });
    await wb.parkMouse();
    await page.waitForTimeout(1500);
    await wb.shot('corpus-map.png');
  } catch (e) {
    // What the page showed when a step gave up says more than any log.
    const file = path.join(os.tmpdir(), `annotator-screenshots-failure-${process.pid}.png`);
    if (await page.screenshot({ path: file, type: 'png' }).then(() => true, () => false)) e.failureShot = file;
    throw e;
  } finally {
    await browser.close();
  }
}

// Legibility of the suggestions in the other themes (issue 13): one highlight shot each.
const OTHER_THEMES = [
  ['Default Light Modern', 'highlights-light.png', 'sidebar-light.png'],
  ['Default High Contrast', 'highlights-high-contrast.png'],
  ['Default High Contrast Light', 'highlights-high-contrast-light.png'],
];

/** The workbench of a freshly started server in a new browser, the Japanese article open and painted. */
async function openFresh(server, url, ws) {
  const browser = await launchChromium(server);
  const page = await browser.newPage({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  try {
    page.setDefaultTimeout(20_000);
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.part.editor').waitFor();
    const wb = new Workbench(page);
    await wb.parkMouse();
    // A fresh server may not have indexed the files for Quick Open yet.
    for (let attempt = 1; ; attempt++) {
      try {
        await wb.open(path.join(ws, JA_ARTICLE));
        break;
      } catch (e) {
        if (attempt === 3) throw e;
        await page.keyboard.press('Escape');
        await page.waitForTimeout(3000);
      }
    }
    await waitForActivation(server);
    await wb.decorations();
    return { browser, page, wb };
  } catch (e) {
    await browser.close();
    throw e;
  }
}

async function takeThemeShot(server, url, ws, file, sidebarFile) {
  const { browser, page, wb } = await openFresh(server, url, ws);
  try {
    await page.waitForTimeout(800);
    await wb.shot(file);
    if (sidebarFile) {
      await wb.entitiesView(SIDEBAR_WIDTH);
      await wb.toggleRow('organization');
      await wb.parkMouse();
      await page.waitForTimeout(800);
      await wb.shot(sidebarFile);
    }
  } finally {
    await browser.close();
  }
}

/** The command palette filtered to the extension's commands, then Tag Selection's first question, in Japanese. */
async function takeLocaleShot(server, url, ws) {
  const { browser, page, wb } = await openFresh(server, url, ws);
  try {
    // With words selected, so the palette offers Tag Selection too (its `when` needs a selection).
    await wb.select(JA_TAG);
    await page.keyboard.press('F1');
    await wb.quickInput().waitFor({ state: 'visible' });
    await page.keyboard.type('Article Annotator: ');
    // The list is sorted by title and only its first rows are drawn.
    await wb.quickInput().locator('.monaco-list-row', { hasText: 'アノテーションをエクスポート' }).waitFor({ timeout: 15_000 });
    await page.waitForTimeout(500);
    await wb.shot('locale-ja-commands.png');
    await page.keyboard.type('選択範囲にタグ付け');
    await wb.quickInput().locator('.monaco-list-row.focused', { hasText: '選択範囲にタグ付け' }).waitFor({ timeout: 15_000 });
    await page.keyboard.press('Enter');
    await wb.quickInput().locator('.monaco-list-row', { hasText: '組織' }).waitFor({ timeout: 15_000 });
    await page.waitForTimeout(500);
    await wb.shot('locale-ja-tag.png');
    await wb.closeQuickInput();
  } catch (e) {
    const file = path.join(os.tmpdir(), `annotator-screenshots-failure-${process.pid}.png`);
    if (await page.screenshot({ path: file, type: 'png' }).then(() => true, () => false)) e.failureShot = file;
    throw e;
  } finally {
    await browser.close();
  }
}

async function main() {
  setup();
  ensureCjkFonts();
  for (const f of ['extension.js', 'cli.js']) {
    if (!fs.existsSync(path.join(P.ROOT, 'dist', f))) throw new SetupError(`dist/${f} is missing: run \`npm run build\` first`);
  }
  const ws = makeWorkspace(['test/fixtures/articles']);
  const ext = linkExtension();
  let server;
  let cleaning;
  const cleanup = () =>
    (cleaning ??= (async () => {
      await server?.stop();
      ws.cleanup();
      ext.cleanup();
    })());
  // code-server runs in its own process group, so Ctrl-C would not reach it (the browser goes by itself).
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      console.error(`screenshots: ${signal}, stopping`);
      cleanup().finally(() => process.exit(130));
    });
  }
  try {
    fs.copyFileSync(SAMPLE, path.join(ws.workspace, path.basename(SAMPLE)));
    for (const a of [JA_ARTICLE, KO_ARTICLE]) log(`${a}: confirmed ${confirmSome(path.join(ws.workspace, a))} entities`);
    server = await startServer({ workspace: ws.workspace, extensionsDir: ext.dir, settings: SETTINGS });
    fs.mkdirSync(OUT_DIR, { recursive: true });
    const started = Date.now();
    try {
      await takeShots(server, workbenchUrl(server, { workspace: ws.workspace }), ws.workspace);
    } catch (e) {
      e.serverLog = tail(server.logFile, 20);
      throw e;
    }
    for (const [theme, file, sidebarFile] of OTHER_THEMES) {
      await server.stop();
      server = await startServer({ workspace: ws.workspace, extensionsDir: ext.dir, settings: { ...SETTINGS, 'workbench.colorTheme': theme, 'workbench.colorCustomizations': {} } });
      await takeThemeShot(server, workbenchUrl(server, { workspace: ws.workspace }), ws.workspace, file, sidebarFile);
    }
    // The Japanese UI (code-server --locale ja; VS Code's own strings stay English offline, see server.js).
    await server.stop();
    server = await startServer({ workspace: ws.workspace, extensionsDir: ext.dir, settings: SETTINGS, locale: 'ja' });
    await takeLocaleShot(server, workbenchUrl(server, { workspace: ws.workspace }), ws.workspace);
    log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await cleanup();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(`screenshots: ${e instanceof SetupError ? e.message : e.stack}`);
    if (e.failureShot) console.error(`screenshots: the page when it failed: ${e.failureShot}`);
    if (e.serverLog) console.error(`screenshots: server log (last lines):\n${e.serverLog}`);
    process.exit(1);
  },
);
