/**
 * What an FAQ, a guide or a source must say to become a search document: the one input of
 * `faqToDocument`, `guideToDocument` and `sourceToDocument` (document.ts), whoever holds the entry.
 * A content file's entry (`@kotae/content`) fits as it is; the CMS maps its records to this shape
 * in one function per kind (cms/src/search/indexable.ts). Framework-free.
 *
 * Texts are Markdown, as in the content files and as the CMS turns its rich text for the site,
 * so the same entry makes the same passages everywhere.
 *
 * `category` is the category's slug (the content files' id), not its name: the site's pages, the
 * content files and the CMS's site content all name a category by slug, a slug stays when an
 * editor renames the category, and no search field reads it (it travels with the result only).
 *
 * Value imports of this module bring zod along: the browser's engine imports only its types.
 */
import { z } from 'zod'

const audience = z.enum(['public', 'operator'])
const status = z.enum(['draft', 'published'])
const locale = z.enum(['ja', 'en'])

export const indexableFaqSchema = z.object({
  /** The FAQ's slug. */
  id: z.string().min(1),
  locale: locale.default('ja'),
  question: z.string().min(1),
  alternatives: z.array(z.string()).default([]),
  shortAnswer: z.string().optional(),
  /** The full answer, Markdown. */
  answer: z.string().default(''),
  /** Searched by operators only; a public document never carries it. */
  operatorNotes: z.string().optional(),
  tags: z.array(z.string()).default([]),
  /** The category's slug. */
  category: z.string().optional(),
  /** `operator`: no public document at all. */
  audience: audience.default('public'),
  /** A draft has no document. */
  status: status.default('published'),
  /**
   * Facets set by hand (dimension → value ids of facets.yaml); a dimension left out is found in
   * the question and alternatives, an empty list means none.
   */
  facets: z.record(z.string(), z.array(z.string())).optional(),
})

const bringItem = z.object({ item: z.string(), note: z.string().optional() })

export const indexableGuideSchema = z.object({
  /** The guide's slug. */
  id: z.string().min(1),
  locale: locale.default('ja'),
  title: z.string().min(1),
  summary: z.string().optional(),
  /** The introduction, Markdown. */
  body: z.string().default(''),
  /** The procedure (`card-renewal`, …); the guide's one tag. */
  procedure: z.string().optional(),
  /** The category's slug. */
  category: z.string().optional(),
  steps: z.array(z.object({ title: z.string(), detail: z.string() })).default([]),
  /** What to bring, per case (`self`, `proxy`, …). */
  bring: z.array(z.object({ case: z.string(), items: z.array(bringItem) })).default([]),
  where: z.string().default(''),
  when: z.string().default(''),
  /** The content files' guides are all public; a CMS guide may be for operators only. */
  audience: audience.default('public'),
  status: status.default('published'),
})

export const indexableSourceSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  publisher: z.string().optional(),
  url: z.string().optional(),
})

/** An indexable FAQ; fields with a default may be left out (the converter applies the same defaults). */
export type IndexableFaq = z.input<typeof indexableFaqSchema>
export type IndexableGuide = z.input<typeof indexableGuideSchema>
export type IndexableSource = z.input<typeof indexableSourceSchema>
