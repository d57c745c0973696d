/**
 * Knowledge-base schema. Curated data files in ./data and the workspace
 * knowledge base file are both validated by these zod schemas.
 */
import { z } from 'zod';
import { ACTOR_TYPES, AGREEMENT_TYPES, KINDS } from '../model';

export const LANGS = ['ja', 'ko', 'en', 'zh', 'vi'] as const;
export type Lang = (typeof LANGS)[number];

const forms = z.array(z.string().min(1));

export const Qid = z.string().regex(/^Q[1-9][0-9]*$/);

export const EntitySchema = z
  .object({
    /** Stable lowercase key, e.g. "russia", "vladimir-putin", "unclos". */
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    kind: z.enum(KINDS),
    type: z.enum([...ACTOR_TYPES, ...AGREEMENT_TYPES]),
    /** Wikidata QID only where certain; null otherwise. Never invented. */
    qid: Qid.nullable().default(null),
    /** Names per language; the first `en` name is the canonical display name. */
    names: z.object(Object.fromEntries(LANGS.map((l) => [l, forms.optional()])) as Record<Lang, z.ZodOptional<typeof forms>>),
    /** Other surface forms matched anywhere (acronyms, everyday forms, spellings). */
    aliases: forms.default([]),
    /**
     * Forms matched only in context: followed by a title or honorific, or after
     * another form of the same entity in the article (surnames such as 岩屋, 林).
     */
    contextual: forms.default([]),
    /** Countries: ISO 3166-1 alpha-2 code; names from i18n-iso-countries are merged in by the loader. */
    iso2: z.string().regex(/^[A-Z]{2}$/).optional(),
    /** Countries: one-character abbreviations used in compounds (ja 日 米, ko 한 미). */
    abbreviations: z.object({ ja: forms.optional(), ko: forms.optional() }).optional(),
    /** Agreements: the parties' entity ids. */
    parties: z.array(z.string()).optional(),
    /**
     * Organizations: the country it belongs to (entity id), where one does. Persons: the
     * country whose office they hold or held (heads, ministers, ambassadors, central bankers,
     * national politicians); none for heads of international bodies or business leaders.
     */
    country: z.string().optional(),
    note: z.string().optional(),
  })
  .strict()
  .refine((e) => (e.kind === 'actor') === (ACTOR_TYPES as readonly string[]).includes(e.type), {
    message: 'kind and type disagree',
  });

export type Entity = z.infer<typeof EntitySchema>;

/** A curated data file: its entities and where they come from. */
export const KbFileSchema = z
  .object({
    $schema: z.string().optional(),
    description: z.string(),
    /** Where the facts come from (reference works, official sites), per file. */
    sources: z.array(z.string()).min(1),
    entities: z.array(EntitySchema),
  })
  .strict();

export type KbFile = z.infer<typeof KbFileSchema>;

/**
 * The workspace knowledge base (article-annotator.kb.json at the corpus root):
 * entities that are new or override a built-in one with the same id (their
 * forms are added to the built-in ones), and aliases added to any entity.
 */
export const WorkspaceKbSchema = z
  .object({
    $schema: z.string().optional(),
    version: z.literal(1),
    entities: z.array(EntitySchema).default([]),
    aliases: z.array(z.object({ entity: z.string(), forms: forms.min(1) }).strict()).default([]),
    /** Forms rejected everywhere: never suggested in any article of the workspace (Reject Everywhere). */
    rejected: forms.default([]),
  })
  .strict();

export type WorkspaceKb = z.infer<typeof WorkspaceKbSchema>;

export const WORKSPACE_KB_FILE = 'article-annotator.kb.json';
