import type { Access } from 'payload'

import { hasRole } from './roles'

/** Supervisors, reviewers and admins reach every call; an operator only the calls they took. */
export const ownCallsOrSupervisor: Access = ({ req }) => {
  if (hasRole(req.user, 'admin', 'supervisor', 'reviewer')) return true
  if (hasRole(req.user, 'operator') && req.user) return { operator: { equals: req.user.id } }
  return false
}
