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
import type { EscalationRecord } from './records'
import { parseInstant } from '../time'

function turnaround(hours: number[]) {
  const total = hours.reduce((a, b) => a + b, 0)
  return { meanHours: ratio(total, hours.length), medianHours: median([...hours]) }
}

export type EscalationSummary = ReturnType<EscalationCounter['summary']>

export class EscalationCounter {
  count = 0
  answered = 0
  closed = 0
  private readonly answerHours: number[] = []
  private readonly closeHours: number[] = []
  private readonly urgency = new Map<string, number>()

  add(e: EscalationRecord, createdMs: number): void {
    this.count++
    if (e.answeredAt) this.answered++
    if (e.closedAt) this.closed++
    // Hours from creation to answer and to close, where set and not before the creation.
    const answer = e.answeredAt ? secondsBetween(createdMs, parseInstant(e.answeredAt)) : null
    const close = e.closedAt ? secondsBetween(createdMs, parseInstant(e.closedAt)) : null
    if (answer !== null) this.answerHours.push(answer / 3600)
    if (close !== null) this.closeHours.push(close / 3600)
    this.urgency.set(e.urgency, (this.urgency.get(e.urgency) ?? 0) + 1)
  }

  summary() {
    return {
      count: this.count,
      answered: this.answered,
      closed: this.closed,
      open: this.count - this.closed,
      answerTurnaround: turnaround(this.answerHours),
      closeTurnaround: turnaround(this.closeHours),
      byUrgency: [...this.urgency]
        .map(([urgency, count]) => ({ urgency, count }))
        .sort((a, b) => b.count - a.count || (a.urgency < b.urgency ? -1 : 1)),
    }
  }
}
