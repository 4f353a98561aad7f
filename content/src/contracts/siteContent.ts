/**
 * What the public site is built from, as the CMS sends it (`GET /api/site-content`): the one
 * contract both sides read. The shapes are the content files' own, loosened only where the CMS is
 * looser than the files (fewer alternatives, no fact ids), so an entry the CMS accepts never breaks
 * the site's build; only what an anonymous citizen may read is here.
 */
import { z } from 'zod'

import {
  categorySchema,
  cityProfileSchema,
  facetDimensionSchema,
  faqFrontMatterSchema,
  guideFrontMatterSchema,
  sourceSchema,
  synonymGroupSchema,
} from '../schema'

/** Bumped when the shape changes; the site refuses a format it does not know. */
export const SITE_CONTENT_FORMAT = 'kotae-site-content/1'

const siteFaqSchema = faqFrontMatterSchema
  .omit({ operatorNotes: true, facts: true })
  .extend({
    question: z.string().min(1).max(200),
    shortAnswer: z.string().min(1).max(200),
    alternatives: z.array(z.string().min(1).max(200)).default([]),
    audience: z.literal('public').describe('only public entries reach the site'),
    status: z.literal('published').describe('only published entries reach the site'),
    answer: z.string().max(100_000).describe('the full answer as Markdown'),
  })
  .strict()

const siteGuideSchema = guideFrontMatterSchema
  .omit({ facts: true })
  .extend({
    status: z.literal('published').describe('only published guides reach the site'),
    body: z.string().max(100_000).describe('the guide as Markdown'),
    bodyEn: z.string().min(1).max(100_000).optional().describe('the guide in English as Markdown'),
  })
  .strict()

export const siteContentSchema = z.object({
  format: z.literal(SITE_CONTENT_FORMAT).describe('this contract’s version'),
  generatedAt: z.string().describe('when the CMS read it (ISO 8601)'),
  faqs: z
    .array(siteFaqSchema)
    .describe('published public FAQs, sorted by slug; links as slugs, dates YYYY-MM-DD'),
  guides: z.array(siteGuideSchema).describe('published public procedure guides, sorted by slug'),
  categories: z.array(categorySchema).describe('every category'),
  sources: z.array(sourceSchema).describe('every official source'),
  synonyms: z.array(synonymGroupSchema).describe('the synonym groups the search expands'),
  facets: z
    .array(facetDimensionSchema)
    .optional()
    .describe('the facet vocabulary (facets.yaml); a CMS that does not send it yet means none'),
  city: cityProfileSchema.describe('the city profile: phones, counters, hours, closures, notices'),
})
/** The bundle as the CMS writes it (before defaults). */
export type SiteContent = z.input<typeof siteContentSchema>
