/**
 * Compiles a KnowledgeBase into the matcher the recognizer runs: one trie of
 * every normalized surface form (entities, blockers, titles, agreement head
 * nouns) and the lookup tables of the compositional rules.
 */
import { KnowledgeBase, surfaceForms } from '../kb';
import type { Entity } from '../kb/schema';
import { normalizeForm } from '../text/normalize';
import { isLatinLetter } from '../text/script';
import { lexicon } from './lexicon';
import { Trie } from './trie';

export const enum Mode {
  /** Matched anywhere its boundaries allow. */
  Free,
  /** Matched only after a title or when its entity is already present. */
  Contextual,
  AbbrJa,
  AbbrKo,
  /** A place, region, event or word that must not yield a mention. */
  Blocker,
  Title,
  Head,
}

export interface FormRef {
  mode: Mode;
  /** Index into CompiledKb.entities; -1 for lexicon entries. */
  entity: number;
  /** All-caps Latin forms (US, NATO, U.S.) must match with their case. */
  exactCase?: string;
  /** Capitalized Latin forms (China, Turkey) must not match a lowercase word. */
  capitalized?: boolean;
  /** Title or head: the language; head: the agreement type. */
  lang?: 'ja' | 'ko' | 'en';
  agreementType?: string;
}

export interface CompiledKb {
  kb: KnowledgeBase;
  trie: Trie<FormRef>;
  entities: Entity[];
  indexOf: Map<string, number>;
  /** `${countryIndex}|${normalized suffix}` → organization index (e.g. russia|国防省 → Russia's MoD). */
  orgBySuffix: Map<string, number>;
}

function latinFlags(form: string): Pick<FormRef, 'exactCase' | 'capitalized'> {
  const nfkc = form.normalize('NFKC');
  const first = nfkc.charCodeAt(0);
  if (!isLatinLetter(first)) return {};
  const letters = nfkc.replace(/[^A-Za-z\u00c0-\u024f]/g, '');
  if (letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return { exactCase: nfkc };
  return nfkc[0] !== nfkc[0].toLowerCase() ? { capitalized: true } : {};
}

export function compile(kb: KnowledgeBase): CompiledKb {
  if (kb.compiled) return kb.compiled as CompiledKb;
  const trie = new Trie<FormRef>();
  const entities = kb.all();
  const indexOf = new Map(entities.map((e, i) => [e.id, i]));
  const drop = new Set([...kb.dropForms].map(normalizeForm));
  const freeForms: string[][] = [];

  entities.forEach((e, i) => {
    const { free, contextual, abbreviations } = surfaceForms(e);
    const norms: string[] = [];
    for (const f of free) {
      const n = normalizeForm(f);
      // One-character names would fire inside any word: those are abbreviations, matched by the compound rules.
      if (n.length < 2 || drop.has(n)) continue;
      trie.add(n, { mode: Mode.Free, entity: i, ...latinFlags(f) });
      norms.push(n);
    }
    freeForms.push(norms);
    for (const f of contextual) {
      const n = normalizeForm(f);
      if (n) trie.add(n, { mode: Mode.Contextual, entity: i, ...latinFlags(f) });
    }
    for (const f of abbreviations.ja) trie.add(normalizeForm(f), { mode: Mode.AbbrJa, entity: i });
    for (const f of abbreviations.ko) trie.add(normalizeForm(f), { mode: Mode.AbbrKo, entity: i });
  });
  for (const b of kb.blockers) trie.add(normalizeForm(b), { mode: Mode.Blocker, entity: -1 });
  for (const lang of ['ja', 'ko'] as const) for (const t of lexicon.titles[lang]) trie.add(t, { mode: Mode.Title, entity: -1, lang });
  for (const t of lexicon.titles.en) trie.add(normalizeForm(t), { mode: Mode.Title, entity: -1, lang: 'en', capitalized: true });
  for (const lang of ['ja', 'ko', 'en'] as const) {
    for (const [head, type] of lexicon.agreementHeads[lang]) {
      trie.add(head, { mode: Mode.Head, entity: -1, lang, agreementType: type });
      if (lang === 'en') trie.add(head + 's', { mode: Mode.Head, entity: -1, lang, agreementType: type });
    }
  }
  trie.add(normalizeForm('treaties'), { mode: Mode.Head, entity: -1, lang: 'en', agreementType: 'treaty' });
  trie.add(normalizeForm('memoranda'), { mode: Mode.Head, entity: -1, lang: 'en', agreementType: 'memorandum' });

  // Organizations written as <country><suffix>: index the suffix under every form of the country,
  // so 露国防省 finds the same entity as ロシア国防省.
  const orgBySuffix = new Map<string, number>();
  entities.forEach((e, i) => {
    if (e.type !== 'organization' || !e.country) return;
    const c = indexOf.get(e.country);
    if (c === undefined) return;
    const countryForms = [...freeForms[c], ...surfaceForms(entities[c]).abbreviations.ja.map(normalizeForm), ...surfaceForms(entities[c]).abbreviations.ko.map(normalizeForm)];
    for (const f of freeForms[i]) {
      for (const cf of countryForms) {
        if (f.length > cf.length && f.startsWith(cf)) {
          const suffix = f.slice(cf.length).replace(/^ /, '');
          if (suffix) orgBySuffix.set(`${c}|${suffix}`, i);
        }
      }
    }
  });

  const compiled: CompiledKb = { kb, trie, entities, indexOf, orgBySuffix };
  kb.compiled = compiled;
  return compiled;
}
