/**
 * The start most knowledge-base specs share: the test's fresh database migrated, one user per role
 * and a category and a source to hang FAQs on. In a spec:
 *
 *   let payload: Payload, users: Record<Role, TestUser>, refs: References
 *   beforeAll(async () => {
 *     ;({ payload, users, refs } = await startWithStaff())
 *   })
 *   afterAll(() => payload?.destroy())
 */
import type { Payload } from 'payload'

import type { Role } from '../../src/access/roles'
import { createReferences, createRoleUsers, startPayload, type TestUser } from '../helpers'

export type References = Awaited<ReturnType<typeof createReferences>>

export async function startWithStaff(): Promise<{
  payload: Payload
  users: Record<Role, TestUser>
  refs: References
}> {
  const payload = await startPayload()
  return { payload, users: await createRoleUsers(payload), refs: await createReferences(payload) }
}
