import type { PayloadHandler, PayloadRequest } from 'payload'

import { hasRole, type Role } from './roles'

/** An error answer in Payload's own shape (`{ errors: [{ message }] }`), as the admin shows it. */
const errorResponse = (status: number, message: string): Response =>
  Response.json({ errors: [{ message }] }, { status })

/**
 * The gate of a custom endpoint, which Payload's collection access does not cover: 401 without a
 * session; with `roles`, 403 for staff who hold none of them (`forbidden` says what they may not
 * do). Undefined when the request may go on.
 */
export function refuseUnless(
  req: Pick<PayloadRequest, 'user'>,
  only?: { roles: readonly Role[]; forbidden: string },
): Response | undefined {
  if (!req.user) return errorResponse(401, 'サインインが必要です。')
  if (only && !hasRole(req.user, ...only.roles)) return errorResponse(403, only.forbidden)
  return undefined
}

/** A request with a signed-in user: what a gated handler is given. */
type SignedInRequest = PayloadRequest & { user: NonNullable<PayloadRequest['user']> }

/** The handler of a custom endpoint behind {@link refuseUnless}: `handler` sees only the requests it lets through. */
export const gated =
  (
    only: { roles: readonly Role[]; forbidden: string } | undefined,
    handler: (req: SignedInRequest) => Promise<Response>,
  ): PayloadHandler =>
  (req) =>
    // refuseUnless answers every request without a user: the rest are signed in.
    refuseUnless(req, only) ?? handler(req as SignedInRequest)
