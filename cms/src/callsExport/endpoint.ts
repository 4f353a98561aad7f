import { PassThrough, Readable } from 'node:stream'

import type { Endpoint } from 'payload'

import { auditExport } from '../hooks/audit'
import { gated } from '../access/endpointAccess'
import { fieldErrors } from '../http/fieldErrors'
import { REPORT_READERS } from '../reports/access'
import { sqlOf } from '../db/sql'
import { callsExportFileName, callsExportOptionsSchema } from './options'
import { countCalls, readCallPages } from './read'
import { CALLS_EXPORT_STRINGS as S } from './strings'
import { CALLS_EXPORT_CONTENT_TYPES, writeCallsExport } from './write'

const json = (body: unknown, status: number) =>
  Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } })

/**
 * GET /api/calls-export?from=YYYY-MM-DD&to=YYYY-MM-DD&format=csv|xlsx[&encoding=utf8|shift_jis] —
 * the inquiry log (対応履歴) of those JST days as a download, for supervisors and city staff (the
 * report readers), checked here on the server. Each download is written to the 操作履歴 with the
 * user before the first byte leaves. The same code as `npm run export:calls`.
 */
export const callsExportEndpoint: Endpoint = {
  path: '/calls-export',
  method: 'get',
  handler: gated({ roles: REPORT_READERS, forbidden: S.noPermission }, async (req) => {
    const query = Object.fromEntries(
      [...(req.searchParams ?? new URLSearchParams())].filter(([k]) =>
        ['from', 'to', 'format', 'encoding'].includes(k),
      ),
    )
    const parsed = callsExportOptionsSchema.safeParse(query)
    if (!parsed.success) return json({ errors: fieldErrors(parsed.error) }, 400)
    const options = parsed.data
    const { range, format, encoding } = options
    const sql = sqlOf(req.payload)
    const rows = await countCalls(sql, range)
    if (rows === 0) return json({ errors: [{ message: S.empty(range.from, range.to) }] }, 404)
    await auditExport(
      req.payload,
      { id: Number(req.user.id), email: (req.user as { email?: string }).email },
      {
        collectionSlug: 'calls',
        docId: `${range.from}..${range.to}`,
        title: S.auditTitle(range.from, range.to, format, rows),
      },
    )

    const body = new PassThrough()
    writeCallsExport(readCallPages(sql, range), format, encoding, body).catch((err: unknown) => {
      req.payload.logger.error({ err, msg: 'calls export failed' })
      body.destroy(err as Error)
    })
    const charset = format === 'csv' ? `; charset=${encoding === 'utf8' ? 'utf-8' : 'Shift_JIS'}` : ''
    return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, {
      headers: {
        'Content-Type': CALLS_EXPORT_CONTENT_TYPES[format] + charset,
        'Content-Disposition': `attachment; filename="${callsExportFileName(options)}"`,
        'Cache-Control': 'private, no-store',
      },
    })
  }),
}
