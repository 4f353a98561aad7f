/**
 * The city's column mapping for one PBX's call-detail CSV, as JSON validated with zod. Example:
 *
 *   {
 *     "name": "クラウドPBX 着信履歴",
 *     "encoding": "auto",
 *     "columns": { "callId": "通話ID", "queue": "キュー", "offeredAt": "着信日時", "answeredAt": "応答日時",
 *                  "abandonedAt": "放棄日時", "endedAt": "終話日時", "agent": "オペレーターID",
 *                  "wrapUpEndedAt": "後処理終了日時" },
 *     "timestamps": { "format": "yyyy/MM/dd HH:mm:ss", "timeZone": "Asia/Tokyo" }
 *   }
 *
 * offeredAt and answeredAt are required; a PBX without call ids leaves callId out (records then get
 * a stable id from queue and offer time, and link to call logs by agent and time), one without
 * queues leaves queue out (defaultQueue). Header names are compared after NFKC and trimming.
 */
import { z } from 'zod'

import { compileTimestampParser, isUsableTimeZone } from './timestamp'

export const TELEPHONY_FIELDS = [
  'callId',
  'queue',
  'offeredAt',
  'answeredAt',
  'abandonedAt',
  'endedAt',
  'agent',
  'wrapUpEndedAt',
  'caller',
] as const
export type TelephonyField = (typeof TELEPHONY_FIELDS)[number]
export const TELEPHONY_TIME_FIELDS = [
  'offeredAt',
  'answeredAt',
  'abandonedAt',
  'endedAt',
  'wrapUpEndedAt',
] as const

const header = z.string().trim().min(1)

export const TelephonyMappingSchema = z
  .object({
    name: z.string().optional(),
    /** 'auto': a UTF-8 BOM, else valid UTF-8, else Shift_JIS (Windows-31J), else the file is rejected. */
    encoding: z.enum(['utf-8', 'shift_jis', 'auto']).default('auto'),
    delimiter: z.enum([',', '\t', ';']).default(','),
    columns: z
      .object({
        callId: header.optional(),
        queue: header.optional(),
        offeredAt: header,
        answeredAt: header,
        abandonedAt: header.optional(),
        endedAt: header.optional(),
        agent: header.optional(),
        wrapUpEndedAt: header.optional(),
        /** The caller's number (発信者番号). Read only to be hashed at once (hashCaller); never stored. */
        caller: header.optional(),
      })
      .strict(),
    /** Queue of every record when the CSV has no queue column (or the cell is empty). */
    defaultQueue: z.string().min(1).default('default'),
    timestamps: z
      .object({
        format: z.string().min(1).default('iso'),
        timeZone: z.string().min(1).default('Asia/Tokyo'),
      })
      .strict()
      .default({ format: 'iso', timeZone: 'Asia/Tokyo' }),
    /**
     * PBX agent id → the operator's login e-mail in Kotae, for linking records to call logs by agent
     * and time. An agent not listed is compared as written (a PBX configured with the e-mails).
     */
    agents: z.record(z.string().min(1), z.string().min(1)).default({}),
    /** Cell values that mean "no value" (after trimming). */
    nullValues: z
      .array(z.string())
      .default(['', '-', 'NULL', 'null', '0000-00-00 00:00:00', '0000/00/00 00:00:00']),
  })
  .strict()
  .superRefine((m, ctx) => {
    if (!isUsableTimeZone(m.timestamps.timeZone))
      ctx.addIssue({
        code: 'custom',
        path: ['timestamps', 'timeZone'],
        message: `unknown time zone "${m.timestamps.timeZone}"`,
      })
    else
      try {
        compileTimestampParser(m.timestamps.format, m.timestamps.timeZone)
      } catch (e) {
        ctx.addIssue({ code: 'custom', path: ['timestamps', 'format'], message: (e as Error).message })
      }
    const seen = new Map<string, string>()
    for (const [field, name] of Object.entries(m.columns)) {
      if (name === undefined) continue
      const key = name.normalize('NFKC')
      const other = seen.get(key)
      if (other)
        ctx.addIssue({
          code: 'custom',
          path: ['columns', field],
          message: `"${name}" is mapped to both ${other} and ${field}`,
        })
      seen.set(key, field)
    }
  })

export type TelephonyMappingInput = z.input<typeof TelephonyMappingSchema>
export type TelephonyMapping = z.output<typeof TelephonyMappingSchema>

/** Validates mapping JSON (already parsed, or as text): the mapping, or every problem as 'path: message'. */
export function parseTelephonyMapping(
  json: unknown,
): { ok: true; mapping: TelephonyMapping } | { ok: false; problems: string[] } {
  let value = json
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json)
    } catch (e) {
      return { ok: false, problems: [`not JSON: ${(e as Error).message}`] }
    }
  }
  const r = TelephonyMappingSchema.safeParse(value)
  if (r.success) return { ok: true, mapping: r.data }
  return {
    ok: false,
    problems: r.error.issues.map((i) => `${i.path.join('.') || '(mapping)'}: ${i.message}`),
  }
}
