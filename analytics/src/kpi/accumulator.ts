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
import { hoursClock, OUT_OF_HOURS_REASONS, type OutOfHoursReason } from './hours'
import { isOutboundChannel } from '@kotae/content/contracts/calls'
import { type ReportOptions, type ResolvedReportOptions, resolveReportOptions } from './options'
import { type ReportPeriod, periodLabels, periodRange } from './period'
import type { CallLogRecord, EscalationRecord, TelephonyRecord } from './records'
import {
  type CallSlotAggregate,
  type FaqUsageAggregate,
  type RepeatCheckAggregate,
  type RepeatCheckCall,
  type TelephonySlotAggregate,
  checkCallSlot,
  checkRepeatCheck,
  checkFaqUsage,
  checkTelephonySlot,
} from './aggregate'
import type { Report } from './report'
import { isWithinServiceLevel, serviceLevel } from './service-level'
import { HALF_HOURS_PER_DAY } from '../time'

export interface ReportAccumulator {
  readonly period: ReportPeriod
  readonly range: InstantRange
  /** The resolved options; pre-aggregated counts must be taken with these thresholds and outcomes. */
  readonly options: ResolvedReportOptions
  /**
   * Pre-aggregated counts must be grouped by buckets of this many ms (a divisor of 30 minutes on JST
   * half-hour boundaries), in which in-hours / out-of-hours never changes (hours.ts).
   */
  readonly bucketMs: number
  addCall(call: CallLogRecord): void
  addCalls(calls: Iterable<CallLogRecord>): void
  addTelephony(record: TelephonyRecord): void
  addTelephonyRecords(records: Iterable<TelephonyRecord>): void
  addEscalation(escalation: EscalationRecord): void
  addEscalations(escalations: Iterable<EscalationRecord>): void
  /** Telephony records of one JST half-hour counted elsewhere (a database); see aggregate.ts. */
  addTelephonySlot(slot: TelephonySlotAggregate): void
  /** Call logs of one JST half-hour and one category counted elsewhere; see aggregate.ts. */
  addCallSlot(slot: CallSlotAggregate): void
  /**
   * One call for the 一次完了 repeat check only (its counts come through addCallSlot): a call with a
   * caller hash and a category, in the period or in the repeat window after it.
   */
  addRepeatCheckCall(call: RepeatCheckCall): void
  /** The repeat check of a category's calls done elsewhere (calls in the period only); see aggregate.ts. */
  addRepeatCheck(check: RepeatCheckAggregate): void
  /** FAQ usage counted elsewhere (calls in the period only). */
  addFaqUsage(usage: FaqUsageAggregate): void
  /** The report so far; may be called again after more records are added. */
  finish(): Report
}

