import { DAY_MS, jstDateKey } from '@kotae/analytics'
import { z } from 'zod'

import { jstDaySchema, refineJstDayRange, toJstDayRange } from '../lib/jstDays'

/** ?from=YYYY-MM-DD&to=YYYY-MM-DD (JST calendar days, both included, at most 366); default: the last 30 days. */
export const gapRangeSchema = z
  .object({ from: jstDaySchema.optional(), to: jstDaySchema.optional() })
  .transform((v) => {
    const to = v.to ?? jstDaySchema.parse(jstDateKey(Date.now()))
    return { from: v.from ?? to - 29 * DAY_MS, to }
  })
  .superRefine((v, ctx) => refineJstDayRange(v, ctx, 366))
  .transform((v) => {
    const range = toJstDayRange(v)
    return {
      from: range.from,
      to: range.to,
      start: new Date(range.start).toISOString(),
      end: new Date(range.end).toISOString(),
    }
  })
export type GapRange = z.output<typeof gapRangeSchema>
