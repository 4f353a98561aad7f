/**
 * The anonymous usage events the public site sends to the CMS (`POST /api/events`): the one
 * contract both sides read. The site's browser code imports only its types and eventLimits.ts.
 */
import { z } from 'zod'

import { EVENT_LIMITS as L, FACET_ID, FAQ_ID } from './eventLimits'

const facetId = z.string().max(L.facetId).regex(FACET_ID, 'must be lowercase a-z, 0-9 and -, e.g. move-in')
const faqId = z.string().regex(FAQ_ID).describe('the FAQ the event is about (its id)')
const query = z
  .string()
  .min(1)
  .max(L.query)
  .describe('what the visitor typed, trimmed (masked before it is stored)')
const common = {
  locale: z.enum(['ja', 'en']).optional().describe("the page's language"),
  at: z.iso.datetime().optional().describe('when, in the browser (ISO 8601)'),
}

/** One anonymous event as the site sends it. Unknown keys are refused, not stored. */
export const siteEventSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('search').describe('a search with results'),
    query,
    results: z.number().int().min(0).max(L.results).optional().describe('how many'),
    ...common,
  }),
  z.strictObject({
    type: z.literal('zero-result').describe('a search that found nothing'),
    query,
    ...common,
  }),
  z.strictObject({ type: z.literal('faq-view').describe('an FAQ page read'), faqId, ...common }),
  z.strictObject({
    type: z.literal('helpful').describe('a vote on an FAQ page'),
    faqId,
    helpful: z.boolean().describe('yes or no'),
    reason: z
      .string()
      .max(L.reason)
      .optional()
      .describe('why not, in the visitor’s words (masked before it is stored)'),
    ...common,
  }),
  /**
   * The choice after an ask back (「どちらについてのご質問ですか？」), from the site or the desk. No
   * query, no user: the gap analysis counts the choices to show which facets people confuse.
   */
  z.strictObject({
    type: z.literal('facet-choice').describe('the answer to a question asked back'),
    dimension: facetId.describe('e.g. what'),
    value: facetId.describe('e.g. certificate'),
    ...common,
  }),
])
export type SiteEvent = z.infer<typeof siteEventSchema>

/** At most 50 events, 16 KB, per request. */
export const MAX_EVENT_BODY_BYTES = L.bodyBytes
export const eventBatchSchema = z.strictObject({
  events: z.array(siteEventSchema).min(1).max(L.batch).describe('oldest first'),
})
