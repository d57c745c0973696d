/**
 * Which of an entity's names the views show (setting `articleAnnotator.displayNames`):
 * the article's language (上川陽子 in a Japanese article, 미국 in a Korean one), the
 * UI's, or English. Sidecars and exports keep the canonical English name; only
 * what is shown changes.
 */
import { LANGS, type Lang } from './schema';

export const DISPLAY_NAME_MODES = ['article', 'ui', 'en'] as const;
export type DisplayNameMode = (typeof DISPLAY_NAME_MODES)[number];

/** A language tag (ja, ko-KR, zh-cn, en-US) as a language the knowledge base names entities in. */
export function kbLang(tag: string | undefined): Lang | undefined {
  const primary = tag?.toLowerCase().split(/[-_]/)[0];
  return (LANGS as readonly string[]).includes(primary ?? '') ? (primary as Lang) : undefined;
}

/**
 * The language of the names to show. `article` takes the article's language (for the
 * Workspace scope, the one most of its articles are in: see mainLanguage), else the
 * UI's; a language the knowledge base has no names in falls back to English.
 */
export function nameLanguage(mode: DisplayNameMode, articleLanguage: string | undefined, uiLanguage: string): Lang {
  if (mode === 'en') return 'en';
  const ui = kbLang(uiLanguage);
  if (mode === 'ui') return ui ?? 'en';
  return kbLang(articleLanguage) ?? ui ?? 'en';
}

/** The language most of `languages` are in (the first of those tied), ignoring unknown ones. */
export function mainLanguage(languages: Iterable<string | undefined>): string | undefined {
  const counts = new Map<string, number>();
  for (const l of languages) {
    const lang = kbLang(l);
    if (lang) counts.set(lang, (counts.get(lang) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const [lang, n] of counts) if (best === undefined || n > counts.get(best)!) best = lang;
  return best;
}

/** The first name in `lang`, else the first English name, else the first name in any language. */
export function nameIn(names: Partial<Record<Lang, readonly string[]>>, lang: Lang): string | undefined {
  return names[lang]?.[0] ?? names.en?.[0] ?? Object.values(names).find((n) => n?.length)?.[0];
}
