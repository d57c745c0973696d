/**
 * The Corpus Map panel: a webview drawing the workspace's actors and
 * agreements as a network (the page script is src/webview/corpusMap). The
 * extension owns the data: it builds the map from the workspace index with
 * the filters the page asks for, lists a node's mentions, and reveals one
 * in the editor. The page only lays out and draws.
 */
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import { buildCorpusMap, mentionsOf, type CorpusMap, type MapFilter } from '../../core/workspace/corpusMap';
import { ACTOR_TYPES, AGREEMENT_TYPES, type EntityType } from '../../core/model';
import { CMD } from '../commands/ids';
import type { Controller } from '../controller';
import { typeLabel } from '../labels';
import type { WorkspaceIndex } from '../workspaceIndex';
import type { FromPage, MentionItem, PageFilter, PageLabels, ToPage } from './protocol';

/** Nodes drawn until the user asks for all: a map of this size lays out and pans without stutter. */
export const DEFAULT_TOP = 300;
/** Co-mention edges drawn at most (party-of edges always are). */
export const MAX_EDGES = 4000;
/** Mentions listed for one node. */
const MAX_LISTED = 500;

/** What the page reported of its last drawing (tests read it through the API). */
export interface RenderedMap {
  nodes: number;
  edges: number;
  timeline: number;
  /** Node ids drawn, most mentioned first. */
  ids: string[];
  /** The languages the filter offers. */
  languages: string[];
  /** The filter it was drawn with. */
  filter: PageFilter;
}

export class CorpusMapPanel implements vscode.Disposable {
  static readonly viewType = 'articleAnnotator.corpusMap';
  private static current: CorpusMapPanel | undefined;
  private static readonly rendered = new vscode.EventEmitter<RenderedMap>();
  private static readonly listed = new vscode.EventEmitter<{ entity: string; items: MentionItem[] }>();
  /** Fires when the page has drawn a map (after opening and after each filter change). */
  static readonly onDidRender = CorpusMapPanel.rendered.event;
  /** Fires when the page has listed a node's mentions. */
  static readonly onDidList = CorpusMapPanel.listed.event;
  static lastRendered: RenderedMap | undefined;
  /** What the page's Content-Security-Policy blocked, as the page reported it. */
  static readonly cspViolations: Array<{ directive: string; blocked: string }> = [];

  private filter: MapFilter = { top: DEFAULT_TOP, maxEdges: MAX_EDGES };
  private readonly disposables: vscode.Disposable[] = [];
  private refreshTimer: NodeJS.Timeout | undefined;
  private version = 0;
  /** The index changed since the map was last sent. */
  private stale = false;

