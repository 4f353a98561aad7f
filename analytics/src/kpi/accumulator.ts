/**
 * The report's sums: counts grouped elsewhere (aggregate.ts: the CMS's rollups, or computeReport's
 * records as aggregates of one) are added in any order and mix, then finish() turns them into the
 * report. Memory stays small: fixed counters (48 slots, 8 day types), one entry per category and per
 * FAQ id, and the escalations' turnaround hours.
 */
import { DAY_MS, type InstantRange, jstHalfHourSlot, parseInstant, holidaysIn, rangeToIso } from '../time'
import { abandonRate } from './abandoned'
import { ahtSeconds } from './aht'
import { answerRate, offeredForRate } from './answer-rate'
import { asaSeconds } from './asa'
import { attSeconds } from './att'
import { halfHourRows, newSlotCounts } from './by-half-hour'
import { newTopicCounts, topicRows, type TopicCounts } from './by-topic'
import { DayTypeTable, weekdayRows } from './by-weekday'
import { EscalationCounter } from './escalations'
import { type FaqCounts, faqUsageRows } from './faq-usage'
import { firstContactResolutionRate } from './fcr'
import { hoursClock, OUT_OF_HOURS_REASONS, type OutOfHoursReason } from './hours'
import { type ReportOptions, type ResolvedReportOptions, resolveReportOptions } from './options'
import { type ReportPeriod, periodLabels, periodRange } from './period'
import type { EscalationRecord } from './records'
import type {
  CallSlotAggregate,
  FaqUsageAggregate,
  RepeatCheckAggregate,
  TelephonySlotAggregate,
} from './aggregate'
import type { Report } from './report'
import { serviceLevel } from './service-level'
import { HALF_HOURS_PER_DAY } from '../time'

export interface ReportAccumulator {
  readonly period: ReportPeriod
  readonly range: InstantRange
  /** The resolved options; the aggregates must be counted with these thresholds and outcomes. */
  readonly options: ResolvedReportOptions
  /** Telephony records of one bucket; see aggregate.ts. */
  addTelephonySlot(slot: TelephonySlotAggregate): void
  /** Call logs of one bucket, category and direction; see aggregate.ts. */
  addCallSlot(slot: CallSlotAggregate): void
  /** The 一次完了 repeat check of a category's calls (calls in the period only); see aggregate.ts. */
  addRepeatCheck(check: RepeatCheckAggregate): void
  /** FAQ usage of the period's inbound calls. */
  addFaqUsage(usage: FaqUsageAggregate): void
  addEscalation(escalation: EscalationRecord): void
  /** The report so far; may be called again after more is added. */
  finish(): Report
}

