/**
 * Pre-aggregated inputs of the report accumulator, for callers that count in a database (a month of
 * a million calls is counted by SQL in a fraction of the time it takes to hand each row to
 * JavaScript). Each aggregate holds exactly the sums the per-record path (addTelephony, addCall)
 * would have added, so a report fed either way is the same; the formulas stay in the KPI files:
 *
 *   TelephonySlotAggregate  records offered in one bucket (`acc.bucketMs`: a JST half-hour, or a part
 *                           of one when the centre's hours open or close inside it):
 *     offered           = |T|                                  (queues counted; otherQueues apart)
 *     answered          = |{t : answeredAt ≠ null}|
 *     answeredWithWait  = |{t answered : answeredAt ≥ offeredAt}|                 (asa.ts)
 *     waitSeconds       = Σ (answeredAt − offeredAt) over those
 *     answeredWithin    = |{t answered : 0 ≤ answeredAt − offeredAt ≤ serviceLevelSeconds}|
 *     shortAbandoned    = |{t unanswered : 0 ≤ (abandonedAt ?? endedAt) − offeredAt < shortAbandonSeconds}|
 *     abandoned         = the other unanswered records (unknown or impossible wait included)
 *   CallSlotAggregate       call logs whose talk started in one bucket, of one category and direction (outbound or not):
 *     calls, loggedResolved (outcome ∈ resolvedOutcomes), callsWithTalk (valid span),
 *     talkSeconds = Σ talk, handleSeconds = Σ handle                            (att.ts, aht.ts)
 *   RepeatCheckCall         one call with a caller hash and a category, for the 一次完了 check (fcr.ts)
 *   FaqUsageAggregate       per FAQ: count (calls that used it), first (calls that opened it first),
 *                           plus callsWithFaq                                      (faq-usage.ts)
 *
 * Thresholds and resolved outcomes are the accumulator's options (`acc.options`): count with those.
 * `at` is an instant inside the half-hour (e.g. the earliest record's); it places the counts in their
 * slot, day type and period, as the record's own time would. Counts are checked (whole, ≥ 0, and
 * adding up: answered + shortAbandoned + abandoned = offered) and a bad aggregate throws, naming the field.
 */
export interface TelephonySlotAggregate {
  /** An instant (epoch ms or ISO text) at which one of these records was offered. */
  at: number | string
  offered: number
  answered: number
  answeredWithWait: number
  waitSeconds: number
  answeredWithin: number
  shortAbandoned: number
  abandoned: number
  /** Records of the same half-hour in queues the report does not count (options.queues). */
  otherQueues?: number
}

export interface CallSlotAggregate {
  /** An instant (epoch ms or ISO text) at which one of these calls started talking. */
  at: number | string
  /** Category slug, null for calls without one. */
  category: string | null
  calls: number
  loggedResolved: number
  callsWithTalk: number
  talkSeconds: number
  handleSeconds: number
  /** Calls the centre made (outbound channels): counted on their own line only. Default false. */
  outbound?: boolean
}

export interface RepeatCheckCall {
  /**
   * Identifies the caller: the salted caller hash (or any fixed part of it), or a whole number
   * below 2⁵³ derived from it (e.g. 52 bits of the hash), used as the tracker's key as it is.
   */
  caller: string | number
  category: string
  /** When talk started (epoch ms or ISO text). */
  at: number | string
  loggedResolved: boolean
}

/**
 * The 一次完了 check already done by a database (a per-call flag set at write time, decision 0045 in
 * the CMS): of one category's calls started in the period, how many could be checked (a caller hash
 * and a category) and how many of the logged-resolved ones the same caller called again about within
 * the repeat window. Instead of addRepeatCheckCall for those calls.
 */
export interface RepeatCheckAggregate {
  /** An instant (epoch ms or ISO text) at which one of these calls started talking. */
  at: number | string
  category: string
  crossCheckable: number
  disqualified: number
}

export function checkRepeatCheck(a: RepeatCheckAggregate): void {
  const what = 'repeat check'
  count(a.crossCheckable, 'crossCheckable', what)
  count(a.disqualified, 'disqualified', what)
  if (a.disqualified > a.crossCheckable)
    throw new RangeError(`${what}.disqualified: more than crossCheckable`)
  if (!a.category) throw new RangeError(`${what}.category: required`)
}

export interface FaqUsageAggregate {
  faqs: readonly { faqId: string; count: number; first: number }[]
  /** Calls that used at least one FAQ. */
  callsWithFaq: number
}

const COUNT_FIELDS_T = [
  'offered',
  'answered',
  'answeredWithWait',
  'answeredWithin',
  'shortAbandoned',
  'abandoned',
] as const
const COUNT_FIELDS_C = ['calls', 'loggedResolved', 'callsWithTalk'] as const

function count(value: unknown, field: string, what: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
    throw new RangeError(`${what}.${field}: ${String(value)} is not a count`)
  return value
}
function seconds(value: unknown, field: string, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
    throw new RangeError(`${what}.${field}: ${String(value)} is not a number of seconds`)
  return value
}

/** Throws a RangeError naming the field when the counts are not whole, negative, or do not add up. */
export function checkTelephonySlot(a: TelephonySlotAggregate): void {
  const what = 'telephony slot'
  for (const f of COUNT_FIELDS_T) count(a[f], f, what)
  count(a.otherQueues ?? 0, 'otherQueues', what)
  seconds(a.waitSeconds, 'waitSeconds', what)
  if (a.answered + a.shortAbandoned + a.abandoned !== a.offered)
    throw new RangeError(
      `${what}: answered + shortAbandoned + abandoned (${a.answered + a.shortAbandoned + a.abandoned}) ≠ offered (${a.offered})`,
    )
  if (a.answeredWithWait > a.answered) throw new RangeError(`${what}.answeredWithWait: more than answered`)
  if (a.answeredWithin > a.answeredWithWait)
    throw new RangeError(`${what}.answeredWithin: more than answeredWithWait`)
}

export function checkCallSlot(a: CallSlotAggregate): void {
  const what = 'call slot'
  for (const f of COUNT_FIELDS_C) count(a[f], f, what)
  seconds(a.talkSeconds, 'talkSeconds', what)
  seconds(a.handleSeconds, 'handleSeconds', what)
  if (a.loggedResolved > a.calls) throw new RangeError(`${what}.loggedResolved: more than calls`)
  if (a.callsWithTalk > a.calls) throw new RangeError(`${what}.callsWithTalk: more than calls`)
  if (a.category === '') throw new RangeError(`${what}.category: empty (use null for calls without one)`)
}

export function checkFaqUsage(a: FaqUsageAggregate): void {
  const what = 'FAQ usage'
  count(a.callsWithFaq, 'callsWithFaq', what)
  for (const f of a.faqs) {
    if (!f.faqId) throw new RangeError(`${what}.faqId: empty`)
    count(f.count, `${f.faqId}.count`, what)
    count(f.first, `${f.faqId}.first`, what)
    if (f.first > f.count) throw new RangeError(`${what}.${f.faqId}.first: more than count`)
    if (f.count > a.callsWithFaq) throw new RangeError(`${what}.${f.faqId}.count: more than callsWithFaq`)
  }
}
