import {
  APIError,
  AuthenticationError,
  LockedAuth,
  logoutOperation,
  ValidationError,
  type CollectionBeforeValidateHook,
  type PayloadRequest,
} from 'payload'

import {
  accountKey,
  addressOf,
  LOGIN_FAILURE_FLOOR_MS,
  LOGIN_THROTTLED_MESSAGE,
  loginFailures,
} from '../../http/loginGuard'

export const CURRENT_PASSWORD_MISSING =
  'メールアドレスやパスワードを変更するには、現在のパスワードを入力してください。'
export const CURRENT_PASSWORD_WRONG = '現在のパスワードが正しくありません。もう一度入力してください。'

const sameEmail = (a: unknown, b: unknown): boolean =>
  typeof a === 'string' && typeof b === 'string' && a.trim().toLowerCase() === b.trim().toLowerCase()

/** The session id inside a token Payload has just signed (trusted: it never left this process). */
const sessionIdOf = (token: string | undefined): string | undefined => {
  try {
    const sid: unknown = JSON.parse(Buffer.from(token?.split('.')[1] ?? '', 'base64url').toString('utf8')).sid
    return typeof sid === 'string' ? sid : undefined
  } catch {
    return undefined
  }
}

/**
 * Whether `password` is the account's password, asked of Payload's own sign-in (its public local
 * API), inside the request's transaction: Kotae never reads the hash. Payload's account lock is
 * off (maxLoginAttempts: 0, index.ts), so a wrong password here counts towards nothing and writes
 * nothing; a right one opens a session, which is closed again at once (Payload's update would
 * also write back the sessions it read before, but this does not rely on it). `req.user` is put
 * back, so the update that follows still knows the session it came from.
 */
async function passwordMatches(req: PayloadRequest, email: string, password: string): Promise<boolean> {
  const user = req.user
  try {
    const { token } = await req.payload.login({ collection: 'users', data: { email, password }, req })
    const sid = sessionIdOf(token)
    if (sid && user) {
      // Payload's logout closes the session named by the user's `_sid`.
      req.user = Object.assign({ ...user }, { collection: 'users' as const, _sid: sid })
      await logoutOperation({ collection: req.payload.collections.users, req })
    }
    return true
  } catch (error) {
    if (error instanceof AuthenticationError || error instanceof LockedAuth) return false
    throw error
  } finally {
    req.user = user
  }
}

/**
 * A change of one's OWN password or e-mail carries the current password, `currentPassword` (REST,
 * the admin's account page, the local API with a user): a session left open at a desk, or a stolen
 * cookie, cannot take the account over. An administrator resetting another user's password needs
 * none; neither does the system (no user). A wrong one is answered no sooner than a failed sign-in
 * (LOGIN_FAILURE_FLOOR_MS) and counts as one towards the sign-in limits of the address and of the
 * account from that address (src/http/loginGuard.ts): a session is no way round them to guess the
 * password. `currentPassword` is never stored or returned.
 */
export const requireCurrentPassword: CollectionBeforeValidateHook = async ({
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (!data) return data
  const { currentPassword, ...rest } = data as Record<string, unknown>
  const own =
    operation === 'update' &&
    originalDoc &&
    req.user?.collection === 'users' &&
    String(req.user.id) === String(originalDoc.id)
  if (!own) return rest
  const changesPassword = typeof rest.password === 'string' && rest.password !== ''
  const changesEmail = typeof rest.email === 'string' && !sameEmail(rest.email, originalDoc.email)
  if (!changesPassword && !changesEmail) return rest
  if (typeof currentPassword !== 'string' || currentPassword === '') {
    throw new ValidationError(
      { errors: [{ path: 'currentPassword', message: CURRENT_PASSWORD_MISSING }] },
      req.t,
    )
  }
  const failures = loginFailures()
  const address = addressOf(req.headers)
  const account = accountKey(originalDoc.email)
  if (failures.throttled(address, account)) throw new APIError(LOGIN_THROTTLED_MESSAGE, 429, null, true)
  const started = Date.now()
  if (await passwordMatches(req, String(originalDoc.email), currentPassword)) {
    failures.succeeded(address, account)
    return rest
  }
  failures.failed(address, account)
  const wait = LOGIN_FAILURE_FLOOR_MS - (Date.now() - started)
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
  throw new ValidationError({ errors: [{ path: 'currentPassword', message: CURRENT_PASSWORD_WRONG }] }, req.t)
}
