/**
 * 用件別 (by topic = the call log's category slug; null is 未分類), most calls first.
 *
 *   row.calls                      = |{ c logged in the period : c.category = k }|
 *   row.share                      = row.calls / all logged calls
 *   row.firstContactResolved       = |{ c : c.category = k, fcr(c) }|              (fcr as in fcr.ts)
 *   row.firstContactResolutionRate = row.firstContactResolved / row.calls
 *   row.ahtSeconds                 = Σ handle(c) / |{ c : c.category = k, valid span }|   (as in talk.ts)
 */
import { ratio } from './stats'

export type TopicRow = ReturnType<typeof topicRows>[number]

export function topicRows(
  topics: Map<string | null, Record<'calls' | 'loggedResolved' | 'handleSeconds' | 'callsWithTalk', number>>,
  totalCalls: number,
  disqualifiedByCategory: Map<string, number>,
) {
  const rows = [...topics].map(([category, c]) => {
    const fcr = c.loggedResolved - (category === null ? 0 : (disqualifiedByCategory.get(category) ?? 0))
    return {
      category,
      calls: c.calls,
      share: ratio(c.calls, totalCalls),
      firstContactResolved: fcr,
      firstContactResolutionRate: ratio(fcr, c.calls),
      ahtSeconds: ratio(c.handleSeconds, c.callsWithTalk),
    }
  })
  return rows.sort((a, b) => b.calls - a.calls || compareCategory(a.category, b.category))
}

const compareCategory = (a: string | null, b: string | null) =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1
