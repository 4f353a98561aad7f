/**
 * Report options, each one a choice where call-center practice differs (see KPIS.md). Validated with
 * zod so the CMS can store them as the city's settings.
 */
import { callOutcomeSchema } from '@kotae/content/contracts/calls'
import { cityProfileSchema } from '@kotae/content/schema'
import { z } from 'zod'

export const ReportOptionsSchema = z.object({
  /** An abandon after a wait shorter than this is a short abandon: reported apart, out of every rate. */
  shortAbandonSeconds: z.number().finite().min(0).default(5),
  /** Service level counts calls answered within this many seconds (wait ≤ threshold). */
  serviceLevelSeconds: z.number().finite().min(0).default(20),
  /** The service-level target printed beside the rate (the contract's 80 % within 20 s). */
  serviceLevelTarget: z.number().finite().min(0).max(1).default(0.8),
  /** Service level's base: offered calls less short abandons ('offered'), or answered calls ('answered'). */
  serviceLevelBase: z.enum(['offered', 'answered']).default('offered'),
  /** A resolved call is not 一次完了 when the same caller calls again on the same category within this many days. */
  repeatWindowDays: z.number().finite().min(0).default(7),
  /** Logged outcomes that count as resolved on the call. */
  resolvedOutcomes: z.array(callOutcomeSchema).min(1).default(['resolved']),
  /** The logged talk span (talkStartedAt → talkEndedAt) includes hold, so talk = span − hold. */
  holdInsideTalkSpan: z.boolean().default(true),
  /** byWeekday gets an eighth row 祝日 for national holidays (taken out of their weekday). */
  holidaysAsOwnRow: z.boolean().default(true),
  /** Only these PBX queues count; null takes every queue. */
  queues: z.array(z.string().min(1)).nullable().default(null),
  /**
   * The centre's hours (the city profile's `hours`, `yearEndClosure`, `closedDates`): telephony
   * records offered outside them are counted apart (`outOfHours`), out of every headline figure and
   * table. null: always open (every call in hours).
   */
  hours: cityProfileSchema
    .pick({ hours: true, yearEndClosure: true, closedDates: true })
    .nullable()
    .default(null),
  /**
   * Whether telephony data exists for the period. null (default): it does when at least one telephony
   * record falls in the period. Set true when the PBX is connected, so a month with no calls shows 0.
   */
  telephonyAvailable: z.boolean().nullable().default(null),
})

export type ReportOptions = z.input<typeof ReportOptionsSchema>
export type ResolvedReportOptions = z.output<typeof ReportOptionsSchema>

export function resolveReportOptions(options: ReportOptions = {}): ResolvedReportOptions {
  return ReportOptionsSchema.parse(options)
}
