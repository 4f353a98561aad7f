/**
 * The shape of Kotae's curated content files. This is the contract between `content/`
 * (files, validator, CSV), `cms/` (seed, collections) and `search-indexer/` (documents).
 * Every field carries a JSDoc with its default where it has one.
 */
import { z } from 'zod'

import { facetDimensionRefs, facetFormTooShort, findFacetIssues } from './facets'

/** A stable, URL-safe id: lowercase ASCII words joined by hyphens (e.g. `card-renewal-when`). */
export const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase ASCII words joined by hyphens (a-z, 0-9, -)')
  .max(80)

/** A calendar date written `YYYY-MM-DD`. */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((s) => {
    // Date.parse accepts 2027-02-30 (rolling over to March), so compare the parts back.
    const d = new Date(`${s}T00:00:00Z`)
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s
  }, 'is not a real calendar date')

export const localeSchema = z.enum(['ja', 'en'])
export type Locale = z.infer<typeof localeSchema>

/** Who may read an entry: everyone, or call-center staff only. */
export const audienceSchema = z.enum(['public', 'operator'])

/** Who goes to the counter; what to bring differs by case. */
export const bringCaseSchema = z.enum(['self', 'proxy', 'child', 'foreign'])
export type BringCase = z.infer<typeof bringCaseSchema>

/** One thing to bring (a document or an item), structured rather than prose. */
export const requiredItemSchema = z.object({
  /** What to bring, e.g. `マイナンバーカード`. */
  item: z.string().min(1).max(120),
  /** A caveat, e.g. `有効期限内のもの`. Default: none. */
  note: z.string().max(300).optional(),
  /** `item` in English for /en/ pages (in a Japanese FAQ or guide). Default: none, the Japanese is shown marked as such. */
  itemEn: z.string().min(1).max(160).optional(),
  /** `note` in English. Default: none. */
  noteEn: z.string().min(1).max(400).optional(),
  /** The cases this item applies to. Default: every case. */
  cases: z.array(bringCaseSchema).optional(),
  /** Whether it can be omitted in some situations. Default: required. */
  optional: z.boolean().default(false),
})
export type RequiredItem = z.infer<typeof requiredItemSchema>

/** An official source (sources.yaml). */
export const sourceSchema = z.object({
  id: slugSchema,
  title: z.string().min(1).max(200),
  /** Who published it, e.g. `デジタル庁`, `地方公共団体情報システム機構（J-LIS）`. */
  publisher: z.string().min(1).max(120),
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
  /** When a person last checked the page. */
  checkedAt: isoDateSchema,
})
export type Source = z.infer<typeof sourceSchema>

/** A topic category (categories.yaml). */
export const categorySchema = z.object({
  id: slugSchema,
  /** Japanese name shown to citizens and operators. */
  name: z.string().min(1).max(60),
  /** English name for /en/. */
  nameEn: z.string().min(1).max(80),
  description: z.string().max(300).optional(),
  /** `description` in English for /en/. Default: none (an English page then shows no description). */
  descriptionEn: z.string().min(1).max(400).optional(),
  /** Display order, ascending. Default: 100. */
  order: z.number().int().default(100),
})
export type Category = z.infer<typeof categorySchema>

/**
 * Per-FAQ facet override: dimension id → value ids from facets.yaml, e.g.
 * `facets: { action: [move-in], who: [] }`. A listed dimension replaces what the search would
 * derive from the FAQ's text; an empty list means "this FAQ has no value in that dimension"; a
 * dimension left out is derived automatically. Set it only where automatic detection would be
 * wrong or ambiguous against a neighbouring FAQ (moving in vs out, card vs certificate renewal,
 * child vs adult, found vs lost, proxy vs self). validate.ts checks the ids.
 */
export const faqFacetsSchema = z.record(slugSchema, z.array(slugSchema))
export type FaqFacets = z.infer<typeof faqFacetsSchema>

/** A furigana override's word (see {@link readingsSchema}). */
export const readingWordSchema = z
  .string()
  .min(1)
  .max(30)
  .regex(/\p{Script=Han}/u, 'must contain a kanji: only kanji get furigana')
