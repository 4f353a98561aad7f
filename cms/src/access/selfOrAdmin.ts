import type { Access } from 'payload'

import { hasRole } from './roles'

/** Admins reach every user; anyone else only their own account. */
export const selfOrAdmin: Access = ({ req }) => {
  if (!req.user) return false
  if (hasRole(req.user, 'admin')) return true
  return { id: { equals: req.user.id } }
}
