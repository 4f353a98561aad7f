import type { Access, FieldAccess } from 'payload'

import { hasRole, type Role } from './roles'

/** Allows the request when the signed-in user holds one of `roles`. */
export const roleIn =
  (...roles: Role[]): Access =>
  ({ req }) =>
    hasRole(req.user, ...roles)

/** Field-level twin of {@link roleIn}. */
export const fieldRoleIn =
  (...roles: Role[]): FieldAccess =>
  ({ req }) =>
    hasRole(req.user, ...roles)
