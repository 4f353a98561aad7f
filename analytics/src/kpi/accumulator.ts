/**
 * The streaming form of computeReport: feed records one by one in any order and any mix (from a
 * database cursor, a CSV stream, pages of an API), then finish(). Memory stays small: fixed counters
 * (48 slots, 8 day types), one entry per category and per FAQ id, the escalations' turnaround hours,
 * and for the repeat-call check one number per (caller, category) pair. Each record costs O(1)
 * except the final sort of repeat callers' calls.
 */
import { type InstantRange, jstHalfHourSlot, parseInstant, holidaysIn, rangeToIso } from '../time'
import { abandonRate, abandonWaitSeconds } from './abandoned'
import { ahtSeconds, handleSeconds } from './aht'
import { answerRate, offeredForRate } from './answer-rate'
import { isAnswered } from './answered'
import { answerWaitSeconds, asaSeconds } from './asa'
import { attSeconds, talkSeconds } from './att'
import { halfHourRows, newSlotCounts } from './by-half-hour'
import { newTopicCounts, topicRows, type TopicCounts } from './by-topic'
import { DayTypeTable, weekdayRows } from './by-weekday'
import { EscalationCounter } from './escalations'
import { addFaqsUsed, type FaqCounts, faqUsageRows } from './faq-usage'
import { RepeatTracker, firstContactResolutionRate } from './fcr'
import { type ReportOptions, resolveReportOptions } from './options'
import { type ReportPeriod, periodLabels, periodRange } from './period'
import type { CallLogRecord, EscalationRecord, TelephonyRecord } from './records'
import type { Report } from './report'
import { isWithinServiceLevel, serviceLevel } from './service-level'
import { HALF_HOURS_PER_DAY } from '../time'

export interface ReportAccumulator {
  readonly period: ReportPeriod
  readonly range: InstantRange
  addCall(call: CallLogRecord): void
  addCalls(calls: Iterable<CallLogRecord>): void
  addTelephony(record: TelephonyRecord): void
  addTelephonyRecords(records: Iterable<TelephonyRecord>): void
  addEscalation(escalation: EscalationRecord): void
  addEscalations(escalations: Iterable<EscalationRecord>): void
  /** The report so far; may be called again after more records are added. */
  finish(): Report
}

