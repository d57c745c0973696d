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
import { BUNDLED_ARTIFACT, readCompiled, type Artifact } from './serialize';
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
  /** All-caps words of a form with other words (START of New START, PLA of PLA Navy), space-separated: they match only in capitals. */
  caps?: string;
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
  /** Every suffix that can follow a country (KB organizations' own, ministries, armed forces), walked once per country hit. */
  suffixes: Trie<Suffix>;
}

export type Suffix =
  | { kind: 'org'; country: number; org: number }
  | { kind: 'ministry' | 'armed'; lang: 'ja' | 'ko'; role: string };

/** A form reference with its case rule: all-caps Latin forms (US, NATO) exact, capitalized ones (China) never lowercase. */
function formRef(mode: Mode, entity: number, form: string): FormRef {
  const c0 = form.charCodeAt(0);
  // Only Latin forms (ASCII or full-width) have case rules.
  if (!isLatinLetter(c0) && !(c0 >= 0xff21 && c0 <= 0xff5a)) return { mode, entity };
  const nfkc = form.normalize('NFKC');
  let upper = 0;
  let lower = 0;
  for (let i = 0; i < nfkc.length; i++) {
    const ch = nfkc[i];
    if (ch !== ch.toLowerCase()) upper++;
    else if (ch !== ch.toUpperCase()) lower++;
  }
  if (upper >= 2 && lower === 0) return { mode, entity, exactCase: nfkc };
  const ref: FormRef = upper > 0 && nfkc[0] !== nfkc[0].toLowerCase() ? { mode, entity, capitalized: true } : { mode, entity };
  const caps = nfkc.split(/[^\p{L}\p{N}.]+/u).filter((w) => (w.match(/\p{Lu}/gu)?.length ?? 0) >= 2 && w === w.toUpperCase());
  if (caps.length) ref.caps = caps.join(' ');
  return ref;
}

/**
 * The matcher for `kb`, made once per KB instance. The built-in KB loads the one the build
 * compiled (serialize.ts) when it is there and made by this very build; any other KB, such
 * as a workspace overlay, is compiled here. `artifact`: the one to try (tests pass their own).
 */
export function compile(kb: KnowledgeBase, artifact: Artifact | undefined = BUNDLED_ARTIFACT): CompiledKb {
  if (kb.compiled) return kb.compiled as CompiledKb;
  const compiled = (kb.isBuiltin && artifact ? readCompiled(artifact.file, kb, artifact.fingerprint) : undefined) ?? compileKb(kb);
  kb.compiled = compiled;
  return compiled;
}

/** Compiles `kb` from its forms (not cached on the KB: compile() does that). */
export function compileKb(kb: KnowledgeBase): CompiledKb {
  const trie = new Trie<FormRef>();
  const entities = kb.all();
  const indexOf = new Map(entities.map((e, i) => [e.id, i]));
  const drop = new Set([...kb.dropForms].map(normalizeForm));
  const freeForms: string[][] = [];
  const abbreviationForms: string[][] = [];

  entities.forEach((e, i) => {
    const { free, contextual, abbreviations } = surfaceForms(e);
    abbreviationForms.push([...abbreviations.ja, ...abbreviations.ko].map(normalizeForm));
    const norms: string[] = [];
    for (const f of free) {
      const n = normalizeForm(f);
      // One-character names would fire inside any word: those are abbreviations, matched by the compound rules.
      if (n.length < 2 || drop.has(n)) continue;
      trie.add(n, formRef(Mode.Free, i, f));
      norms.push(n);
    }
    freeForms.push(norms);
    for (const f of contextual) {
      const n = normalizeForm(f);
      if (n) trie.add(n, formRef(Mode.Contextual, i, f));
    }
    abbreviations.ja.forEach((_, k) => trie.add(abbreviationForms[i][k], { mode: Mode.AbbrJa, entity: i }));
    abbreviations.ko.forEach((_, k) => trie.add(abbreviationForms[i][abbreviations.ja.length + k], { mode: Mode.AbbrKo, entity: i }));
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
  const byFirstUnit = new Map<number, Map<number, string[]>>();
  const formsByFirstUnit = (c: number): Map<number, string[]> => {
    let m = byFirstUnit.get(c);
    if (!m) {
      m = new Map();
      for (const f of [...freeForms[c], ...abbreviationForms[c]]) {
        const a = m.get(f.charCodeAt(0));
        if (a) a.push(f);
        else m.set(f.charCodeAt(0), [f]);
      }
      byFirstUnit.set(c, m);
    }
    return m;
  };
  entities.forEach((e, i) => {
    if (e.type !== 'organization' || !e.country) return;
    const c = indexOf.get(e.country);
    if (c === undefined) return;
    const countryForms = formsByFirstUnit(c);
    for (const f of freeForms[i]) {
      for (const cf of countryForms.get(f.charCodeAt(0)) ?? []) {
        if (f.length > cf.length && f.startsWith(cf)) {
          const suffix = f.slice(cf.length).replace(/^ /, '');
          if (suffix) orgBySuffix.set(`${c}|${suffix}`, i);
        }
      }
    }
  });

  const suffixes = new Trie<Suffix>();
  for (const [key, org] of orgBySuffix) {
    const bar = key.indexOf('|');
    suffixes.add(key.slice(bar + 1), { kind: 'org', country: Number(key.slice(0, bar)), org });
  }
  for (const lang of ['ja', 'ko'] as const) {
    for (const [suffix, role] of lexicon.ministries[lang]) if (role) suffixes.add(suffix, { kind: 'ministry', lang, role });
    for (const [suffix, role] of lexicon.armedForces[lang]) suffixes.add(suffix, { kind: 'armed', lang, role });
  }

  return { kb, trie, entities, indexOf, orgBySuffix, suffixes };
}
