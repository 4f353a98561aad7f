import { z } from 'zod'

import { jstDaySchema, refineJstDayRange, toJstDayRange } from '../lib/jstDays'

const CALLS_EXPORT_FORMATS = ['csv', 'xlsx'] as const
export type CallsExportFormat = (typeof CALLS_EXPORT_FORMATS)[number]
const CALLS_EXPORT_ENCODINGS = ['utf8', 'shift_jis'] as const

/**
 * What an export of the inquiry log takes, the same for `npm run export:calls` and the admin's
 * download: the JST days from and to (both included), the format and, for CSV, the encoding
 * (UTF-8 with BOM by default, or Shift_JIS as cp932). No limit on the span: the rows are paged.
 */
export const callsExportOptionsSchema = z
  .object({
    from: jstDaySchema,
    to: jstDaySchema,
    format: z.enum(CALLS_EXPORT_FORMATS, {
      message: `${CALLS_EXPORT_FORMATS.join(' / ')} のどちらかを指定してください`,
    }),
    encoding: z
      .string()
      .trim()
      .toLowerCase()
      .transform((s) => s.replace(/-/g, '_'))
      .pipe(z.enum(CALLS_EXPORT_ENCODINGS, { message: 'utf8 または shift_jis を指定してください' }))
      .default('utf8'),
  })
  .superRefine((v, ctx) => refineJstDayRange(v, ctx))
  .transform((v) => ({ range: toJstDayRange(v), format: v.format, encoding: v.encoding }))

export type CallsExportOptions = z.output<typeof callsExportOptionsSchema>

/** The file's name: kotae-calls-2026-10-01_2026-10-31(.sjis).csv|xlsx */
export const callsExportFileName = ({ range, format, encoding }: CallsExportOptions): string =>
  `kotae-calls-${range.from}_${range.to}${format === 'csv' && encoding === 'shift_jis' ? '-sjis' : ''}.${format}`
