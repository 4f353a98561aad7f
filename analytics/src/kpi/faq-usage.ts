/**
 * FAQ利用 (FAQ usage per FAQ id), from the call logs' faqsUsed, most used first.
 *
 *   row.count = |{ c logged in the period : id ∈ c.faqsUsed }|     (a call counts an FAQ once)
 *   row.first = |{ c : c.faqsUsed[0] = id }|                       (the FAQ the operator opened first)
 *   row.share = row.count / all logged calls
 *
 * Calls with no FAQ at all are counted in the report metadata (callsWithoutFaq): they feed the gap analysis.
 */
import { ratio } from './stats'

export type FaqUsageRow = ReturnType<typeof faqUsageRows>[number]

export interface FaqCounts {
  count: number
  first: number
}

/** Adds one call's FAQs to the counts, each FAQ once. Returns whether the call used any. */
export function addFaqsUsed(
  counts: Map<string, FaqCounts>,
  faqsUsed: readonly string[] | null | undefined,
): boolean {
  if (!faqsUsed || faqsUsed.length === 0) return false
  for (let i = 0; i < faqsUsed.length; i++) {
    const id = faqsUsed[i]!
    if (faqsUsed.indexOf(id) !== i) continue
    const c = counts.get(id) ?? { count: 0, first: 0 }
    counts.set(id, c)
    c.count++
    if (i === 0) c.first++
  }
  return true
}

export function faqUsageRows(counts: Map<string, FaqCounts>, totalCalls: number) {
  return [...counts]
    .map(([faqId, c]) => ({ faqId, count: c.count, first: c.first, share: ratio(c.count, totalCalls) }))
    .sort(
      (a, b) =>
        b.count - a.count || b.first - a.first || (a.faqId < b.faqId ? -1 : a.faqId > b.faqId ? 1 : 0),
    )
}
