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
  // Grouped by caller: most callers call once and need no comparison (no map per caller and category).
  const byCaller = new Map<string, number[]>()
  calls.forEach((c, i) => {
    const group = byCaller.get(c.caller)
    if (group) group.push(i)
    else byCaller.set(c.caller, [i])
  })
  const again = new Array<boolean>(calls.length).fill(false)
  for (const group of byCaller.values()) {
    if (group.length < 2) continue
    group.sort((i, j) => calls[i]!.at - calls[j]!.at)
    group.forEach((i, x) => {
      const c = calls[i]!
      // The caller's later calls in time order, up to the window's end (those at the same instant do not count).
      for (let y = x + 1; y < group.length && calls[group[y]!]!.at - c.at <= windowMs; y++) {
        const n = calls[group[y]!]!
        if (n.at > c.at && n.category === c.category) {
          again[i] = true
          break
        }
      }
    })
  }
  return again
}
