import { periodRange, type Proposal, type ReportPeriod } from '@kotae/analytics'
import type { Payload } from 'payload'

/**
 * The monthly report's improvement proposals, from the gap analysis over the report's period
 * (cms/src/gap). Null when the analysis cannot run (the report then prints a labelled empty section
 * rather than failing): the figures matter more than the proposals.
 */
export async function reportProposals(payload: Payload, period: ReportPeriod): Promise<Proposal[] | null> {
  try {
    const [{ analyzeGaps }, { gapRangeSchema }, { jstDateKey }] = await Promise.all([
      import('../gap/analysis'),
      import('../gap/range'),
      import('@kotae/analytics'),
    ])
    const { start, end } = periodRange(period)
    const range = gapRangeSchema.parse({ from: jstDateKey(start), to: jstDateKey(end - 1) })
    return (await analyzeGaps(payload, range, { maxClusters: 20, now: new Date(Math.min(end, Date.now())) }))
      .proposals
  } catch (e) {
    payload.logger.warn(`report: no improvement proposals (${(e as Error).message})`)
    return null
  }
}
