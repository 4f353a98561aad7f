import type { Endpoint, PayloadRequest } from 'payload'
import { z } from 'zod'

import { gated } from '../access/endpointAccess'
import { fieldErrors } from '../http/fieldErrors'
import { analyzeGaps } from './analysis'
import { createDraftFromCluster } from './draftFaq'
import { gapRangeSchema } from './range'
import { ANALYSIS_READERS, GAP_DRAFTERS } from './roles'
import { GAP_STRINGS } from './strings'

const json = (body: unknown, status = 200) =>
  Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } })

function queryOf(req: PayloadRequest): Record<string, string> {
  const url = new URL(req.url ?? 'http://localhost/')
  return Object.fromEntries([...url.searchParams].filter(([k]) => k === 'from' || k === 'to'))
}

/** GET /api/gap?from=YYYY-MM-DD&to=YYYY-MM-DD — clusters, stale FAQs and proposals (JST days, both included). */
export const gapEndpoint: Endpoint = {
  path: '/gap',
  method: 'get',
  handler: gated({ roles: ANALYSIS_READERS, forbidden: GAP_STRINGS.forbidden }, async (req) => {
    const range = gapRangeSchema.safeParse(queryOf(req))
    if (!range.success) return json({ errors: fieldErrors(range.error) }, 400)
    return json(await analyzeGaps(req.payload, range.data, {}, req))
  }),
}

const draftBodySchema = z.strictObject({
  clusterId: z.string().regex(/^g[0-9a-f]{8}$/),
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
})

/**
 * POST /api/gap/draft-faq {clusterId, from, to} — drafts a FAQ from one cluster. The cluster is
 * recomputed on the server from the same period, so the draft holds only what the data says
 * (never text sent by the browser). A second call for the same cluster returns the first draft.
 */
export const gapDraftEndpoint: Endpoint = {
  path: '/gap/draft-faq',
  method: 'post',
  handler: gated({ roles: GAP_DRAFTERS, forbidden: GAP_STRINGS.forbiddenDraft }, async (req) => {
    let raw: unknown
    try {
      raw = req.json ? await req.json() : undefined
    } catch {
      return json({ errors: [{ message: 'Body is not JSON.' }] }, 400)
    }
    const body = draftBodySchema.safeParse(raw)
    if (!body.success) return json({ errors: fieldErrors(body.error) }, 400)
    const range = gapRangeSchema.safeParse({ from: body.data.from, to: body.data.to })
    if (!range.success) return json({ errors: fieldErrors(range.error) }, 400)
    const analysis = await analyzeGaps(req.payload, range.data, { maxClusters: 1000 }, req)
    const cluster = analysis.clusters.find((c) => c.id === body.data.clusterId)
    if (!cluster) return json({ errors: [{ field: 'clusterId', message: GAP_STRINGS.notFound }] }, 404)
    const draft = await createDraftFromCluster(req.payload, req, cluster, analysis.range)
    return json({ faq: draft.id, created: draft.created }, draft.created ? 201 : 200)
  }),
}