/** A furigana override's reading (see {@link readingsSchema}). */
export const readingTextSchema = z
  .string()
  .min(1)
  .max(60)
  .regex(/^[\p{Script=Hiragana}ー～・]+$/u, 'must be written in hiragana')
/**
 * Furigana overrides: word → its reading in hiragana, e.g. `readings: { 東広島: ひがしひろしま }`.
 * The site reads kanji with the kuromoji dictionary at build time; an override wins where the
 * dictionary is wrong (a proper noun, a word read otherwise in this context). Per FAQ, and
 * city-wide in city.yaml (the CMS holds both as rows of word and reading: faq/readings.ts).
 */
export const readingsSchema = z.record(readingWordSchema, readingTextSchema)
export type Readings = z.infer<typeof readingsSchema>

/** Publication state of a curated entry. */
export const statusSchema = z.enum(['draft', 'published'])

/** The front matter of one FAQ file (`faqs/<locale>/<id>.md`); the Markdown body is the full answer. */
export const faqFrontMatterSchema = z.object({
  id: slugSchema,
  /** The question as a citizen would write it. */
  question: z.string().min(4).max(200),
  /** How callers really say it (colloquial, hiragana, short). At least three. */
  alternatives: z.array(z.string().min(2).max(200)).min(3),
  /** One or two sentences an operator can read aloud. ≤ 80 characters. */
  shortAnswer: z.string().min(4).max(80),
  /** Category id from categories.yaml. */
  category: slugSchema,
  /** Free tags. Default: none. */
  tags: z.array(z.string().min(1).max(40)).default([]),
  /** Default: `public`. */
  audience: audienceSchema.default('public'),
  /** Notes for operators only; never published. Default: none. */
  operatorNotes: z.string().max(2000).optional(),
  /** Source ids from sources.yaml. At least one. */
  sources: z.array(slugSchema).min(1),
  /** Ids of the fact-sheet bullets this answer rests on (e.g. `VAL-01`). Default: none. */
  facts: z.array(z.string().regex(/^[A-Z]{2,5}-\d{2}$/, 'must look like VAL-01')).default([]),
  /** What to bring. Default: nothing. */
  bring: z.array(requiredItemSchema).default([]),
  /** Related FAQ ids. Default: none. */
  related: z.array(slugSchema).default([]),
  /** Date by which a person must review this answer again. */
  reviewBy: isoDateSchema,
  /** Default: `ja`. */
  locale: localeSchema.default('ja'),
  /** For a translation: the id of the Japanese FAQ it translates. */
  translationOf: slugSchema.optional(),
  /** True when the answer rests on a 要確認 fact and a reviewer must look again. Default: false. */
  needsReview: z.boolean().default(false),
  /** Default: `published`. */
  status: statusSchema.default('published'),
  /** Facet override (see {@link faqFacetsSchema}): dimension id → value ids. Default: none, every dimension derived. */
  facets: faqFacetsSchema.optional(),
  /** Furigana overrides for this FAQ (see {@link readingsSchema}). Default: none. */
  readings: readingsSchema.optional(),
  /**
   * The answer in やさしい日本語 (Markdown, usually a `|` block): short sentences, one idea each,
   * common words, the answer's own facts and nothing more. Japanese FAQs only; stricter readability
   * rules than the answer's (`easyProblems`, readability/readability.ts). Shown on the FAQ's page
   * under 「やさしい日本語」, with furigana; not searched. Default: none.
   */
  easy: z.string().trim().min(20).max(3000).optional(),
})
export type FaqFrontMatter = z.infer<typeof faqFrontMatterSchema>

/** A loaded FAQ: front matter plus the Markdown body (the full answer). */
export type Faq = FaqFrontMatter & { answer: string; file: string }

/** One step of a procedure guide. */
export const guideStepSchema = z.object({
  title: z.string().min(1).max(120),
  detail: z.string().min(1).max(1500),
  /** `title` in English for /en/ pages. Default: none. */
  titleEn: z.string().min(1).max(160).optional(),
  /** `detail` in English. Default: none. */
  detailEn: z.string().min(1).max(2000).optional(),
})

