/**
 * JST calendar days as people type them (YYYY-MM-DD), for the options that take a span of days:
 * the inquiry-log export (`--from/--to`, its admin download) and the dashboard's range. A day
 * Date.UTC would roll over (2026-02-31) is refused, and `to` before `from` is refused on `to`.
 */
import { DAY_MS, jstDateKey, jstMidnight } from '@kotae/analytics'
import { z } from 'zod'

const JST_DAY_MESSAGE = 'YYYY-MM-DD の形の日付で指定してください（例: 2026-10-01）'

/** 'YYYY-MM-DD' → the instant its JST midnight starts. */
export const jstDaySchema = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, JST_DAY_MESSAGE)
  .transform((key, ctx) => {
    const [y, m, d] = key.split('-').map(Number) as [number, number, number]
    const start = jstMidnight(y, m, d)
    if (y < 2000 || y > 2100 || jstDateKey(start) !== key) {
      ctx.addIssue({ code: 'custom', message: `${key} はありえない日付です` })
      return z.NEVER
    }
    return start
  })

/** A span of JST days, both included, as [start, end) instants with the days' keys. */
export type JstDayRange = { from: string; to: string; start: number; end: number }

/** Checks `to` is not before `from` and, with `maxDays`, that the span is not longer. */
export function refineJstDayRange(
  v: { from: number; to: number },
  ctx: z.RefinementCtx,
  maxDays?: number,
): void {
  if (v.to < v.from)
    ctx.addIssue({
      code: 'custom',
      path: ['to'],
      message: `終了日（${jstDateKey(v.to)}）が開始日（${jstDateKey(v.from)}）より前です`,
    })
  else if (maxDays !== undefined && v.to - v.from >= maxDays * DAY_MS)
    ctx.addIssue({ code: 'custom', path: ['to'], message: `期間は ${maxDays} 日までです` })
}

export const toJstDayRange = (v: { from: number; to: number }): JstDayRange => ({
  from: jstDateKey(v.from),
  to: jstDateKey(v.to),
  start: v.from,
  end: v.to + DAY_MS,
})

/** A Payload date (ISO instant) as the day it names in Asia/Tokyo, YYYY-MM-DD. */
export function tokyoDay(iso: string): string
export function tokyoDay(iso: string | null | undefined): string | undefined
export function tokyoDay(iso: string | null | undefined): string | undefined {
  return iso ? new Date(new Date(iso).getTime() + 9 * 3600_000).toISOString().slice(0, 10) : undefined
}