export function createReportAccumulator(
  options: ReportOptions & { period: ReportPeriod },
): ReportAccumulator {
  const { period, ...rest } = options
  const opts = resolveReportOptions(rest)
  const range = periodRange(period)
  const { start, end } = range
  const repeatEnd = end + opts.repeatWindowDays * DAY_MS
  const days = new DayTypeTable(range, opts.holidaysAsOwnRow)

  const slots = newSlotCounts(HALF_HOURS_PER_DAY)
  const weekdays = newSlotCounts(8)
  const topics = new Map<string | null, TopicCounts>()
  const faqs = new Map<string, FaqCounts>()
  // 一次完了: logged-resolved calls of the period the same caller called again about, per category.
  const disqualified = new Map<string, number>()
  const escalations = new EscalationCounter()
  const clock = hoursClock(opts.hours)
  // Telephony offered out of hours (and call logs started then), counted apart from every headline figure.
  const out = { offered: 0, answered: 0, abandoned: 0, shortAbandoned: 0, calls: 0 }
  const outByReason = new Map<OutOfHoursReason, number>(OUT_OF_HOURS_REASONS.map((r) => [r, 0]))
  // Calls the centre made (outbound channels): their own line only.
  const outbound = { calls: 0, callsWithTalk: 0, handleSeconds: 0 }

  const n = {
    calls: 0,
    callsWithTalk: 0,
    talkSeconds: 0,
    handleSeconds: 0,
    loggedResolved: 0,
    callsCrossCheckable: 0,
    callsWithFaq: 0,
    callsForRepeatCheck: 0,
    telephonyInPeriod: 0,
    offered: 0,
    answered: 0,
    answeredWithWait: 0,
    waitSeconds: 0,
    answeredWithin: 0,
    abandoned: 0,
    shortAbandoned: 0,
    outsideCalls: 0,
    outsideTelephony: 0,
    outsideEscalations: 0,
    otherQueues: 0,
    invalidEscalations: 0,
    callsWithoutTalk: 0,
    telephonyWithoutWait: 0,
  }

  const instantOf = (at: number | string, what: string): number => {
    const ms = parseInstant(at)
    if (Number.isNaN(ms)) throw new RangeError(`${what}.at: ${String(at)} is not an instant`)
    return ms
  }

  function addTelephonySlot(a: TelephonySlotAggregate): void {
    const o = instantOf(a.at, 'telephony slot')
    const other = a.otherQueues ?? 0
    if (o < start || o >= end) {
      n.outsideTelephony += a.offered + other
      return
    }
    n.telephonyInPeriod += a.offered + other
    n.otherQueues += other
    const reason = clock.outOfHours(o)
    if (reason) {
      out.offered += a.offered
      out.answered += a.answered
      out.shortAbandoned += a.shortAbandoned
      out.abandoned += a.abandoned
      outByReason.set(reason, outByReason.get(reason)! + a.offered)
      return
    }
    const slot = jstHalfHourSlot(o)
    const day = days.indexOf(o)
    n.offered += a.offered
    n.answered += a.answered
    n.answeredWithWait += a.answeredWithWait
    n.telephonyWithoutWait += a.answered - a.answeredWithWait
    n.waitSeconds += a.waitSeconds
    n.answeredWithin += a.answeredWithin
    n.shortAbandoned += a.shortAbandoned
    n.abandoned += a.abandoned
    for (const [counts, i] of [
      [slots, slot],
      [weekdays, day],
    ] as const) {
      counts.offered[i]! += a.offered
      counts.answered[i]! += a.answered
      counts.shortAbandoned[i]! += a.shortAbandoned
      counts.abandoned[i]! += a.abandoned
    }
  }

  /** Calls in the repeat window after the period are counted apart only. */
  function addCallSlot(a: CallSlotAggregate): void {
    const t = instantOf(a.at, 'call slot')
    if (t < start || t >= repeatEnd) {
      n.outsideCalls += a.calls
      return
    }
    if (t >= end) {
      n.callsForRepeatCheck += a.calls
      return
    }
    if (a.outbound) {
      outbound.calls += a.calls
      outbound.callsWithTalk += a.callsWithTalk
      outbound.handleSeconds += a.handleSeconds
      return
    }
    if (clock.outOfHours(t)) out.calls += a.calls
    n.calls += a.calls
    slots.calls[jstHalfHourSlot(t)]! += a.calls
    weekdays.calls[days.indexOf(t)]! += a.calls
    let topic = topics.get(a.category)
    if (!topic) {
      topic = newTopicCounts()
      topics.set(a.category, topic)
    }
    topic.calls += a.calls
    n.callsWithTalk += a.callsWithTalk
    n.callsWithoutTalk += a.calls - a.callsWithTalk
    n.talkSeconds += a.talkSeconds
    n.handleSeconds += a.handleSeconds
    topic.callsWithTalk += a.callsWithTalk
    topic.handleSeconds += a.handleSeconds
    n.loggedResolved += a.loggedResolved
    topic.loggedResolved += a.loggedResolved
  }

  function addRepeatCheck(a: RepeatCheckAggregate): void {
    const t = instantOf(a.at, 'repeat check')
    if (t < start || t >= end) return
    n.callsCrossCheckable += a.crossCheckable
    disqualified.set(a.category, (disqualified.get(a.category) ?? 0) + a.disqualified)
  }

  function addFaqUsage(a: FaqUsageAggregate): void {
    n.callsWithFaq += a.callsWithFaq
    for (const f of a.faqs) {
      let c = faqs.get(f.faqId)
      if (!c) {
        c = { count: 0, first: 0 }
        faqs.set(f.faqId, c)
      }
      c.count += f.count
      c.first += f.first
    }
  }

  function addEscalation(e: EscalationRecord): void {
    const t = parseInstant(e.createdAt)
    if (Number.isNaN(t)) n.invalidEscalations++
    else if (t < start || t >= end) n.outsideEscalations++
    else escalations.add(e, t)
  }

  function finish(): Report {
    const hasTelephony = opts.telephonyAvailable ?? n.telephonyInPeriod > 0
    const tel = <T>(value: T): T | null => (hasTelephony ? value : null)
    const repeatDisqualified = [...disqualified.values()].reduce((sum, d) => sum + d, 0)
    const firstContactResolved = n.loggedResolved - repeatDisqualified
    const counts = {
      offered: n.offered,
      answered: n.answered,
      shortAbandoned: n.shortAbandoned,
      abandoned: n.abandoned,
    }
    const escalationSummary = escalations.summary()
    const iso = rangeToIso(range)
    return {
      offered: tel(n.offered),
      answered: tel(n.answered),
      abandoned: {
        count: tel(n.abandoned),
        short: tel(n.shortAbandoned),
        rate: hasTelephony ? abandonRate(counts) : null,
        shortThresholdSeconds: opts.shortAbandonSeconds,
      },
      answerRate: hasTelephony ? answerRate(counts) : null,
      firstContactResolutionRate: firstContactResolutionRate({ firstContactResolved, calls: n.calls }),
      serviceLevel: {
        rate: hasTelephony
          ? serviceLevel({ ...counts, answeredWithin: n.answeredWithin }, opts.serviceLevelBase)
          : null,
        answeredWithin: tel(n.answeredWithin),
        thresholdSeconds: opts.serviceLevelSeconds,
        base: opts.serviceLevelBase,
        target: opts.serviceLevelTarget,
      },
      asaSeconds: hasTelephony ? asaSeconds(n) : null,
      attSeconds: attSeconds(n),
      ahtSeconds: ahtSeconds(n),
      outOfHours: {
        offered: tel(out.offered),
        answered: tel(out.answered),
        abandoned: tel(out.abandoned),
        shortAbandoned: tel(out.shortAbandoned),
        byReason: OUT_OF_HOURS_REASONS.map((reason) => ({ reason, offered: tel(outByReason.get(reason)!) })),
        calls: out.calls,
      },
      outbound: { calls: outbound.calls, ahtSeconds: ahtSeconds(outbound) },
      byHalfHour: halfHourRows(slots, hasTelephony),
      byWeekday: weekdayRows(weekdays, days, hasTelephony, opts.holidaysAsOwnRow),
      byTopic: topicRows(topics, n.calls, disqualified),
      faqUsage: faqUsageRows(faqs, n.calls),
      escalations: escalationSummary,
      empty: n.calls + outbound.calls === 0 && n.telephonyInPeriod === 0 && escalationSummary.count === 0,
      meta: {
        period: {
          ...period,
          start: iso.start,
          end: iso.end,
          labels: periodLabels(period),
          days: days.types.length,
          holidays: holidaysIn(range),
        },
        hasTelephony,
        options: opts,
        counts: {
          calls: n.calls,
          telephony: n.telephonyInPeriod,
          escalations: escalationSummary.count,
          callsForRepeatCheck: n.callsForRepeatCheck,
          outside: {
            calls: n.outsideCalls,
            telephony: n.outsideTelephony,
            escalations: n.outsideEscalations,
          },
          otherQueues: n.otherQueues,
          // Records whose timestamp does not parse: computeReport counts the calls and PBX records.
          invalid: { calls: 0, telephony: 0, escalations: n.invalidEscalations },
          callsWithoutTalk: n.callsWithoutTalk,
          answeredWithoutWait: n.telephonyWithoutWait,
        },
        details: {
          offeredForRate: tel(offeredForRate(counts)),
          loggedResolved: n.loggedResolved,
          repeatDisqualified,
          firstContactResolved,
          callsCrossCheckable: n.callsCrossCheckable,
          callsWithFaq: n.callsWithFaq,
          callsWithoutFaq: n.calls - n.callsWithFaq,
        },
      },
    }
  }

  return {
    period,
    range,
    options: opts,
    addTelephonySlot,
    addCallSlot,
    addRepeatCheck,
    addFaqUsage,
    addEscalation,
    finish,
  }
}
