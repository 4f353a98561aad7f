/**
 * The report's sums: counts grouped elsewhere (aggregate.ts: the CMS's rollups, or computeReport's
 * records as aggregates of one) are added in any order and mix, then finish() turns them into the
 * report. Memory stays small: fixed counters (48 slots, 8 day types, the period's days), one entry per
 * category and per FAQ id, and the period's escalations (about one per fifty calls).
 */
import { DAY_MS, HALF_HOURS_PER_DAY, jstHalfHourSlot, parseInstant, holidaysIn, rangeToIso } from '../time'
import { halfHourRows, newSlotCounts, type SlotCounts } from './by-half-hour'
import { topicRows } from './by-topic'
import { dayTypeTable, weekdayRows } from './by-weekday'
import { escalationSummary } from './escalations'
import { type FaqCounts, faqUsageRows } from './faq-usage'
import { firstContactResolutionRate } from './fcr'
import { hoursClock, OUT_OF_HOURS_REASONS, type OutOfHoursReason } from './hours'
import { ahtSeconds, attSeconds } from './talk'
import { abandonRate, answerRate, asaSeconds, offeredForRate, serviceLevel } from './telephony'
import { type ReportOptions, resolveReportOptions } from './options'
import { type ReportPeriod, periodLabels, periodRange } from './period'
import type { EscalationRecord } from '../records'
import type {
  CallSlotAggregate,
  FaqUsageAggregate,
  RepeatCheckAggregate,
  TelephonySlotAggregate,
} from './aggregate'

/** See createReportAccumulator: `options` are the resolved ones the aggregates must be counted with. */
export type ReportAccumulator = ReturnType<typeof createReportAccumulator>

/** The sums each kind of aggregate brings, added key by key (aggregate.ts says what each one counts). */
const TELEPHONY_SUMS = [
  'offered',
  'answered',
  'answeredWithWait',
  'waitSeconds',
  'answeredWithin',
  'shortAbandoned',
  'abandoned',
] as const
const CALL_SUMS = ['calls', 'callsWithTalk', 'talkSeconds', 'handleSeconds', 'loggedResolved'] as const
/** The counts of the half-hour and weekday tables (slot counts, by-half-hour.ts). */
const TABLE_COUNTS = ['offered', 'answered', 'shortAbandoned', 'abandoned'] as const

const zeros = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>
function addSums<K extends string>(into: Record<K, number>, from: Record<K, number>, keys: readonly K[]) {
  for (const k of keys) into[k] += from[k]
}

