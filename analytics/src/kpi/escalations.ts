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

export interface TurnaroundSummary {
  meanHours: number | null
  medianHours: number | null
}

export interface EscalationSummary {
  count: number
  answered: number
  closed: number
  open: number
  answerTurnaround: TurnaroundSummary
  closeTurnaround: TurnaroundSummary
  byUrgency: { urgency: string; count: number }[]
}

/** Hours from creation to answer and to close, null where missing or impossible. */
export function escalationTurnaroundHours(
  e: EscalationRecord,
  createdMs = parseInstant(e.createdAt),
): { answer: number | null; close: number | null } {
  const hours = (to: string | null) => {
    if (!to) return null
    const s = secondsBetween(createdMs, parseInstant(to))
    return s === null ? null : s / 3600
  }
  return { answer: hours(e.answeredAt), close: hours(e.closedAt) }
}

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
    const t = escalationTurnaroundHours(e, createdMs)
    if (t.answer !== null) this.answerHours.push(t.answer)
    if (t.close !== null) this.closeHours.push(t.close)
    this.urgency.set(e.urgency, (this.urgency.get(e.urgency) ?? 0) + 1)
  }

  summary(): EscalationSummary {
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)
    return {
      count: this.count,
      answered: this.answered,
      closed: this.closed,
      open: this.count - this.closed,
      answerTurnaround: {
        meanHours: ratio(sum(this.answerHours), this.answerHours.length),
        medianHours: median([...this.answerHours]),
      },
      closeTurnaround: {
        meanHours: ratio(sum(this.closeHours), this.closeHours.length),
        medianHours: median([...this.closeHours]),
      },
      byUrgency: [...this.urgency]
        .map(([urgency, count]) => ({ urgency, count }))
        .sort((a, b) => b.count - a.count || (a.urgency < b.urgency ? -1 : 1)),
    }
  }
}
