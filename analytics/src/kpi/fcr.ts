/**
 * 一次完了率 FCR (first-contact resolution rate), from the operators' call logs.
 *
 *   loggedResolved(c) = c.outcome ∈ resolvedOutcomes                          (default: 'resolved')
 *   repeat(c)         = ∃ c' : c'.callerHash = c.callerHash, c'.category = c.category,
 *                             c.talkStartedAt < c'.talkStartedAt ≤ c.talkStartedAt + repeatWindowDays
 *   fcr(c)            = loggedResolved(c) ∧ ¬repeat(c)
 *   FCR               = |{ c in the period : fcr(c) }| / |{ c in the period }|
 *
 * The operator's word is cross-checked against behaviour: if the same caller (known only by a salted
 * hash of the number) calls again about the same category within 7 days (any outcome), the first call
 * did not resolve the matter. A call without callerHash (非通知) or without a category cannot be
 * cross-checked and keeps its logged outcome. The repeat may fall after the period's end, so the
 * caller of computeReport should also pass the calls of the `repeatWindowDays` after it; they are used
 * for this check only.
 *
 * The tracker keeps one number per (caller, category) seen once and a small array for repeaters, in
 * any input order; finish() sorts each repeater's calls, so the whole check is O(n log k) for k calls
 * per caller.
 */
import { ratio } from './stats'
import type { CallLogRecord, CallOutcome } from './records'

export function isLoggedResolved(call: Pick<CallLogRecord, 'outcome'>, resolvedOutcomes: readonly CallOutcome[] = ['resolved']): boolean {
  return resolvedOutcomes.includes(call.outcome)
}

export function firstContactResolutionRate(counts: { firstContactResolved: number; calls: number }): number | null {
  return ratio(counts.firstContactResolved, counts.calls)
}

const SEP = '\u0001'

export interface RepeatCheckResult {
  /** Logged-resolved calls in the period that had a repeat within the window. */
  disqualified: number
  /** The same, per category slug. */
  disqualifiedByCategory: Map<string, number>
}

/** Finds logged-resolved calls followed by a repeat call from the same caller on the same category. */
export class RepeatTracker {
  // Each call is coded as ms * 2 + (1 if it is a logged-resolved call of the period): exact below 2^53.
  private readonly calls = new Map<string, number | number[]>()
  private readonly windowMs: number

  constructor(windowDays = 7) {
    this.windowMs = windowDays * 86_400_000
  }

  /** Records one call: `resolvedInPeriod` for a call that counts, false for one that can only be a repeat. */
  add(callerHash: string, category: string, startMs: number, resolvedInPeriod: boolean): void {
    const key = callerHash + SEP + category
    const code = startMs * 2 + (resolvedInPeriod ? 1 : 0)
    const seen = this.calls.get(key)
    if (seen === undefined) this.calls.set(key, code)
    else if (typeof seen === 'number') this.calls.set(key, [seen, code])
    else seen.push(code)
  }

  finish(): RepeatCheckResult {
    let disqualified = 0
    const disqualifiedByCategory = new Map<string, number>()
    for (const [key, codes] of this.calls) {
      if (typeof codes === 'number') continue
      codes.sort((a, b) => a - b)
      // Walk from the latest call back, remembering the earliest time strictly later than the current one.
      let nextLater = Number.POSITIVE_INFINITY
      let i = codes.length - 1
      while (i >= 0) {
        const t = Math.floor(codes[i]! / 2)
        let j = i
        let found = 0
        while (j >= 0 && Math.floor(codes[j]! / 2) === t) {
          if (codes[j]! % 2 === 1 && nextLater - t <= this.windowMs) found++
          j--
        }
        if (found) {
          disqualified += found
          const category = key.slice(key.indexOf(SEP) + 1)
          disqualifiedByCategory.set(category, (disqualifiedByCategory.get(category) ?? 0) + found)
        }
        nextLater = t
        i = j
      }
    }
    return { disqualified, disqualifiedByCategory }
  }
}
