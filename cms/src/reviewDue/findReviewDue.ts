import { jstDaysBetween } from '@kotae/analytics'
import type { Payload, PayloadRequest } from 'payload'

export type ReviewDueEntry = {
  collection: 'faqs' | 'guides'
  id: number | string
  title: string
  reviewBy: string
  status: string
  daysOverdue: number
}

const DAY = 24 * 60 * 60 * 1000

/**
 * FAQs and guides whose review-by date has passed (or passes within `withinDays`), oldest first.
 * Reads with the caller's access, so each role sees only what it may read.
 */
export async function findReviewDue(
  payload: Payload,
  options: { now?: Date; withinDays?: number; req?: PayloadRequest } = {},
): Promise<ReviewDueEntry[]> {
  const now = options.now ?? new Date()
  const limit = new Date(now.getTime() + (options.withinDays ?? 0) * DAY)
  const common = {
    where: { reviewBy: { less_than_equal: limit.toISOString() } },
    sort: 'reviewBy',
    limit: 500,
    depth: 0,
    pagination: false,
    draft: true,
  } as const
  const access = options.req ? { overrideAccess: false, req: options.req, user: options.req.user } : {}
  const [faqs, guides] = await Promise.all([
    payload.find({ collection: 'faqs', ...common, ...access }),
    payload.find({ collection: 'guides', ...common, ...access }),
  ])
  const toEntry = (
    collection: 'faqs' | 'guides',
    title: string,
    d: { id: number | string; reviewBy: string; _status?: string | null },
  ): ReviewDueEntry => ({
    collection,
    id: d.id,
    title,
    reviewBy: d.reviewBy,
    status: d._status ?? 'draft',
    daysOverdue: Math.max(0, jstDaysBetween(Date.parse(d.reviewBy), now.getTime())),
  })
  return [
    ...faqs.docs.map((d) => toEntry('faqs', d.question, d)),
    ...guides.docs.map((d) => toEntry('guides', d.title, d)),
  ].sort((a, b) => a.reviewBy.localeCompare(b.reviewBy))
}
