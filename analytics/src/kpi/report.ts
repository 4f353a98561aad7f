/**
 * computeReport: every KPI of a month or a year in one pass over the records (see KPIS.md for the
 * formulas and the choices). Records outside the period are ignored, except calls in the
 * `repeatWindowDays` after it, which serve only the 一次完了 cross-check. Telephony KPIs are null
 * when the period has no telephony data; nothing is ever NaN.
 */
import { createReportAccumulator } from './accumulator'
import type { AbandonedSummary } from './abandoned'
import type { HalfHourRow } from './by-half-hour'
import type { OutOfHoursReason } from './hours'
import type { TopicRow } from './by-topic'
import type { WeekdayRow } from './by-weekday'
import type { EscalationSummary } from './escalations'
import type { FaqUsageRow } from './faq-usage'
import type { ReportOptions, ResolvedReportOptions } from './options'
import type { PeriodLabels, ReportPeriod } from './period'
import type { CallLogRecord, EscalationRecord, TelephonyRecord } from './records'
import type { ServiceLevelSummary } from './service-level'

/** The KPI keys every report (and `npm run report -- --format json`) carries, in order. */
export const REPORT_KPI_KEYS = [
  'offered',
  'answered',
  'abandoned',
  'answerRate',
  'firstContactResolutionRate',
  'serviceLevel',
  'asaSeconds',
  'attSeconds',
  'ahtSeconds',
  'outOfHours',
  'outbound',
  'byHalfHour',
  'byWeekday',
  'byTopic',
  'faqUsage',
  'escalations',
] as const

export interface Report {
  /** 入電件数; null without telephony data. */
  offered: number | null
  /** 応答件数; null without telephony data. */
  answered: number | null
  /** 放棄呼 (at or after the threshold) and short abandons apart. */
  abandoned: AbandonedSummary
  /** 応答率 0–1. */
  answerRate: number | null
  /** 一次完了率 0–1, from call logs. */
  firstContactResolutionRate: number | null
  serviceLevel: ServiceLevelSummary
  /** 平均応答時間 (seconds), answered calls only. */
  asaSeconds: number | null
  /** 平均通話時間 (seconds), from call logs. */
  attSeconds: number | null
  /** 平均処理時間 (seconds) = talk + hold + after-call work, from call logs. */
  ahtSeconds: number | null
  /**
   * Telephony offered while the centre was closed (options.hours), kept out of every figure above and
   * every table; `byReason` splits offered by why (after-hours on an open day, a day without
   * openings, a holiday, 年末年始, a closed date). `calls`: call logs (inbound) started out of hours,
   * which stay in the call-log figures.
   */
  outOfHours: {
    offered: number | null
    answered: number | null
    abandoned: number | null
    shortAbandoned: number | null
    byReason: { reason: OutOfHoursReason; offered: number | null }[]
    calls: number
  }
  /** Calls the centre made (callbacks, its own calls): shown apart, out of ATT, AHT, 一次完了 and FAQ usage. */
  outbound: { calls: number; ahtSeconds: number | null }
  byHalfHour: HalfHourRow[]
  byWeekday: WeekdayRow[]
  byTopic: TopicRow[]
  faqUsage: FaqUsageRow[]
  escalations: EscalationSummary
  /** No call, no telephony record and no escalation in the period. */
  empty: boolean
  meta: ReportMeta
}

export interface ReportMeta {
  period: ReportPeriod & {
    /** ISO instants of [start, end). */
    start: string
    end: string
    labels: PeriodLabels
    /** Calendar days (JST) in the period. */
    days: number
    holidays: { date: string; name: string }[]
  }
  hasTelephony: boolean
  options: ResolvedReportOptions
  counts: {
    /** Call logs in the period. */
    calls: number
    /** Telephony records offered in the period (all queues). */
    telephony: number
    escalations: number
    /** Call logs after the period used only for the repeat-call check. */
    callsForRepeatCheck: number
    /** Records ignored because they fall outside the period. */
    outside: { calls: number; telephony: number; escalations: number }
    /** Telephony records of queues not selected in options.queues. */
    otherQueues: number
    /** Records whose period timestamp does not parse. */
    invalid: { calls: number; telephony: number; escalations: number }
    /** Calls left out of ATT/AHT: talk end missing or before its start. */
    callsWithoutTalk: number
    /** Answered calls left out of ASA/service level: answer before offer. */
    answeredWithoutWait: number
  }
  details: {
    /** offered − short abandons: the base of the rates. */
    offeredForRate: number | null
    loggedResolved: number
    repeatDisqualified: number
    firstContactResolved: number
    /** Calls with both callerHash and category, which the repeat check can see. */
    callsCrossCheckable: number
    callsWithFaq: number
    callsWithoutFaq: number
  }
}

export interface ComputeReportInput {
  period: ReportPeriod
  calls?: Iterable<CallLogRecord>
  telephony?: Iterable<TelephonyRecord>
  escalations?: Iterable<EscalationRecord>
  options?: ReportOptions
}

export function computeReport(input: ComputeReportInput): Report {
  const acc = createReportAccumulator({ ...input.options, period: input.period })
  if (input.calls) acc.addCalls(input.calls)
  if (input.telephony) acc.addTelephonyRecords(input.telephony)
  if (input.escalations) acc.addEscalations(input.escalations)
  return acc.finish()
}