  static show(extensionUri: vscode.Uri, controller: Controller, index: WorkspaceIndex): CorpusMapPanel {
    if (CorpusMapPanel.current) {
      CorpusMapPanel.current.panel.reveal();
      return CorpusMapPanel.current;
    }
    const media = vscode.Uri.joinPath(extensionUri, 'dist', 'media');
    const panel = vscode.window.createWebviewPanel(CorpusMapPanel.viewType, vscode.l10n.t('Corpus Map'), vscode.ViewColumn.Active, {
      enableScripts: true,
      retainContextWhenHidden: true,
      localResourceRoots: [media],
    });
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'icon.svg');
    return (CorpusMapPanel.current = new CorpusMapPanel(panel, media, controller, index));
  }

  /** The open panel, if any. */
  static get open(): CorpusMapPanel | undefined {
    return CorpusMapPanel.current;
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly media: vscode.Uri,
    private readonly controller: Controller,
    private readonly index: WorkspaceIndex,
  ) {
    panel.webview.html = this.html();
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: FromPage) => void this.receive(m)),
      // Annotations or articles changed: redraw once they settle for a second, and only while the map is
      // in view (building it reads every article's mentions on the extension host).
      index.onDidChange(() => {
        this.stale = true;
        clearTimeout(this.refreshTimer);
        this.refreshTimer = setTimeout(() => this.panel.visible && void this.sendMap(), 1000);
      }),
      panel.onDidChangeViewState(() => this.panel.visible && this.stale && void this.sendMap()),
    );
  }

  /** Posts a message to the page as if it came from the extension (tests drive the page's own handlers with it). */
  post(message: ToPage): Thenable<boolean> {
    return this.panel.webview.postMessage(message);
  }

  /** Handles a message as if the page sent it. */
  async receive(m: FromPage): Promise<void> {
    switch (m.type) {
      case 'ready':
        await this.post({ type: 'labels', labels: labels() });
        await this.sendMap();
        break;
      case 'filter':
        this.filter = {
          types: m.types as EntityType[],
          languages: m.languages,
          top: m.all ? undefined : DEFAULT_TOP,
          maxEdges: m.all ? undefined : MAX_EDGES,
        };
        await this.sendMap();
        break;
      case 'select':
        await this.sendMentions(m.entity);
        break;
      case 'reveal':
        await vscode.commands.executeCommand(CMD.revealMention, { uri: m.uri, start: m.start, end: m.end });
        break;
      case 'rendered':
        CorpusMapPanel.lastRendered = { nodes: m.nodes, edges: m.edges, timeline: m.timeline, ids: m.ids, languages: m.languages, filter: m.filter };
        CorpusMapPanel.rendered.fire(CorpusMapPanel.lastRendered);
        break;
      case 'listed':
        CorpusMapPanel.listed.fire({ entity: m.entity, items: m.items });
        break;
      case 'cspViolation':
        CorpusMapPanel.cspViolations.push({ directive: m.directive, blocked: m.blocked });
        break;
    }
  }

  private async sendMap(): Promise<void> {
    const version = ++this.version;
    this.stale = false;
    const articles = await this.index.articles();
    if (version !== this.version) return; // a newer request is on its way
    const directory = this.controller.directory(articles.flatMap((a) => a.entities));
    const map: CorpusMap = buildCorpusMap(articles, directory, this.filter);
    await this.post({
      type: 'map',
      map,
      filter: { types: [...(this.filter.types ?? [])], languages: [...(this.filter.languages ?? [])], all: this.filter.top === undefined },
      articles: Object.fromEntries(articles.map((a) => [a.file, vscode.workspace.asRelativePath(a.uri)])),
    });
  }

  private async sendMentions(entity: string): Promise<void> {
    const articles = await this.index.articles();
    const found = mentionsOf(articles, entity, this.filter);
    // Only the listed ones get previews: made from the articles on disk, as in the sidebar.
    const listed = found.slice(0, MAX_LISTED).map((r) => ({ ...r, file: r.article.file }));
    const byFile = new Map(articles.map((a) => [a.file, a]));
    await this.index.fillPreviews(listed, (file) => byFile.get(file));
    const items: MentionItem[] = listed.map(({ article, mention, line, preview }) => ({
      uri: article.file,
      article: vscode.workspace.asRelativePath(article.uri),
      start: mention.start,
      end: mention.end,
      text: mention.text,
      line,
      preview: preview ?? mention.text,
    }));
    const name = this.controller.directory(articles.flatMap((a) => a.entities)).name(entity, found[0]?.mention.text);
    await this.post({ type: 'mentions', entity, name, items, total: found.length });
  }

  private html(): string {
    const webview = this.panel.webview;
    const nonce = randomBytes(18).toString('base64');
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.media, 'corpusMap.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(this.media, 'corpusMap.css'));
    // Scripts only with the nonce, styles only from the extension's files; no network at all.
    const csp = [
      "default-src 'none'",
      `script-src 'nonce-${nonce}'`,
      `style-src ${webview.cspSource}`,
      `img-src ${webview.cspSource} data:`,
      `font-src ${webview.cspSource}`,
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="${vscode.env.language}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}">
<title>${escapeHtml(vscode.l10n.t('Corpus Map'))}</title>
</head>
<body>
<div id="app"></div>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
  }

  dispose(): void {
    if (CorpusMapPanel.current === this) CorpusMapPanel.current = undefined;
    clearTimeout(this.refreshTimer);
    this.panel.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** Every word the page shows, in the UI language. */
function labels(): PageLabels {
  const types: Record<string, string> = {};
  for (const t of [...ACTOR_TYPES, ...AGREEMENT_TYPES]) types[t] = typeLabel(t);
  return {
    types,
    title: vscode.l10n.t('Corpus Map'),
    typesHeading: vscode.l10n.t('Types'),
    languagesHeading: vscode.l10n.t('Languages'),
    showAll: vscode.l10n.t('Show all'),
    shown: vscode.l10n.t('{0} of {1} entities, {2} of {3} links, {4} articles'),
    timeline: vscode.l10n.t('Agreements by article date'),
    noDates: vscode.l10n.t('No dated articles mention the agreements shown.'),
    mentionsOf: vscode.l10n.t('Mentions of {0}: {1}'),
    more: vscode.l10n.t('{0} more not listed'),
    pick: vscode.l10n.t('Click a node to list its mentions; click a mention to open it.'),
    empty: vscode.l10n.t('No actors or agreements in the articles of this workspace (or none match the filters).'),
    noWebgl: vscode.l10n.t('The network needs WebGL, which this window does not offer; the timeline and the mention lists still work.'),
    party: vscode.l10n.t('party to'),
    coMention: vscode.l10n.t('named in the same paragraph'),
    line: vscode.l10n.t('line {0}'),
    languageNames: { en: vscode.l10n.t('English'), ja: vscode.l10n.t('Japanese'), ko: vscode.l10n.t('Korean'), zh: vscode.l10n.t('Chinese'), und: vscode.l10n.t('undetermined') },
  };
}