export function createReportAccumulator(options: ReportOptions & { period: ReportPeriod }): ReportAccumulator {
  const { period, ...rest } = options
  const opts = resolveReportOptions(rest)
  const range = periodRange(period)
  const { start, end } = range
  const repeatEnd = end + opts.repeatWindowDays * 86_400_000
  const resolved = new Set<string>(opts.resolvedOutcomes)
  const queues = opts.queues === null ? null : new Set(opts.queues)
  const days = new DayTypeTable(range, opts.holidaysAsOwnRow)

  const slots = newSlotCounts(HALF_HOURS_PER_DAY)
  const weekdays = newSlotCounts(8)
  const topics = new Map<string | null, TopicCounts>()
  const faqs = new Map<string, FaqCounts>()
  const repeats = new RepeatTracker(opts.repeatWindowDays)
  const escalations = new EscalationCounter()

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
    invalidCalls: 0,
    invalidTelephony: 0,
    invalidEscalations: 0,
    callsWithoutTalk: 0,
    telephonyWithoutWait: 0,
  }

  function addCall(call: CallLogRecord): void {
    const t = parseInstant(call.talkStartedAt)
    if (Number.isNaN(t)) {
      n.invalidCalls++
      return
    }
    if (t < start || t >= repeatEnd) {
      n.outsideCalls++
      return
    }
    const crossCheckable = !!call.callerHash && !!call.category
    if (t >= end) {
      // After the period: only evidence that an earlier resolved call was not first-contact.
      n.callsForRepeatCheck++
      if (crossCheckable) repeats.add(call.callerHash!, call.category!, t, false)
      return
    }
    n.calls++
    slots.calls[jstHalfHourSlot(t)]!++
    weekdays.calls[days.indexOf(t)]!++

    const category = call.category || null
    let topic = topics.get(category)
    if (!topic) topics.set(category, (topic = newTopicCounts()))
    topic.calls++

    const talk = talkSeconds(call, opts.holdInsideTalkSpan, t)
    const handle = handleSeconds(call, talk)
    if (talk === null || handle === null) n.callsWithoutTalk++
    else {
      n.callsWithTalk++
      n.talkSeconds += talk
      n.handleSeconds += handle
      topic.callsWithTalk++
      topic.handleSeconds += handle
    }

    const isResolved = resolved.has(call.outcome)
    if (isResolved) {
      n.loggedResolved++
      topic.loggedResolved++
    }
    if (crossCheckable) {
      n.callsCrossCheckable++
      repeats.add(call.callerHash!, call.category!, t, isResolved)
    }
    if (addFaqsUsed(faqs, call.faqsUsed)) n.callsWithFaq++
  }

  function addTelephony(record: TelephonyRecord): void {
    const o = parseInstant(record.offeredAt)
    if (Number.isNaN(o)) {
      n.invalidTelephony++
      return
    }
    if (o < start || o >= end) {
      n.outsideTelephony++
      return
    }
    n.telephonyInPeriod++
    if (queues !== null && !queues.has(record.queue)) {
      n.otherQueues++
      return
    }
    const slot = jstHalfHourSlot(o)
    const day = days.indexOf(o)
    n.offered++
    slots.offered[slot]!++
    weekdays.offered[day]!++
    if (isAnswered(record)) {
      n.answered++
      slots.answered[slot]!++
      weekdays.answered[day]!++
      const wait = answerWaitSeconds(record, o)
      if (wait === null) n.telephonyWithoutWait++
      else {
        n.answeredWithWait++
        n.waitSeconds += wait
        if (isWithinServiceLevel(wait, opts.serviceLevelSeconds)) n.answeredWithin++
      }
    } else {
      const wait = abandonWaitSeconds(record, o)
      if (wait !== null && wait < opts.shortAbandonSeconds) {
        n.shortAbandoned++
        slots.shortAbandoned[slot]!++
        weekdays.shortAbandoned[day]!++
      } else {
        n.abandoned++
        slots.abandoned[slot]!++
        weekdays.abandoned[day]!++
      }
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
    const repeat = repeats.finish()
    const firstContactResolved = n.loggedResolved - repeat.disqualified
    const counts = { offered: n.offered, answered: n.answered, shortAbandoned: n.shortAbandoned, abandoned: n.abandoned }
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
        rate: hasTelephony ? serviceLevel({ ...counts, answeredWithin: n.answeredWithin }, opts.serviceLevelBase) : null,
        answeredWithin: tel(n.answeredWithin),
        thresholdSeconds: opts.serviceLevelSeconds,
        base: opts.serviceLevelBase,
      },
      asaSeconds: hasTelephony ? asaSeconds(n) : null,
      attSeconds: attSeconds(n),
      ahtSeconds: ahtSeconds(n),
      byHalfHour: halfHourRows(slots, hasTelephony),
      byWeekday: weekdayRows(weekdays, days, hasTelephony, opts.holidaysAsOwnRow),
      byTopic: topicRows(topics, n.calls, repeat.disqualifiedByCategory),
      faqUsage: faqUsageRows(faqs, n.calls),
      escalations: escalationSummary,
      empty: n.calls === 0 && n.telephonyInPeriod === 0 && escalationSummary.count === 0,
      meta: {
        period: { ...period, start: iso.start, end: iso.end, labels: periodLabels(period), days: days.types.length, holidays: holidaysIn(range) },
        hasTelephony,
        options: opts,
        counts: {
          calls: n.calls,
          telephony: n.telephonyInPeriod,
          escalations: escalationSummary.count,
          callsForRepeatCheck: n.callsForRepeatCheck,
          outside: { calls: n.outsideCalls, telephony: n.outsideTelephony, escalations: n.outsideEscalations },
          otherQueues: n.otherQueues,
          invalid: { calls: n.invalidCalls, telephony: n.invalidTelephony, escalations: n.invalidEscalations },
          callsWithoutTalk: n.callsWithoutTalk,
          answeredWithoutWait: n.telephonyWithoutWait,
        },
        details: {
          offeredForRate: tel(offeredForRate(counts)),
          loggedResolved: n.loggedResolved,
          repeatDisqualified: repeat.disqualified,
          firstContactResolved,
          callsCrossCheckable: n.callsCrossCheckable,
          callsWithFaq: n.callsWithFaq,
          callsWithoutFaq: n.calls - n.callsWithFaq,
        },
      },
    }
  }

  const each =
    <T>(add: (x: T) => void) =>
    (xs: Iterable<T>) => {
      for (const x of xs) add(x)
    }

  return {
    period,
    range,
    addCall,
    addCalls: each(addCall),
    addTelephony,
    addTelephonyRecords: each(addTelephony),
    addEscalation,
    addEscalations: each(addEscalation),
    finish,
  }
}
