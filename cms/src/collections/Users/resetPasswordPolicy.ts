import { ValidationError, type CollectionBeforeOperationHook } from 'payload'

import { passwordProblem } from './passwordPolicy'

/**
 * A password set through the e-mailed reset link (POST /api/users/reset-password, the admin's
 * reset page, `payload.resetPassword`) meets the same policy as every other new password. Payload's
 * reset sets the hash itself and hands the collection's beforeValidate hooks the stored user, not
 * the new password, so the policy is checked here, before the token is looked up: a refused
 * password leaves the link usable.
 */
export const enforcePasswordPolicyOnReset: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'resetPassword') return args
  const password: unknown = (args as { data?: { password?: unknown } }).data?.password
  const problem = passwordProblem(typeof password === 'string' ? password : '')
  if (problem)
    throw new ValidationError(
      { collection: 'users', errors: [{ path: 'password', message: problem }] },
      req.t,
    )
  return args
}