/** What to bring for one case of a procedure. */
export const guideBringSchema = z.object({
  case: bringCaseSchema,
  items: z.array(requiredItemSchema).min(1),
})

/** Procedures a guide can describe. */
export const procedureSchema = z.enum([
  'application',
  'pickup',
  'card-renewal',
  'certificate-renewal',
  'pin-reset',
  'health-insurance',
  'lost-card',
  'moving',
  'other',
])
export type Procedure = z.infer<typeof procedureSchema>

/** The front matter of one guide file (`guides/<locale>/<id>.md`); the body is an optional introduction. */
export const guideFrontMatterSchema = z.object({
  id: slugSchema,
  title: z.string().min(2).max(120),
  procedure: procedureSchema,
  /** One or two sentences. */
  summary: z.string().min(4).max(300),
  category: slugSchema,
  steps: z.array(guideStepSchema).min(1),
  bring: z.array(guideBringSchema).default([]),
  /** Where to go (counter, online, by post). */
  where: z.string().min(1).max(500),
  /** When (hours, how long it takes). */
  when: z.string().min(1).max(500),
  /**
   * The guide in English for /en/ pages: `titleEn`, `summaryEn`, `whereEn`, `whenEn` and `bodyEn`
   * (Markdown, where the body is not empty) here, `titleEn`/`detailEn` on each step and
   * `itemEn`/`noteEn` on each item. A guide has all of them or none (the loader names a missing
   * one). Default: none, the Japanese is shown, marked as Japanese.
   */
  titleEn: z.string().min(2).max(160).optional(),
  summaryEn: z.string().min(4).max(400).optional(),
  whereEn: z.string().min(1).max(700).optional(),
  whenEn: z.string().min(1).max(700).optional(),
  bodyEn: z.string().min(1).max(3000).optional(),
  sources: z.array(slugSchema).min(1),
  facts: z.array(z.string().regex(/^[A-Z]{2,5}-\d{2}$/)).default([]),
  related: z.array(slugSchema).default([]),
  reviewBy: isoDateSchema,
  locale: localeSchema.default('ja'),
  needsReview: z.boolean().default(false),
  status: statusSchema.default('published'),
})
export type GuideFrontMatter = z.infer<typeof guideFrontMatterSchema>
export type Guide = GuideFrontMatter & { body: string; file: string }

/** synonyms.yaml: groups of terms that mean the same thing to a caller. */
export const synonymGroupSchema = z.object({
  /** The preferred term first. At least two terms. */
  terms: z.array(z.string().min(1).max(40)).min(2),
  note: z.string().max(200).optional(),
})
export const synonymsFileSchema = z.object({ groups: z.array(synonymGroupSchema) })
export type SynonymGroup = z.infer<typeof synonymGroupSchema>

/**
 * One word or phrase that, found in a question, says it is about a facet value (`転入`, `引っ越してきた`).
 * Matched on normalized text (`facetFormKey` in facets.ts); no spaces; at least two
 * characters after folding, or one kanji.
 */
export const facetFormSchema = z
  .string()
  .min(1)
  .max(40)
  .regex(/^\S+$/u, 'must not contain spaces (a form is one run of text)')
  .superRefine((form, ctx) => {
    const short = facetFormTooShort(form)
    if (short) ctx.addIssue({ code: 'custom', message: short })
  })

/** One value of a facet dimension (facets.yaml), e.g. `move-in` of `action`. */
export const facetValueSchema = z.strictObject({
  id: slugSchema,
  /** Short polite Japanese an operator or a citizen can tap on: `東広島市への転入`. */
  name: z.string().min(1).max(30),
  /** How questions say it; each form in one place only in the file (after normalization). At least one. */
  forms: z.array(facetFormSchema).min(1),
})
export type FacetValue = z.infer<typeof facetValueSchema>

/** One dimension of the facet vocabulary: what a question is about along one axis (`who`, `action`). */
export const facetDimensionSchema = z.strictObject({
  id: slugSchema,
  /** Short polite Japanese, e.g. `どなたの`. */
  name: z.string().min(1).max(30),
  /** Value ids are unique within the dimension. At least one value. */
  values: z.array(facetValueSchema).min(1),
  /**
   * Found in questions only: an FAQ never carries it (no agreement, contradiction or ask-back), and
   * the confidence model reads it (a question about another procedure of the city). Default: false.
   */
  questionOnly: z.boolean().optional(),
})
export type FacetDimension = z.infer<typeof facetDimensionSchema>

