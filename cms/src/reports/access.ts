import { hasRole, type Role, type RoleHolder } from '../access/roles'

/** Who reads the call center's reports and telephony records: supervisors and the city's staff. */
export const REPORT_READERS: Role[] = ['admin', 'supervisor', 'reviewer', 'cityViewer']

export const canReadReports = (user: RoleHolder): boolean => hasRole(user, ...REPORT_READERS)
