import type { CollectionBeforeChangeHook } from 'payload'

/**
 * The README's first-user step: the account created on the empty sign-up screen becomes the
 * admin, so a new installation needs no seeded password.
 */
export const firstUserIsAdmin: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const { totalDocs } = await req.payload.count({ collection: 'users', overrideAccess: true, req })
  return totalDocs === 0 ? { ...data, roles: ['admin'] } : data
}