export function createReportAccumulator(options: ReportOptions & { period: ReportPeriod }) {
  const { period, ...rest } = options
  const opts = resolveReportOptions(rest)
  const range = periodRange(period)
  const { start, end } = range
  const repeatEnd = end + opts.repeatWindowDays * DAY_MS
  const days = dayTypeTable(range, opts.holidaysAsOwnRow)
  const clock = hoursClock(opts.hours)

  const slots = newSlotCounts(HALF_HOURS_PER_DAY)
  const weekdays = newSlotCounts(8)
  // Per JST day of the period: every telephony record offered (all queues, any hour) and the inbound
  // calls, as meta.counts counts them: the trend chart's points.
  const daily = { offered: new Int32Array(days.types.length), calls: new Int32Array(days.types.length) }
  const topics = new Map<string | null, Record<(typeof CALL_SUMS)[number], number>>()
  const faqs = new Map<string, FaqCounts>()
  // 一次完了: logged-resolved calls of the period the same caller called again about, per category.
  const disqualified = new Map<string, number>()
  const escalations: { e: EscalationRecord; createdMs: number }[] = []
  // In hours, in the counted queues: every headline figure and table.
  const tel = zeros(TELEPHONY_SUMS)
  // Telephony offered out of hours (and inbound call logs started then), counted apart from every headline figure.
  const out = { ...zeros(TABLE_COUNTS), calls: 0 }
  const outByReason = new Map<OutOfHoursReason, number>(OUT_OF_HOURS_REASONS.map((r) => [r, 0]))
  const inbound = zeros(CALL_SUMS)
  // Calls the centre made (outbound channels): their own line only.
  const outbound = zeros(CALL_SUMS)
  const n = {
    callsCrossCheckable: 0,
    callsWithFaq: 0,
    callsForRepeatCheck: 0,
    telephonyInPeriod: 0,
    outsideCalls: 0,
    outsideTelephony: 0,
    outsideEscalations: 0,
    otherQueues: 0,
    invalidEscalations: 0,
  }

  const instantOf = (at: number | string, what: string): number => {
    const ms = parseInstant(at)
    if (Number.isNaN(ms)) throw new RangeError(`${what}.at: ${String(at)} is not an instant`)
    return ms
  }
  /** Row `i` of a table (half-hours, weekdays) gets `a`'s counts. */
  const addToRow = (counts: SlotCounts, i: number, a: Record<(typeof TABLE_COUNTS)[number], number>) => {
    for (const k of TABLE_COUNTS) counts[k][i]! += a[k]
  }

  /** Telephony records of one bucket (aggregate.ts). */
  function addTelephonySlot(a: TelephonySlotAggregate): void {
    const o = instantOf(a.at, 'telephony slot')
    const other = a.otherQueues ?? 0
    if (o < start || o >= end) {
      n.outsideTelephony += a.offered + other
      return
    }
    n.telephonyInPeriod += a.offered + other
    daily.offered[days.dayAt(o)]! += a.offered + other
    n.otherQueues += other
    const reason = clock.outOfHours(o)
    if (reason) {
      addSums(out, a, TABLE_COUNTS)
      outByReason.set(reason, outByReason.get(reason)! + a.offered)
      return
    }
    addSums(tel, a, TELEPHONY_SUMS)
    addToRow(slots, jstHalfHourSlot(o), a)
    addToRow(weekdays, days.indexOf(o), a)
  }

  /** Call logs of one bucket, category and direction (aggregate.ts); those in the repeat window after the period are counted apart only. */
  function addCallSlot(a: CallSlotAggregate): void {
    const t = instantOf(a.at, 'call slot')
    if (a.part !== 'times' && t >= start && t < end && !a.outbound) {
      if (!topics.has(a.category)) topics.set(a.category, zeros(CALL_SUMS))
      addSums(topics.get(a.category)!, a, CALL_SUMS)
    }
    if (a.part === 'topics') return
    if (t < start || t >= repeatEnd) n.outsideCalls += a.calls
    else if (t >= end) n.callsForRepeatCheck += a.calls
    else if (a.outbound) addSums(outbound, a, CALL_SUMS)
    else {
      if (clock.outOfHours(t)) out.calls += a.calls
      daily.calls[days.dayAt(t)]! += a.calls
      slots.calls[jstHalfHourSlot(t)]! += a.calls
      weekdays.calls[days.indexOf(t)]! += a.calls
      addSums(inbound, a, CALL_SUMS)
    }
  }

  /** The 一次完了 repeat check of a category's calls (calls in the period only; aggregate.ts). */
  function addRepeatCheck(a: RepeatCheckAggregate): void {
    const t = instantOf(a.at, 'repeat check')
    if (t < start || t >= end) return
    n.callsCrossCheckable += a.crossCheckable
    disqualified.set(a.category, (disqualified.get(a.category) ?? 0) + a.disqualified)
  }

  function addFaqUsage(a: FaqUsageAggregate): void {
    n.callsWithFaq += a.callsWithFaq
    for (const f of a.faqs) {
      const c = faqs.get(f.faqId) ?? { count: 0, first: 0 }
      faqs.set(f.faqId, c)
      c.count += f.count
      c.first += f.first
    }
  }

  function addEscalation(e: EscalationRecord): void {
    const t = parseInstant(e.createdAt)
    if (Number.isNaN(t)) n.invalidEscalations++
    else if (t < start || t >= end) n.outsideEscalations++
    else escalations.push({ e, createdMs: t })
  }

  /** The report so far; may be called again after more is added. */
  function finish() {
    const hasTelephony = opts.telephonyAvailable ?? n.telephonyInPeriod > 0
    const ifTel = <T>(value: T): T | null => (hasTelephony ? value : null)
    const repeatDisqualified = [...disqualified.values()].reduce((sum, d) => sum + d, 0)
    const firstContactResolved = inbound.loggedResolved - repeatDisqualified
    const escalationsInPeriod = escalationSummary(escalations)
    const iso = rangeToIso(range)
    return {
      offered: ifTel(tel.offered),
      answered: ifTel(tel.answered),
      abandoned: {
        count: ifTel(tel.abandoned),
        short: ifTel(tel.shortAbandoned),
        rate: hasTelephony ? abandonRate(tel) : null,
        shortThresholdSeconds: opts.shortAbandonSeconds,
      },
      answerRate: hasTelephony ? answerRate(tel) : null,
      firstContactResolutionRate: firstContactResolutionRate({ firstContactResolved, calls: inbound.calls }),
      serviceLevel: {
        rate: hasTelephony ? serviceLevel(tel, opts.serviceLevelBase) : null,
        answeredWithin: ifTel(tel.answeredWithin),
        thresholdSeconds: opts.serviceLevelSeconds,
        base: opts.serviceLevelBase,
        target: opts.serviceLevelTarget,
      },
      asaSeconds: hasTelephony ? asaSeconds(tel) : null,
      attSeconds: attSeconds(inbound),
      ahtSeconds: ahtSeconds(inbound),
      // Telephony offered while the centre was closed, out of every figure above and every table, by
      // why; `calls`: inbound logs started then, which stay in the call-log figures.
      outOfHours: {
        offered: ifTel(out.offered),
        answered: ifTel(out.answered),
        abandoned: ifTel(out.abandoned),
        shortAbandoned: ifTel(out.shortAbandoned),
        byReason: OUT_OF_HOURS_REASONS.map((reason) => ({
          reason,
          offered: ifTel(outByReason.get(reason)!),
        })),
        calls: out.calls,
      },
      // Calls the centre made: apart, out of ATT, AHT, 一次完了 and FAQ usage.
      outbound: { calls: outbound.calls, ahtSeconds: ahtSeconds(outbound) },
      byHalfHour: halfHourRows(slots, hasTelephony),
      byWeekday: weekdayRows(weekdays, days, hasTelephony, opts.holidaysAsOwnRow),
      byTopic: topicRows(topics, inbound.calls, disqualified),
      faqUsage: faqUsageRows(faqs, inbound.calls),
      escalations: escalationsInPeriod,
      // No call, no telephony record and no escalation in the period.
      empty: inbound.calls + outbound.calls === 0 && n.telephonyInPeriod === 0 && escalations.length === 0,
      meta: {
        period: {
          ...period,
          start: iso.start,
          end: iso.end,
          labels: periodLabels(period),
          days: days.types.length, // JST calendar days
          holidays: holidaysIn(range),
        },
        hasTelephony,
        options: opts,
        counts: {
          calls: inbound.calls,
          telephony: n.telephonyInPeriod,
          escalations: escalations.length,
          callsForRepeatCheck: n.callsForRepeatCheck, // after the period, for the repeat check only
          outside: {
            calls: n.outsideCalls,
            telephony: n.outsideTelephony,
            escalations: n.outsideEscalations,
          },
          otherQueues: n.otherQueues, // not in options.queues
          // Records whose timestamp does not parse: computeReport counts the calls and PBX records.
          invalid: { calls: 0, telephony: 0, escalations: n.invalidEscalations },
          // Left out of ATT/AHT (no valid span) and of ASA/service level (answer before offer).
          callsWithoutTalk: inbound.calls - inbound.callsWithTalk,
          answeredWithoutWait: tel.answered - tel.answeredWithWait,
        },
        details: {
          offeredForRate: ifTel(offeredForRate(tel)),
          loggedResolved: inbound.loggedResolved,
          repeatDisqualified,
          firstContactResolved,
          callsCrossCheckable: n.callsCrossCheckable, // with a caller hash and a category
          callsWithFaq: n.callsWithFaq,
          callsWithoutFaq: inbound.calls - n.callsWithFaq,
        },
      },
    }
  }

  return {
    period,
    range,
    options: opts,
    daily,
    addTelephonySlot,
    addCallSlot,
    addRepeatCheck,
    addFaqUsage,
    addEscalation,
    finish,
  }
}
