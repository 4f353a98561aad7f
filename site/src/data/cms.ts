/**
 * The CMS as the site's source: `GET {KOTAE_CMS_URL}/api/site-content`, the published, public
 * entries as the CMS's anonymous visitors may read them, in the shapes of the content files.
 * Validated here (the network is a boundary): a bad entry fails the build with its path named,
 * and the served site stays as it was. The result then goes through the same allow-list
 * (`toPublicData`) as the content files.
 *
 * The schemas are the content files' own, loosened only where the CMS is looser than the files
 * (fewer alternatives, no fact ids), so an entry the CMS accepts never breaks the build.
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
  type Category,
  type CityProfile,
  type FacetDimension,
  type Faq,
  type Guide,
  type Source,
  type SynonymGroup,
} from '@kotae/content/schema'

export const SITE_CONTENT_FORMAT = 'kotae-site-content/1'

const faqSchema = faqFrontMatterSchema
  .omit({ operatorNotes: true, facts: true })
  .extend({
    question: z.string().min(1).max(200),
    shortAnswer: z.string().min(1).max(200),
    alternatives: z.array(z.string().min(1).max(200)).default([]),
    audience: z.literal('public'),
    status: z.literal('published'),
    answer: z.string().max(100_000),
  })
  .strict()

const guideSchema = guideFrontMatterSchema
  .omit({ facts: true })
  .extend({ status: z.literal('published'), body: z.string().max(100_000) })
  .strict()

export const siteContentSchema = z.object({
  format: z.literal(SITE_CONTENT_FORMAT),
  generatedAt: z.string(),
  faqs: z.array(faqSchema),
  guides: z.array(guideSchema),
  categories: z.array(categorySchema),
  sources: z.array(sourceSchema),
  synonyms: z.array(synonymGroupSchema),
  /** The facet vocabulary (content's facets.yaml shape); a CMS that does not send it yet means none. */
  facets: z.array(facetDimensionSchema).optional(),
  city: cityProfileSchema,
})

export type CmsBundle = {
  faqs: Faq[]
  guides: Guide[]
  sources: Source[]
  categories: Category[]
  synonyms: SynonymGroup[]
  facets: FacetDimension[]
  city: CityProfile
}

/** Validates a `/api/site-content` body into the content shapes; throws naming every bad path. */
export function parseSiteContent(body: unknown): CmsBundle {
  const parsed = siteContentSchema.safeParse(body)
  if (!parsed.success) {
    const lines = parsed.error.issues.slice(0, 20).map((i) => `  - ${i.path.join('.') || '(body)'}: ${i.message}`)
    throw new Error(`The CMS's site content is not valid (${parsed.error.issues.length} problem(s)):\n${lines.join('\n')}`)
  }
  const d = parsed.data
  return {
    faqs: d.faqs.map((f) => ({ ...f, facts: [], file: `cms:faqs/${f.id}` })),
    guides: d.guides.map((g) => ({ ...g, facts: [], file: `cms:guides/${g.id}` })),
    sources: d.sources,
    categories: d.categories,
    synonyms: d.synonyms,
    facets: d.facets ?? [],
    city: d.city,
  }
}

/** Fetches and validates the CMS's published content. A CMS that does not answer fails the build. */
export async function fetchSiteContent(cmsUrl: string, timeoutMs = 60_000): Promise<CmsBundle> {
  const url = new URL('/api/site-content', cmsUrl)
  let res: Response
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' } })
  } catch (error) {
    throw new Error(`KOTAE_CMS_URL: no answer from ${url.href} (${error instanceof Error ? error.message : String(error)})`)
  }
  if (!res.ok) throw new Error(`KOTAE_CMS_URL: ${url.href} answered ${res.status}`)
  return parseSiteContent(await res.json())
}