/** facets.yaml without the file-wide checks (the loader reports those through validate.ts). */
export const facetsFileShapeSchema = z.strictObject({ dimensions: z.array(facetDimensionSchema).min(1) })

/**
 * facets.yaml: the facet vocabulary. Dimension ids unique; value ids unique per dimension; every
 * form in one place only in the file, after normalization (see facets.ts).
 */
export const facetsFileSchema = facetsFileShapeSchema.superRefine((file, ctx) => {
  for (const issue of findFacetIssues(facetDimensionRefs(file)))
    ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message })
})
export type FacetsFile = z.infer<typeof facetsFileSchema>

/** Hours of a regular weekly opening, `HH:MM` in Asia/Tokyo. */
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (24-hour)')

/** An opening on given weekdays, optionally only on given weeks of the month (e.g. the 2nd and 4th Sunday). */
export const openingRuleSchema = z.object({
  label: z.string().min(1).max(80),
  /** `label` in English for /en/ pages. Default: none. */
  labelEn: z.string().min(1).max(120).optional(),
  /** 0 = Sunday … 6 = Saturday. */
  weekdays: z.array(z.number().int().min(0).max(6)).min(1),
  /** 1–5 = which occurrence of that weekday in the month. Default: every week. */
  weeksOfMonth: z.array(z.number().int().min(1).max(5)).optional(),
  opens: hhmm,
  closes: hhmm,
  /** Whether the opening is cancelled on a national holiday. Default: true. */
  closedOnHolidays: z.boolean().default(true),
})
export type OpeningRule = z.infer<typeof openingRuleSchema>

/** The shortest and longest retention period a city profile may set, in months. */
export const RETENTION_MONTHS_MIN = 1
export const RETENTION_MONTHS_MAX = 120

/**
 * A retention period in whole months. A record of a month is deleted or anonymized once this many
 * months have passed since the end of that month (12 = a record of 2026-10 goes on 2027-11-01).
 * More than 120 (ten years) is refused as a likely typo (days written as months); 0 or less would
 * throw away today's records.
 */
export const retentionMonthsSchema = z
  .number({ error: 'must be a number of months' })
  .int('must be a whole number of months')
  .min(RETENTION_MONTHS_MIN, `must be at least ${RETENTION_MONTHS_MIN} month`)
  .max(RETENTION_MONTHS_MAX, `must be at most ${RETENTION_MONTHS_MAX} months (10 years)`)

/**
 * How long each kind of record is kept (`retentionMonths` in city.yaml), in months after the end of
 * the month it was recorded in; the CMS's daily retention run applies it (cms/src/retention,
 * docs/decisions/0029). The defaults are Kotae's proposal, each with its reason in city.yaml and
 * content/README.md: the city confirms them against its own 文書管理規程 and the contract.
 */
export const retentionSchema = z.strictObject({
  /** 問い合わせ記録: summary, callback name/phone/time and caller pseudonym are cleared; the figures stay. Default: 24. */
  calls: retentionMonthsSchema.default(24),
  /** エスカレーション: summary and 市民課's answer are cleared (open ones are kept); the figures stay. Default: 24. */
  escalations: retentionMonthsSchema.default(24),
  /** 電話システム記録: the caller pseudonym is cleared; the times stay. Default: 24. */
  telephonyRecords: retentionMonthsSchema.default(24),
  /** Call transcripts: deleted after this period, from the call's start. Default: 3. */
  transcripts: retentionMonthsSchema.default(3),
  /** サイト利用記録 other than searches (FAQ views, helpful votes with their reasons, ask-back choices): deleted. Default: 13. */
  siteEvents: retentionMonthsSchema.default(13),
  /** Search logs: the site's search and zero-result events (deleted) and the desk's search words on calls (cleared). Default: 6. */
  searchLogs: retentionMonthsSchema.default(6),
  /** 操作履歴 (audit log): deleted. Default: 60. */
  auditLog: retentionMonthsSchema.default(60),
})
export type Retention = z.infer<typeof retentionSchema>
export type RetentionKind = keyof Retention

