import type { Proposal, ReportPeriod } from '@kotae/analytics'
import type { Payload } from 'payload'

/**
 * The monthly report's improvement proposals, from the gap analysis over the report's period.
 * Null while the CMS side of the gap analysis is not available: the report then prints a clearly
 * labelled empty section rather than failing.
 */
export async function reportProposals(_payload: Payload, _period: ReportPeriod): Promise<Proposal[] | null> {
  return null
}
