import { DAY_MS, jstDateKey, jstMidnight } from '@kotae/analytics'
import { z } from 'zod'

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')

/** ?from=YYYY-MM-DD&to=YYYY-MM-DD (JST calendar days, both included); default: the last 30 days. */
export const gapRangeSchema = z
  .object({ from: day.optional(), to: day.optional() })
  .transform((v, ctx) => {
    const toKey = v.to ?? jstDateKey(Date.now())
    const [ty, tm, td] = toKey.split('-').map(Number) as [number, number, number]
    const end = jstMidnight(ty, tm, td + 1)
    let start: number
    if (v.from) {
      const [fy, fm, fd] = v.from.split('-').map(Number) as [number, number, number]
      start = jstMidnight(fy, fm, fd)
    } else start = end - 30 * DAY_MS
    // Reject 2026-02-31 and the like: the key must survive a round trip.
    if (jstDateKey(end - DAY_MS) !== toKey || (v.from && jstDateKey(start) !== v.from)) {
      ctx.addIssue({ code: 'custom', message: 'not a calendar date', path: [v.from && jstDateKey(start) !== v.from ? 'from' : 'to'] })
      return z.NEVER
    }
    if (end <= start || end - start > 366 * DAY_MS) {
      ctx.addIssue({ code: 'custom', message: 'from must be before to, at most 366 days', path: ['from'] })
      return z.NEVER
    }
    return { from: jstDateKey(start), to: toKey, start: new Date(start).toISOString(), end: new Date(end).toISOString() }
  })
export type GapRange = z.output<typeof gapRangeSchema>
