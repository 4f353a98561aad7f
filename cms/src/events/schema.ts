import { z } from 'zod'

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
])
export type SiteEvent = z.infer<typeof siteEventSchema>

/** At most 50 events, 16 KB, per request. */
export const MAX_EVENT_BODY_BYTES = 16 * 1024
export const eventBatchSchema = z.strictObject({ events: z.array(siteEventSchema).min(1).max(50) })
