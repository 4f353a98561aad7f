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
 * for this check only. The CMS sets the same flag at write time in SQL (decision 0045 there).
 */
import { ratio } from './stats'

export function firstContactResolutionRate(counts: {
  firstContactResolved: number
  calls: number
}): number | null {
  return ratio(counts.firstContactResolved, counts.calls)
}

/** For each call, whether the same caller called again about the same category within `windowMs` after it. */
export function calledAgain(
  calls: readonly { caller: string; category: string; at: number }[],
  windowMs: number,
): boolean[] {
  // Per caller, per category: the start times, sorted (nested maps: no key strings to build).
  const times = new Map<string, Map<string, number[]>>()
  for (const c of calls) {
    const byCategory = times.get(c.caller) ?? new Map<string, number[]>()
    if (!byCategory.size) times.set(c.caller, byCategory)
    const ts = byCategory.get(c.category)
    if (ts) ts.push(c.at)
    else byCategory.set(c.category, [c.at])
  }
  for (const byCategory of times.values()) for (const ts of byCategory.values()) ts.sort((a, b) => a - b)
  return calls.map((c) => {
    // The first call of the pair strictly later than this one (calls at the same instant do not repeat each other).
    const ts = times.get(c.caller)!.get(c.category)!
    let [lo, hi] = [0, ts.length]
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (ts[mid]! <= c.at) lo = mid + 1
      else hi = mid
    }
    return lo < ts.length && ts[lo]! - c.at <= windowMs
  })
}
