/**
 * Countries come from i18n-iso-countries (every ISO 3166-1 entry, names in
 * ja/ko/en/zh/vi); data/countries.json adds ids, QIDs, everyday forms and
 * abbreviations by iso2, and polities the standard lacks.
 */
// The library without its node entry, which registers all ~80 locales: five are used, registered below
// (the others cost every bundle and thread ~1.5 MB of code and their parse time).
import countries from 'i18n-iso-countries/index';
import ja from 'i18n-iso-countries/langs/ja.json';
import ko from 'i18n-iso-countries/langs/ko.json';
import en from 'i18n-iso-countries/langs/en.json';
import zh from 'i18n-iso-countries/langs/zh.json';
import vi from 'i18n-iso-countries/langs/vi.json';
import type { Entity, Lang } from './schema';

const LOCALES = { ja, ko, en, zh, vi } as const;
let registered = false;

function slug(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Vietnamese short names such as "Anh" or "Nga" collide with words and given names in other languages. */
function usable(lang: Lang, name: string): boolean {
  // eslint-disable-next-line no-control-regex -- \x00-\x7f is ASCII: a name with any other letter is specific enough
  if (lang === 'vi') return name.length >= 6 || /[^\x00-\x7f]/.test(name) && name.length >= 4;
  return name.length >= 2;
}

/** Merge the library's countries with the curated entries (matched by iso2). */
export function isoCountries(curated: Entity[]): Entity[] {
  if (!registered) {
    for (const locale of Object.values(LOCALES)) countries.registerLocale(locale);
    registered = true;
  }
  const byIso = new Map(curated.filter((e) => e.iso2).map((e) => [e.iso2!, e]));
  // getNames builds the whole table on every call: take each language's table once.
  const tables = Object.fromEntries((Object.keys(LOCALES) as Lang[]).map((l) => [l, countries.getNames(l, { select: 'all' }) as Record<string, string[]>]));
  const english = countries.getNames('en', { select: 'official' }) as Record<string, string>;
  const out: Entity[] = [];
  for (const iso2 of Object.keys(countries.getAlpha2Codes())) {
    const base = byIso.get(iso2);
    const names: Entity['names'] = {};
    for (const lang of Object.keys(LOCALES) as Lang[]) {
      const lib = tables[lang][iso2] ?? [];
      const merged = [...(base?.names[lang] ?? []), ...lib.filter((n) => usable(lang, n))];
      if (merged.length) names[lang] = [...new Set(merged)];
    }
    out.push({
      ...(base ?? { kind: 'actor', type: 'country', qid: null, aliases: [], contextual: [] }),
      id: base?.id ?? slug(english[iso2] ?? iso2),
      iso2,
      names,
    } as Entity);
    byIso.delete(iso2);
  }
  // Curated polities without an ISO code (Soviet Union, Kosovo where absent...).
  const rest = curated.filter((e) => !e.iso2 || byIso.has(e.iso2));
  return [...out, ...rest];
}
