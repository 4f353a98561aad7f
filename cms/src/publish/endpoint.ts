import type { Endpoint } from 'payload'

import { readSiteContent } from './siteContent'

/**
 * GET /api/site-content — the published, public content the static site is built from (see
 * `siteContent.ts`). It holds nothing the public REST API does not already show; it exists so the
 * site build gets one consistent snapshot with answers as Markdown, without loading Payload.
 */
export const siteContentEndpoint: Endpoint = {
  path: '/site-content',
  method: 'get',
  handler: async (req) =>
    Response.json(await readSiteContent(req.payload), { headers: { 'Cache-Control': 'no-store' } }),
}
