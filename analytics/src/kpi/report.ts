/**
 * computeReport: every KPI of a month or a year from the records (see KPIS.md for the formulas and
 * the choices). Each record goes to the accumulator as an aggregate of one, the same sums the CMS
 * hands over from its rollups. Records outside the period are ignored, except calls in the
 * `repeatWindowDays` after it, which serve only the 一次完了 cross-check. Telephony KPIs are null
 * when the period has no telephony data; nothing is ever NaN.
 */
import { isOutboundChannel } from '@kotae/content/contracts/calls'

import { DAY_MS, parseInstant } from '../time'
import { createReportAccumulator, type ReportAccumulator } from './accumulator'
import type { CallSlotAggregate, TelephonySlotAggregate } from './aggregate'
import { handleSeconds, talkSeconds } from './talk'
import { abandonWaitSeconds, answerWaitSeconds, isAnswered } from './telephony'
import { addFaqsUsed, type FaqCounts } from './faq-usage'
import { calledAgain } from './fcr'
import type { ReportOptions, ResolvedReportOptions } from './options'
import type { ReportPeriod } from './period'
import type { CallLogRecord, EscalationRecord, TelephonyRecord } from '../records'

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

/**
 * The report: the shape the accumulator's finish() builds, written once there (KPIS.md says what
 * each key counts). Telephony figures are null without telephony data; rates are 0–1.
 */
export type Report = ReturnType<ReportAccumulator['finish']>
export type ReportMeta = Report['meta']

export interface ComputeReportInput {
  period: ReportPeriod
  calls?: Iterable<CallLogRecord>
  telephony?: Iterable<TelephonyRecord>
  escalations?: Iterable<EscalationRecord>
  options?: ReportOptions
}

export function computeReport(input: ComputeReportInput): Report {
  const acc = createReportAccumulator({ ...input.options, period: input.period })
  const o = acc.options
  const invalid = { calls: 0, telephony: 0 }
  for (const r of input.telephony ?? []) {
    const at = parseInstant(r.offeredAt)
    if (Number.isNaN(at)) invalid.telephony++
    else acc.addTelephonySlot(telephonyAggregate(r, at, o))
  }
  // The inbound calls the repeat check sees (in the period and the window after it), and FAQ usage.
  const checkable: { caller: string; category: string; at: number; resolved: boolean }[] = []
  const faqs = new Map<string, FaqCounts>()
  let callsWithFaq = 0
  const repeatEnd = acc.range.end + o.repeatWindowDays * DAY_MS
  for (const c of input.calls ?? []) {
    const at = parseInstant(c.talkStartedAt)
    if (Number.isNaN(at)) {
      invalid.calls++
      continue
    }
    acc.addCallSlot(callAggregate(c, at, o))
    if (isOutboundChannel(c.channel) || at < acc.range.start || at >= repeatEnd) continue
    if (c.callerHash && c.category)
      checkable.push({
        caller: c.callerHash,
        category: c.category,
        at,
        resolved: o.resolvedOutcomes.includes(c.outcome),
      })
    if (at < acc.range.end && addFaqsUsed(faqs, c.faqsUsed)) callsWithFaq++
  }
  // The check of the period's calls, one aggregate per category (placed at the period's start).
  const again = calledAgain(checkable, o.repeatWindowDays * DAY_MS)
  const checks = new Map<string, { crossCheckable: number; disqualified: number }>()
  checkable.forEach((c, i) => {
    if (c.at >= acc.range.end) return
    const check = checks.get(c.category) ?? { crossCheckable: 0, disqualified: 0 }
    checks.set(c.category, check)
    check.crossCheckable++
    if (c.resolved && again[i]) check.disqualified++
  })
  for (const [category, check] of checks) acc.addRepeatCheck({ at: acc.range.start, category, ...check })
  acc.addFaqUsage({ callsWithFaq, faqs: [...faqs].map(([faqId, f]) => ({ faqId, ...f })) })
  for (const e of input.escalations ?? []) acc.addEscalation(e)
  const report = acc.finish()
  report.meta.counts.invalid = { ...report.meta.counts.invalid, ...invalid }
  return report
}

/** One PBX record as the sums of its bucket (aggregate.ts). */
function telephonyAggregate(
  r: TelephonyRecord,
  at: number,
  o: ResolvedReportOptions,
): TelephonySlotAggregate {
  const other = o.queues !== null && !o.queues.includes(r.queue)
  const answered = !other && isAnswered(r)
  const wait = answered ? answerWaitSeconds(r, at) : null
  const gone = other || answered ? null : abandonWaitSeconds(r, at)
  const short = gone !== null && gone < o.shortAbandonSeconds ? 1 : 0
  return {
    at,
    offered: other ? 0 : 1,
    answered: answered ? 1 : 0,
    answeredWithWait: wait === null ? 0 : 1,
    waitSeconds: wait ?? 0,
    answeredWithin: wait !== null && wait <= o.serviceLevelSeconds ? 1 : 0, // within includes 20.0 s
    shortAbandoned: short,
    abandoned: other || answered ? 0 : 1 - short,
    otherQueues: other ? 1 : 0,
  }
}

/** One call log as the sums of its bucket, category and direction (aggregate.ts). */
function callAggregate(c: CallLogRecord, at: number, o: ResolvedReportOptions): CallSlotAggregate {
  const talk = talkSeconds(c, o.holdInsideTalkSpan, at)
  const handle = handleSeconds(c, talk, o.holdInsideTalkSpan, at)
  const withTalk = talk !== null && handle !== null
  return {
    at,
    category: c.category || null,
    calls: 1,
    loggedResolved: o.resolvedOutcomes.includes(c.outcome) ? 1 : 0,
    callsWithTalk: withTalk ? 1 : 0,
    talkSeconds: withTalk ? talk : 0,
    handleSeconds: withTalk ? handle : 0,
    outbound: isOutboundChannel(c.channel),
  }
}
