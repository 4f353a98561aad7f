import { periodLabel } from '@kotae/analytics'
import type { Endpoint } from 'payload'
import { z } from 'zod'

import { gated } from '../access/endpointAccess'
import { fieldErrors } from '../http/fieldErrors'
import { REPORT_READERS } from './access'
import { loadServedReport } from './frozen'
import { PeriodParamSchema, periodProblem, REPORT_FORMATS } from './period'
import { reportProposals } from './proposals'
import { renderReport } from './render'
import { REPORT_STRINGS as S } from './strings'

const querySchema = z.object({
  format: z.enum(REPORT_FORMATS, { message: S.badFormat }).default('json'),
  encoding: z.enum(['utf-8-bom', 'shift_jis']).default('utf-8-bom'),
})

/**
 * GET /api/reports/:period?format=xlsx|csv|pdf|json&encoding=utf-8-bom|shift_jis — the report of a
 * month (2026-10) or fiscal year (2026) as a download, for supervisors and city staff (session
 * cookie or API key). The same code as `npm run report`.
 */
export const reportsEndpoint: Endpoint = {
  path: '/reports/:period',
  method: 'get',
  handler: gated({ roles: REPORT_READERS, forbidden: S.noPermission }, async (req) => {
    const period = PeriodParamSchema.safeParse(String(req.routeParams?.period ?? ''))
    const query = querySchema.safeParse(Object.fromEntries(req.searchParams ?? new URLSearchParams()))
    if (!period.success || !query.success) {
      const issues = [
        ...(period.success ? [] : fieldErrors(period.error, 'period')),
        ...(query.success ? [] : fieldErrors(query.error)),
      ]
      return Response.json({ errors: issues }, { status: 400 })
    }
    const { format, encoding } = query.data
    const problem = await periodProblem(req.payload, period.data)
    if (problem) return Response.json({ errors: [{ field: 'period', message: problem }] }, { status: 404 })
    try {
      const loaded = await loadServedReport(req.payload, period.data)
      const out = await renderReport(loaded, format, {
        csvEncoding: encoding,
        generatedAt: new Date(),
        proposals: () => reportProposals(req.payload, period.data),
      })
      const name = `kotae-report-${periodLabel(period.data, 'file')}${format === 'csv' && encoding === 'shift_jis' ? '-sjis' : ''}.${out.extension}`
      return new Response(new Uint8Array(out.body), {
        headers: {
          'Content-Type': out.contentType,
          'Content-Disposition': `${format === 'json' ? 'inline' : 'attachment'}; filename="${name}"`,
          'Cache-Control': 'private, no-store',
        },
      })
    } catch (e) {
      req.payload.logger.error({ err: e, msg: 'report failed' })
      return Response.json({ errors: [{ message: S.failed }] }, { status: 500 })
    }
  }),
}