/** Every period at its default. */
export const RETENTION_DEFAULTS: Retention = retentionSchema.parse({})

/**
 * The call center's counting rules, printed on every report with the hours above (the centre's
 * hours are the profile's `hours`, `yearEndClosure` and `closedDates`; calls outside them are counted
 * apart). The defaults are the contract's: every queue, 5 s short abandons, 80 % within 20 s.
 */
export const callCenterSchema = z.strictObject({
  /** The PBX queues that are the centre's (others, e.g. 総合案内, are left out). Empty: every queue. */
  queues: z.array(z.string().trim().min(1)).default([]),
  /** An unanswered call gone within this many seconds is a short abandon, out of every rate. */
  shortAbandonSeconds: z.number().finite().min(0).max(60).default(5),
  /** Service level: answered within this many seconds… */
  serviceLevelSeconds: z.number().finite().min(1).max(600).default(20),
  /** …for at least this share of calls (0–1). */
  serviceLevelTarget: z.number().finite().min(0).max(1).default(0.8),
})
export type CallCenterRules = z.infer<typeof callCenterSchema>
/** Every rule at its default. */
export const CALL_CENTER_DEFAULTS: CallCenterRules = callCenterSchema.parse({})

export const cityProfileSchema = z.object({
  name: z.string().min(1),
  nameEn: z.string().min(1),
  /** 全国地方公共団体コード (6 digits incl. check digit). */
  localGovernmentCode: z.string().regex(/^\d{6}$/, 'must be the 6-digit 全国地方公共団体コード'),
  phones: z.array(
    z.object({
      label: z.string().min(1),
      /** `label` in English for /en/ pages. Default: none, the Japanese is shown marked as such. */
      labelEn: z.string().min(1).max(200).optional(),
      number: z.string().regex(/^[0-9-]+$/, 'must be digits and hyphens'),
      /** True where the number is a placeholder to fill in before going live. Default: false. */
      placeholder: z.boolean().default(false),
    }),
  ),
  counters: z.array(
    z
      .object({
        name: z.string().min(1),
        /** `name` in English. Default: none. */
        nameEn: z.string().min(1).max(120).optional(),
        address: z.string().min(1),
        /** True where the address is not known yet (written 要確認…): the public site never shows it. */
        placeholder: z.boolean().default(false),
      })
      // An address still to confirm must be marked, so the site leaves it out.
      .refine((c) => c.placeholder || !c.address.includes('要確認'), {
        path: ['placeholder'],
        message: 'must be true: the address says 要確認',
      }),
  ),
  /** Weekly openings; the first is the regular weekday opening. */
  hours: z.array(openingRuleSchema).min(1),
  /** Closed every year from 12/29 to 1/3 (written MM-DD). */
  yearEndClosure: z.object({
    from: z.string().regex(/^\d{2}-\d{2}$/),
    to: z.string().regex(/^\d{2}-\d{2}$/),
  }),
  /** Extra closed days (YYYY-MM-DD). Default: none. */
  closedDates: z.array(isoDateSchema).default([]),
  notices: z
    .array(
      z.object({
        title: z.string().min(1),
        body: z.string().min(1),
        /** `title` and `body` in English for /en/ pages. Default: none, the Japanese is shown marked as such. */
        titleEn: z.string().min(1).max(200).optional(),
        bodyEn: z.string().min(1).max(1000).optional(),
        until: isoDateSchema.optional(),
      }),
    )
    .default([]),
  /** City-wide furigana overrides (see {@link readingsSchema}): place names, the city's own words. Default: none. */
  readings: readingsSchema.optional(),
  /** How the reports count the call center's calls ({@link callCenterSchema}). Default: every rule at its default. */
  callCenter: callCenterSchema.prefault({}),
  /** How long each kind of record is kept, in months ({@link retentionSchema}). Default: every period at its default. */
  retentionMonths: retentionSchema.prefault({}),
})
export type CityProfile = z.infer<typeof cityProfileSchema>
