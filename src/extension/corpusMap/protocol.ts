/**
 * Messages between the Corpus Map page (src/webview/corpusMap) and the
 * extension. Types only: both sides import them, neither imports the other.
 */
import type { CorpusMap } from '../../core/workspace/corpusMap';

export interface PageFilter {
  types: string[];
  languages: string[];
  /** Every node and edge, not only the most mentioned. */
  all: boolean;
}

export interface MentionItem {
  /** The article's URI string (the workspace index's key) and the mention's code point span. */
  uri: string;
  /** The article's path relative to the workspace. */
  article: string;
  start: number;
  end: number;
  text: string;
  /** 0-based line. */
  line?: number;
  /** The line around the mention. */
  preview: string;
}

export interface PageLabels {
  title: string;
  types: Record<string, string>;
  typesHeading: string;
  languagesHeading: string;
  showAll: string;
  /** {0} of {1} entities, {2} of {3} links, {4} articles */
  shown: string;
  timeline: string;
  noDates: string;
  /** {0}: name, {1}: count */
  mentionsOf: string;
  more: string;
  pick: string;
  empty: string;
  noWebgl: string;
  party: string;
  coMention: string;
  line: string;
  languageNames: Record<string, string>;
}

export type ToPage =
  | { type: 'labels'; labels: PageLabels }
  | { type: 'map'; map: CorpusMap; filter: PageFilter; articles: Record<string, string> }
  | { type: 'mentions'; entity: string; name: string; items: MentionItem[]; total: number }
  // Tests drive the page's own controls with these, the way a click would.
  | { type: 'test:click'; entity: string }
  | { type: 'test:clickMention'; index: number }
  | { type: 'test:toggleType'; value: string }
  | { type: 'test:toggleLanguage'; value: string }
  | { type: 'test:showAll' };

export type FromPage =
  | { type: 'ready' }
  | ({ type: 'filter' } & PageFilter)
  | { type: 'select'; entity: string }
  | { type: 'reveal'; uri: string; start: number; end: number }
  | { type: 'rendered'; nodes: number; edges: number; timeline: number; ids: string[]; languages: string[]; filter: PageFilter }
  | { type: 'listed'; entity: string; items: MentionItem[] }
  // Anything the Content-Security-Policy blocked (there should never be any).
  | { type: 'cspViolation'; directive: string; blocked: string };