export function createReportAccumulator(
  options: ReportOptions & { period: ReportPeriod },
): ReportAccumulator {
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
  // Repeat checks a database did (addRepeatCheck), per category, added to the tracker's at finish().
  const checkedElsewhere = new Map<string, number>()
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
    invalidCalls: 0,
    invalidTelephony: 0,
    invalidEscalations: 0,
    callsWithoutTalk: 0,
    telephonyWithoutWait: 0,
  }

  // Each record is counted as an aggregate of one (callCounts, telephonyCounts), so a record and a
  // pre-aggregated slot from the database go through the same sums.

  function addCall(call: CallLogRecord): void {
    const t = parseInstant(call.talkStartedAt)
    if (Number.isNaN(t)) {
      n.invalidCalls++
      return
    }
    const isOutbound = isOutboundChannel(call.channel)
    const crossCheckable = !isOutbound && !!call.callerHash && !!call.category
    const isResolved = resolved.has(call.outcome)
    const talk = talkSeconds(call, opts.holdInsideTalkSpan, t)
    const handle = handleSeconds(call, talk, opts.holdInsideTalkSpan, t)
    const withTalk = talk !== null && handle !== null
    const place = callCounts(t, {
      at: t,
      category: call.category || null,
      calls: 1,
      loggedResolved: isResolved ? 1 : 0,
      callsWithTalk: withTalk ? 1 : 0,
      talkSeconds: withTalk ? talk : 0,
      handleSeconds: withTalk ? handle : 0,
      outbound: isOutbound,
    })
    if (place === 'outside' || (isOutbound && place === 'period')) return
    // A call in the repeat window after the period is only evidence that an earlier resolved call was not first-contact.
    if (crossCheckable) {
      if (place === 'period') n.callsCrossCheckable++
      repeats.add(call.callerHash!, call.category!, t, place === 'period' && isResolved)
    }
    if (place === 'period' && addFaqsUsed(faqs, call.faqsUsed)) n.callsWithFaq++
  }

  function addTelephony(record: TelephonyRecord): void {
    const o = parseInstant(record.offeredAt)
    if (Number.isNaN(o)) {
      n.invalidTelephony++
      return
    }
    const one = {
      at: o,
      offered: 0,
      answered: 0,
      answeredWithWait: 0,
      waitSeconds: 0,
      answeredWithin: 0,
      shortAbandoned: 0,
      abandoned: 0,
      otherQueues: 0,
    }
    if (queues !== null && !queues.has(record.queue)) one.otherQueues = 1
    else if (isAnswered(record)) {
      one.offered = one.answered = 1
      const wait = answerWaitSeconds(record, o)
      if (wait !== null) {
        one.answeredWithWait = 1
        one.waitSeconds = wait
        if (isWithinServiceLevel(wait, opts.serviceLevelSeconds)) one.answeredWithin = 1
      }
    } else {
      one.offered = 1
      const wait = abandonWaitSeconds(record, o)
      if (wait !== null && wait < opts.shortAbandonSeconds) one.shortAbandoned = 1
      else one.abandoned = 1
    }
    telephonyCounts(o, one)
  }

  const instantOf = (at: number | string, what: string): number => {
    const ms = parseInstant(at)
    if (Number.isNaN(ms)) throw new RangeError(`${what}.at: ${String(at)} is not an instant`)
    return ms
  }

  function addTelephonySlot(a: TelephonySlotAggregate): void {
    checkTelephonySlot(a)
    telephonyCounts(instantOf(a.at, 'telephony slot'), a)
  }

  /** Telephony counts offered at instant `o`. */
  function telephonyCounts(o: number, a: TelephonySlotAggregate): void {
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

  function addCallSlot(a: CallSlotAggregate): void {
    checkCallSlot(a)
    callCounts(instantOf(a.at, 'call slot'), a)
  }

  /** Call-log counts started at instant `t`; says where `t` lies (the period, the repeat window after it, or outside). */
  function callCounts(t: number, a: CallSlotAggregate): 'period' | 'repeat-window' | 'outside' {
    if (t < start || t >= repeatEnd) {
      n.outsideCalls += a.calls
      return 'outside'
    }
    if (t >= end) {
      n.callsForRepeatCheck += a.calls
      return 'repeat-window'
    }
    if (a.outbound) {
      outbound.calls += a.calls
      outbound.callsWithTalk += a.callsWithTalk
      outbound.handleSeconds += a.handleSeconds
      return 'period'
    }
    if (clock.outOfHours(t)) out.calls += a.calls
    n.calls += a.calls
    slots.calls[jstHalfHourSlot(t)]! += a.calls
    weekdays.calls[days.indexOf(t)]! += a.calls
    let topic = topics.get(a.category)
    if (!topic) topics.set(a.category, (topic = newTopicCounts()))
    topic.calls += a.calls
    n.callsWithTalk += a.callsWithTalk
    n.callsWithoutTalk += a.calls - a.callsWithTalk
    n.talkSeconds += a.talkSeconds
    n.handleSeconds += a.handleSeconds
    topic.callsWithTalk += a.callsWithTalk
    topic.handleSeconds += a.handleSeconds
    n.loggedResolved += a.loggedResolved
    topic.loggedResolved += a.loggedResolved
    return 'period'
  }

  function addRepeatCheckCall(c: RepeatCheckCall): void {
    if (
      (typeof c.caller === 'number' ? !Number.isSafeInteger(c.caller) || c.caller < 0 : !c.caller) ||
      !c.category
    )
      throw new RangeError(
        'repeat-check call: caller (a hash, or a whole number key) and category are required',
      )
    const t = instantOf(c.at, 'repeat-check call')
    if (t < start || t >= repeatEnd) return
    if (t >= end) repeats.add(c.caller, c.category, t, false)
    else {
      n.callsCrossCheckable++
      repeats.add(c.caller, c.category, t, c.loggedResolved)
    }
  }

  function addRepeatCheck(a: RepeatCheckAggregate): void {
    checkRepeatCheck(a)
    const t = instantOf(a.at, 'repeat check')
    if (t < start || t >= end) return
    n.callsCrossCheckable += a.crossCheckable
    checkedElsewhere.set(a.category, (checkedElsewhere.get(a.category) ?? 0) + a.disqualified)
  }

  function addFaqUsage(a: FaqUsageAggregate): void {
    checkFaqUsage(a)
    n.callsWithFaq += a.callsWithFaq
    for (const f of a.faqs) {
      let c = faqs.get(f.faqId)
      if (!c) faqs.set(f.faqId, (c = { count: 0, first: 0 }))
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
    const repeat = repeats.finish()
    for (const [category, disqualified] of checkedElsewhere) {
      if (!disqualified) continue
      repeat.disqualified += disqualified
      repeat.disqualifiedByCategory.set(
        category,
        (repeat.disqualifiedByCategory.get(category) ?? 0) + disqualified,
      )
    }
    const firstContactResolved = n.loggedResolved - repeat.disqualified
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
      byTopic: topicRows(topics, n.calls, repeat.disqualifiedByCategory),
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
          invalid: {
            calls: n.invalidCalls,
            telephony: n.invalidTelephony,
            escalations: n.invalidEscalations,
          },
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
    options: opts,
    bucketMs: clock.bucketMs,
    addCall,
    addCalls: each(addCall),
    addTelephony,
    addTelephonyRecords: each(addTelephony),
    addEscalation,
    addEscalations: each(addEscalation),
    addTelephonySlot,
    addCallSlot,
    addRepeatCheckCall,
    addRepeatCheck,
    addFaqUsage,
    finish,
  }
}
