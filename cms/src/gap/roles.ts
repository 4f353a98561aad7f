import type { Role } from '../access/roles'

/** Who sees the gap analysis and the dashboard: staff who run or pay for the service, not operators. */
export const ANALYSIS_READERS: Role[] = ['admin', 'supervisor', 'reviewer', 'cityViewer', 'editor']
/** Who may turn a gap into an FAQ draft: content writers and supervisors (never a read-only viewer). */
export const GAP_DRAFTERS: Role[] = ['admin', 'supervisor', 'reviewer', 'editor']
