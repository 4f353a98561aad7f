/**
 * staleContent: published FAQs that need an editor's look, with every reason that applies.
 *
 *   past-review-by   reviewBy < now
 *   unused           no logged call used it and no site visitor viewed it in the last `unusedDays`
 *                    (only for entries older than that: a new FAQ is not "unused")
 *   low-helpfulness  at least `minVotes` votes in the window and helpful / votes < `maxHelpfulRate`
 */
import { DAY_MS, jstDaysBetween, parseInstant } from '../time'

export const STALE_REASONS = ['past-review-by', 'unused', 'low-helpfulness'] as const
export type StaleReason = (typeof STALE_REASONS)[number]
export const STALE_REASON_LABELS: Record<StaleReason, string> = {
  'past-review-by': '見直し期限切れ',
  unused: '利用なし',
  'low-helpfulness': '「解決した」が少ない',
}

export interface StaleInput {
  id: string
  title: string
  /** ISO date or instant. */
  reviewBy: string | null
  /** When the entry was created (ISO). */
  createdAt: string
  /** Last logged call that used it, within the window or ever (ISO), or null. */
  lastUsedAt: string | null
  /** Last site view (ISO), or null. */
  lastViewedAt: string | null
  helpfulVotes: number
  notHelpfulVotes: number
}

export interface StaleOptions {
  now: Date | string
  /** Default 90. */
  unusedDays?: number
  /** Votes needed before helpfulness is judged. Default 5. */
  minVotes?: number
  /** Below this share of "helpful" votes is low. Default 0.5. */
  maxHelpfulRate?: number
}

export interface StaleRow {
  id: string
  title: string
  reasons: StaleReason[]
  reviewBy: string | null
  /** Days past the review-by date, 0 when not past. */
  daysOverdue: number
  lastUsedAt: string | null
  lastViewedAt: string | null
  votes: number
  /** helpful / votes, null without votes. */
  helpfulRate: number | null
}

export function staleContent(entries: Iterable<StaleInput>, options: StaleOptions): StaleRow[] {
  const now = parseInstant(options.now)
  const unusedMs = (options.unusedDays ?? 90) * DAY_MS
  const minVotes = options.minVotes ?? 5
  const maxRate = options.maxHelpfulRate ?? 0.5
  const rows: StaleRow[] = []
  for (const e of entries) {
    const reasons: StaleReason[] = []
    const reviewBy = parseInstant(e.reviewBy)
    const daysOverdue = Number.isFinite(reviewBy) && reviewBy < now ? jstDaysBetween(reviewBy, now) : 0
    if (Number.isFinite(reviewBy) && reviewBy < now) reasons.push('past-review-by')
    const created = parseInstant(e.createdAt)
    const lastUse = Math.max(
      parseInstant(e.lastUsedAt) || -Infinity,
      parseInstant(e.lastViewedAt) || -Infinity,
    )
    if (Number.isFinite(created) && now - created >= unusedMs && !(lastUse > now - unusedMs))
      reasons.push('unused')
    const votes = e.helpfulVotes + e.notHelpfulVotes
    const helpfulRate = votes > 0 ? e.helpfulVotes / votes : null
    if (votes >= minVotes && helpfulRate !== null && helpfulRate < maxRate) reasons.push('low-helpfulness')
    if (reasons.length === 0) continue
    rows.push({
      id: e.id,
      title: e.title,
      reasons,
      reviewBy: e.reviewBy,
      daysOverdue,
      lastUsedAt: e.lastUsedAt,
      lastViewedAt: e.lastViewedAt,
      votes,
      helpfulRate,
    })
  }
  // Most reasons first, then longest overdue, then title.
  return rows.sort(
    (a, b) =>
      b.reasons.length - a.reasons.length ||
      b.daysOverdue - a.daysOverdue ||
      a.title.localeCompare(b.title, 'ja'),
  )
}
