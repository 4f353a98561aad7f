/**
 * The anonymous usage events the public site sends to the CMS (`POST /api/events`): the one
 * contract both sides read. The site's browser code imports only the types and eventLimits.ts.
 */
import { z } from 'zod'

import { EVENT_LIMITS, FACET_ID, FAQ_ID } from './eventLimits'

const facetId = z.string().max(EVENT_LIMITS.facetId).regex(FACET_ID, 'must be lowercase a-z, 0-9 and -, e.g. move-in')
const faqId = z.string().regex(FAQ_ID).describe('the FAQ the event is about (its slug)')
const query = z.string().min(1).max(EVENT_LIMITS.query).describe('what the visitor typed, trimmed (masked by the CMS before it is stored)')
/** Fields every event may carry. */
const common = {
  locale: z.enum(['ja', 'en']).optional().describe("the page's language"),
  at: z.iso.datetime().optional().describe('when it happened in the browser (ISO 8601, UTC)'),
}

/** One anonymous event as the site sends it. Unknown keys are refused, not stored. */
export const siteEventSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('search').describe('a search that found something'),
    query,
    results: z.number().int().min(0).max(EVENT_LIMITS.results).optional().describe('how many answers it found'),
    ...common,
  }),
  z.strictObject({ type: z.literal('zero-result').describe('a search that found nothing'), query, ...common }),
  z.strictObject({ type: z.literal('faq-view').describe('an FAQ page was read'), faqId, ...common }),
  z.strictObject({
    type: z.literal('helpful').describe('a vote on an FAQ page'),
    faqId,
    helpful: z.boolean().describe('yes (true) or no (false)'),
    reason: z.string().max(EVENT_LIMITS.reason).optional().describe('why not, in the visitor’s words (masked before it is stored)'),
    ...common,
  }),
  /**
   * The choice after an ask back (「どちらについてのご質問ですか？」), from the site or the desk:
   * which facet value was picked in which dimension. No query, no user: the gap analysis counts
   * the choices to show which facets people confuse.
   */
  z.strictObject({
    type: z.literal('facet-choice').describe('the answer to a question asked back'),
    dimension: facetId.describe('the facet dimension id, e.g. what'),
    value: facetId.describe('the chosen value id, e.g. certificate'),
    ...common,
  }),
])
export type SiteEvent = z.infer<typeof siteEventSchema>

/** At most 50 events, 16 KB, per request. */
export const MAX_EVENT_BODY_BYTES = EVENT_LIMITS.bodyBytes
export const eventBatchSchema = z.strictObject({
  events: z.array(siteEventSchema).min(1).max(EVENT_LIMITS.batch).describe('the events of one request, oldest first'),
})
