/**
 * The report accumulator's inputs: counts grouped elsewhere. The CMS reads them from its rollup
 * tables, or counts them with the same grouped queries over the records (decision 0045 there);
 * computeReport hands each record over as an aggregate of one. Either way the same sums go through
 * the same formulas (the KPI files):
 *
 *   TelephonySlotAggregate  records offered in one bucket (a JST half-hour, or a part of one when the
 *                           centre's hours open or close inside it: hoursClock's `bucketMs`):
 *     offered           = |T|                                  (queues counted; otherQueues apart)
 *     answered          = |{t : answeredAt ≠ null}|
 *     answeredWithWait  = |{t answered : answeredAt ≥ offeredAt}|                 (telephony.ts)
 *     waitSeconds       = Σ (answeredAt − offeredAt) over those
 *     answeredWithin    = |{t answered : 0 ≤ answeredAt − offeredAt ≤ serviceLevelSeconds}|
 *     shortAbandoned    = |{t unanswered : 0 ≤ (abandonedAt ?? endedAt) − offeredAt < shortAbandonSeconds}|
 *     abandoned         = the other unanswered records (unknown or impossible wait included)
 *   CallSlotAggregate       call logs whose talk started in one bucket, of one category and direction (outbound or not):
 *     calls, loggedResolved (outcome ∈ resolvedOutcomes), callsWithTalk (valid span),
 *     talkSeconds = Σ talk, handleSeconds = Σ handle                            (talk.ts)
 *   RepeatCheckAggregate    the 一次完了 check of one category's calls (fcr.ts)
 *   FaqUsageAggregate       per FAQ: count (calls that used it), first (calls that opened it first),
 *                           plus callsWithFaq                                      (faq-usage.ts)
 *
 * Thresholds and resolved outcomes are the accumulator's options (`acc.options`): count with those.
 * `at` is an instant inside the bucket (e.g. the earliest record's); it places the counts in their
 * slot, day type and period, as the record's own time would. The counts are not checked again here:
 * they come from the CMS's own queries and from computeReport, which the equality tests hold to each
 * other, and a year of rollup rows (about a million) would pay for a check of each.
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
  /** Records of the same bucket in queues the report does not count (options.queues). */
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
  /** Of calls summed twice: 'times' counts in all but byTopic, 'topics' only there (default: both). */
  part?: 'times' | 'topics'
}

/**
 * The 一次完了 check of one category's inbound calls started at `at`'s bucket: how many could be
 * checked (a caller hash and a category) and how many of the logged-resolved ones the same caller
 * called again about within the repeat window. Calls outside the period are ignored.
 */
export interface RepeatCheckAggregate {
  /** An instant (epoch ms or ISO text) at which one of these calls started talking. */
  at: number | string
  category: string
  crossCheckable: number
  disqualified: number
}

export interface FaqUsageAggregate {
  faqs: readonly { faqId: string; count: number; first: number }[]
  /** Calls that used at least one FAQ. */
  callsWithFaq: number
}
