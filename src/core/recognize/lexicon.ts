/** Typed access to the closed word lists in kb/data/lexicon.json, normalized once. */
import raw from '../kb/data/lexicon.json';
import { normalizeForm } from '../text/normalize';
import type { AgreementType } from '../model';

const norm = (xs: string[]) => xs.map(normalizeForm);
const normMap = <T>(m: Record<string, T>): Map<string, T> => new Map(Object.entries(m).map(([k, v]) => [normalizeForm(k), v]));
/** Longest first, so a scan that takes the first hit takes the longest. */
const longestFirst = (xs: string[]) => [...xs].sort((a, b) => b.length - a.length);

export const lexicon = {
  titles: { ja: longestFirst(norm(raw.titles.ja)), ko: longestFirst(norm(raw.titles.ko)), en: longestFirst(raw.titles.en) },
  titleBlockers: { ja: new Set(raw.titleBlockers.ja), ko: new Set(raw.titleBlockers.ko) },
  particles: { ko: longestFirst(raw.particles.ko), ja: longestFirst(raw.particles.ja) },
  koreanSurnames: new Set(raw.koreanSurnames),
  abbreviationPrefixes: { ja: new Set(raw.abbreviationPrefixes.ja), ko: new Set(raw.abbreviationPrefixes.ko) },
  abbreviationPrefixExceptions: new Set(raw.abbreviationPrefixExceptions.ko),
  koreanCompoundFollowers: longestFirst(raw.koreanCompoundFollowers),
  koreanCompoundStopwords: new Set(raw.koreanCompoundStopwords),
  japaneseCompoundStopwords: longestFirst(norm(raw.japaneseCompoundStopwords)),
  armedForces: { ja: normMap(raw.armedForces.ja), ko: normMap(raw.armedForces.ko) },
  armedForcesNotAfter: { ja: new Set(raw.armedForcesNotAfter.ja), ko: new Set(raw.armedForcesNotAfter.ko) },
  ministries: { ja: normMap(raw.ministries.ja as Record<string, string | null>), ko: normMap(raw.ministries.ko), en: longestFirst(Object.keys(raw.ministries.en)).map((k) => [k, (raw.ministries.en as Record<string, string>)[k]] as const) },
  agreementHeads: {
    ja: normMap(raw.agreementHeads.ja as Record<string, AgreementType>),
    ko: normMap(raw.agreementHeads.ko as Record<string, AgreementType>),
    en: normMap(raw.agreementHeads.en as Record<string, AgreementType>),
  },
  agreementHeadNotBefore: { ja: longestFirst(norm(raw.agreementHeadNotBefore.ja)), ko: longestFirst(norm(raw.agreementHeadNotBefore.ko)) },
  agreementConnectors: longestFirst(norm(raw.agreementConnectors.ja)),
  englishCapitalizedOnly: new Set(raw.englishCapitalizedOnly),
  englishHeadNotBefore: new Set(raw.agreementHeadNotBefore.en),
  agreementModifiers: {
    en: new Set(raw.agreementModifiers.en),
    ko: new Set(raw.agreementModifiers.ko),
    procedural: new Set(raw.agreementModifiers.procedural),
    koConcluded: new Set(raw.agreementModifiers.koConcluded),
    koConnectors: new Map(Object.entries(raw.agreementModifiers.koConnectors)),
  },
  agreementTailStops: new Set(raw.agreementTailStops.en),
  dateWords: new Set(raw.agreementTailStops.dateWords),
  agreementQuantifiers: new Set(raw.agreementQuantifiers.en),
  placeSuffixes: longestFirst(norm(raw.placeSuffixes)),
  givenNames: new Set(raw.givenNames.map((n) => n.toLowerCase())),
  nameParticles: { en: new Set(raw.nameParticles.en) },
  mediaSuffixes: { en: raw.mediaSuffixes.en, ja: longestFirst(norm(raw.mediaSuffixes.ja)), ko: longestFirst(raw.mediaSuffixes.ko) },
  mediaPrefixBlockers: new Set(raw.mediaPrefixBlockers.map((w) => normalizeForm(w))),
  orgSubBodies: { ja: normMap(raw.orgSubBodies.ja), ko: normMap(raw.orgSubBodies.ko) },
  bodySuffixes: { en: longestFirst(raw.bodySuffixes.en), ja: longestFirst(norm(raw.bodySuffixes.ja)), ko: longestFirst(norm(raw.bodySuffixes.ko)) },
  legalForms: { en: longestFirst(raw.legalForms.en), ja: longestFirst(norm(raw.legalForms.ja)), ko: longestFirst(norm(raw.legalForms.ko)) },
  groupTitles: { ja: new Set(norm(raw.groupTitles.ja)) },
  platforms: new Set<string>(raw.platforms),
  headlineWords: { en: new Set(raw.headlineWords.en) },
  genericBodyNames: { en: new Set(raw.genericBodyNames.en), ja: new Set(norm(raw.genericBodyNames.ja)), ko: new Set(norm(raw.genericBodyNames.ko)) },
  regions: { ja: longestFirst(norm(raw.regions.ja)), ko: longestFirst(norm(raw.regions.ko)) },
  listOnlyCountries: { ko: normMap(raw.listOnlyCountries.ko) },
  listMarkers: new Set(norm(raw.listMarkers)),
  titleHeads: { en: new Set(raw.titleHeads.en) },
  koreanEndings: longestFirst(raw.koreanEndings.verb),
  koreanCommonNouns: new Set(raw.koreanCommonNouns),
  koreanAdverbs: new Set(raw.koreanAdverbs),
  companySuffixes: { ja: new Set(norm(raw.companySuffixes.ja)), ko: new Set(norm(raw.companySuffixes.ko)) },
  koreanBusinessGroups: new Set(raw.koreanBusinessGroups.ko),
  ministryWords: { ja: new Set(norm(raw.ministryWords.ja)) },
  bodyHeadsOf: { en: longestFirst(raw.bodyHeadsOf.en) },
  parentheticalWords: new Set([...raw.parentheticalWords.ko, ...norm(raw.parentheticalWords.ja)]),
};
