import { hasRole, type RoleHolder } from '../access/roles'

/** Only administrators see more of the health check than up or down: GET /api/health's details, /admin/health and its link. */
export const canReadHealthDetails = (user: RoleHolder): boolean => hasRole(user, 'admin')
