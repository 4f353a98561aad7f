import { z } from 'zod'

/** A facet dimension or value id (content/facets.yaml): kebab-case, at most 40 characters. */
const facetId = z.string().max(40).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase a-z, 0-9 and -, e.g. move-in')

/** One anonymous event as the site sends it. Unknown keys are refused, not stored. */
export const siteEventSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('search'), query: z.string().min(1).max(200), results: z.number().int().min(0).max(1000).optional(), locale: z.enum(['ja', 'en']).optional(), at: z.iso.datetime().optional() }),
  z.strictObject({ type: z.literal('zero-result'), query: z.string().min(1).max(200), locale: z.enum(['ja', 'en']).optional(), at: z.iso.datetime().optional() }),
  z.strictObject({ type: z.literal('faq-view'), faqId: z.string().regex(/^[a-z0-9-]{1,80}$/), locale: z.enum(['ja', 'en']).optional(), at: z.iso.datetime().optional() }),
  z.strictObject({
    type: z.literal('helpful'),
    faqId: z.string().regex(/^[a-z0-9-]{1,80}$/),
    helpful: z.boolean(),
    reason: z.string().max(500).optional(),
    locale: z.enum(['ja', 'en']).optional(),
    at: z.iso.datetime().optional(),
  }),
  /**
   * The choice after an ask back (「どちらについてのご質問ですか？」), from the site or the desk:
   * which facet value was picked in which dimension. No query, no user: the gap analysis counts
   * the choices to show which facets people confuse.
   */
  z.strictObject({ type: z.literal('facet-choice'), dimension: facetId, value: facetId, locale: z.enum(['ja', 'en']).optional(), at: z.iso.datetime().optional() }),
])
export type SiteEvent = z.infer<typeof siteEventSchema>

/** At most 50 events, 16 KB, per request. */
export const MAX_EVENT_BODY_BYTES = 16 * 1024
export const eventBatchSchema = z.strictObject({ events: z.array(siteEventSchema).min(1).max(50) })
