import type { Endpoint } from 'payload'

import { gated } from '../../access/endpointAccess'

import { findReviewDue } from '../../reviewDue/findReviewDue'

/** GET /api/faqs/review-due?withinDays=30 — entries past (or near) their review-by date. */
export const reviewDueEndpoint: Endpoint = {
  path: '/review-due',
  method: 'get',
  handler: gated(undefined, async (req) => {
    const raw = req.searchParams.get('withinDays') ?? '0'
    const withinDays = Number(raw)
    if (!Number.isInteger(withinDays) || withinDays < 0 || withinDays > 365) {
      return Response.json(
        { errors: [{ field: 'withinDays', message: 'withinDays は0～365の整数で指定してください。' }] },
        { status: 400 },
      )
    }
    return Response.json({ docs: await findReviewDue(req.payload, { req, withinDays }) })
  }),
}
