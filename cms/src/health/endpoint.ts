import type { Endpoint } from 'payload'

import { canReadHealthDetails } from './access'
import { databaseCheck, healthDetails } from './details'

/**
 * GET /api/health — for the city's monitoring and load balancer: 200 `{status: "ok"}` when the
 * database answers, 503 `{status: "down"}` when it does not. Administrators also get the details
 * (details.ts, the same the admin's 稼働状況 page shows): database kind and latency, the operator
 * index of this app server (built when, last changed when), the public site's live build and its
 * age, and the state (`ok`, or `attention` with its reasons).
 */
export const healthEndpoint: Endpoint = {
  path: '/health',
  method: 'get',
  handler: async (req) => {
    const headers = { 'Cache-Control': 'no-store' }
    if (!canReadHealthDetails(req.user)) {
      const { ok } = await databaseCheck(req)
      return Response.json({ status: ok ? 'ok' : 'down' }, { status: ok ? 200 : 503, headers })
    }
    const details = await healthDetails(req)
    return Response.json(details, { status: details.status === 'ok' ? 200 : 503, headers })
  },
}
