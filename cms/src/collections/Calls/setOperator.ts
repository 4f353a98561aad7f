import type { CollectionBeforeChangeHook } from 'payload'

import { hasRole } from '../../access/roles'

/** The operator of a new call is the signed-in user; only supervisors and admins may log for someone else. */
export const setOperator: CollectionBeforeChangeHook = ({ data, operation, originalDoc, req }) => {
  if (operation === 'create') {
    if (!req.user || (data.operator && hasRole(req.user, 'admin', 'supervisor'))) return data
    return { ...data, operator: req.user.id }
  }
  return hasRole(req.user, 'admin', 'supervisor') ? data : { ...data, operator: originalDoc?.operator }
}
