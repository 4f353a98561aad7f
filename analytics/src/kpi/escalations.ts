/**
 * エスカレーション (escalations to city staff) created in the period, and their turnaround.
 *
 *   count                = |{ e : period.start ≤ e.createdAt < period.end }|
 *   answered / closed    = those with answeredAt / closedAt set;  open = count − closed
 *   answer turnaround(e) = e.answeredAt − e.createdAt    (hours, wall clock)
 *   close turnaround(e)  = e.closedAt − e.createdAt      (hours, wall clock)
 *   mean / median of each over the escalations that have it (null when none)
 *
 * Turnaround is wall-clock time, nights and holidays included: it is what the caller waits.
 */
import { median, ratio, secondsBetween } from './stats'
import type { EscalationRecord } from '../records'
import { parseInstant } from '../time'

function turnaround(hours: number[]) {
  const total = hours.reduce((a, b) => a + b, 0)
  return { meanHours: ratio(total, hours.length), medianHours: median(hours) }
}

export type EscalationSummary = ReturnType<typeof escalationSummary>

/** The summary of the escalations created in the period, each with its creation instant (ms). */
export function escalationSummary(list: readonly { e: EscalationRecord; createdMs: number }[]) {
  // Hours from creation to answer and to close, where set and not before the creation.
  const hours = (at: (e: EscalationRecord) => string | null) => {
    const seconds = list.map(({ e, createdMs }) =>
      at(e) ? secondsBetween(createdMs, parseInstant(at(e)!)) : null,
    )
    return seconds.filter((s) => s !== null).map((s) => s / 3600)
  }
  const urgency = new Map<string, number>()
  for (const { e } of list) urgency.set(e.urgency, (urgency.get(e.urgency) ?? 0) + 1)
  const closed = list.filter(({ e }) => e.closedAt).length
  return {
    count: list.length,
    answered: list.filter(({ e }) => e.answeredAt).length,
    closed,
    open: list.length - closed,
    answerTurnaround: turnaround(hours((e) => e.answeredAt)),
    closeTurnaround: turnaround(hours((e) => e.closedAt)),
    byUrgency: [...urgency]
      .map(([urgency, count]) => ({ urgency, count }))
      .sort((a, b) => b.count - a.count || (a.urgency < b.urgency ? -1 : 1)),
  }
}
