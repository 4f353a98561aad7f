import { createAttemptWindows } from './attemptWindows'
import { CLIENT_ADDRESS_HEADER } from './clientAddress'

/** One answer for every failed sign-in: unknown e-mail and wrong password alike. */
export const LOGIN_FAILED_MESSAGE = 'メールアドレスまたはパスワードが正しくありません。'
/** The answer once an address, or an account from an address, has no tries left in the window. */
export const LOGIN_THROTTLED_MESSAGE = 'サインインの試行が多すぎます。しばらくしてからお試しください。'
/** A failed sign-in is answered no sooner than this after it arrived, so its time does not tell whether the account exists. */
export const LOGIN_FAILURE_FLOOR_MS = 400
/**
 * Failed sign-ins per window: `limit` per client address (all accounts), `perAccount` per account
 * from one address. Then 429 until the window ends, for that address or that account from that
 * address only: a stranger elsewhere never stops the owner signing in. `perAccountAnywhere` bounds
 * guessing spread over many addresses: past it, an account is tried only from addresses it signed
 * in from (within `knownForMs`), so its owner still gets in and the spread guesses stop.
 */
export const LOGIN_ATTEMPTS = {
  limit: 20,
  perAccount: 10,
  perAccountAnywhere: 30,
  windowMs: 10 * 60_000,
  knownForMs: 30 * 24 * 60 * 60_000,
} as const

/** Failed sign-ins by address, by (account, address) and by account, kept in this process's memory. */
export type LoginFailures = {
  /** True when the address, or the account from this address, or the account from an address it never signed in from, has used up its failures. */
  throttled(address: string, account: string | undefined): boolean
  failed(address: string, account: string | undefined): void
  /** A right password clears the account's failures from this address (never the address's own count) and marks the address as the account's. */
  succeeded(address: string, account: string | undefined): void
}

/**
 * Counts are keyed on the e-mail as sent (trimmed, lower case), whether or not such an account
 * exists, so an unknown e-mail is counted and throttled exactly like a staff one.
 */
export function createLoginFailures(now: () => number = Date.now): LoginFailures {
  const failures = createAttemptWindows(LOGIN_ATTEMPTS.windowMs, now)
  // The addresses each account signed in from: a success opens a window of knownForMs.
  const known = createAttemptWindows(LOGIN_ATTEMPTS.knownForMs, now)
  const pair = (address: string, account: string) => `${address}\n${account}`
  const anywhere = (account: string) => `*\n${account}`
  return {
    throttled(address, account) {
      if (failures.count(address) >= LOGIN_ATTEMPTS.limit) return true
      if (account === undefined) return false
      if (failures.count(pair(address, account)) >= LOGIN_ATTEMPTS.perAccount) return true
      return (
        failures.count(anywhere(account)) >= LOGIN_ATTEMPTS.perAccountAnywhere &&
        known.count(pair(address, account)) === 0
      )
    },
    failed(address, account) {
      failures.bump(address)
      if (account === undefined) return
      failures.bump(pair(address, account))
      failures.bump(anywhere(account))
    },
    succeeded(address, account) {
      if (account === undefined) return
      failures.clear(pair(address, account))
      known.clear(pair(address, account))
      known.bump(pair(address, account))
    },
  }
}

const SHARED = Symbol.for('kotae.loginFailures')
/**
 * This process's one count, shared by the sign-in route and the current-password check of the
 * users collection (however Next.js bundles the two).
 */
export const loginFailures = (): LoginFailures =>
  ((globalThis as Record<symbol, LoginFailures | undefined>)[SHARED] ??= createLoginFailures())

/** The account a failure is counted for: the e-mail as Kotae's server reads it, or the address alone. */
export const accountKey = (email: unknown): string | undefined =>
  typeof email === 'string' && email.trim() !== '' ? email.trim().toLowerCase() : undefined

/** The e-mail of a sign-in or reset-link request: JSON, or the admin's form post (`_payload` holds the JSON). */
export async function accountOf(request: Request): Promise<string | undefined> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
  try {
    let data: unknown
    if (type === 'application/json') data = await request.clone().json()
    else if (type === 'multipart/form-data' || type === 'application/x-www-form-urlencoded') {
      const form = await request.clone().formData()
      const payload = form.get('_payload')
      data = typeof payload === 'string' ? JSON.parse(payload) : Object.fromEntries(form)
    }
    const fields = data as { email?: unknown; username?: unknown } | null | undefined
    return accountKey(fields?.email ?? fields?.username)
  } catch {
    return undefined
  }
}

/** The client's address as Kotae's server set it; `local` for a request that did not pass through it. */
export const addressOf = (headers: Headers | undefined): string =>
  headers?.get(CLIENT_ADDRESS_HEADER) || 'local'

/** 429 with Retry-After: the same for every account and address. */
const throttledResponse = (): Response =>
  Response.json(
    { errors: [{ message: LOGIN_THROTTLED_MESSAGE }] },
    { status: 429, headers: { 'retry-after': String(LOGIN_ATTEMPTS.windowMs / 1000) } },
  )

type Handler<A extends unknown[]> = (request: Request, ...args: A) => Promise<Response>

/**
 * Wraps Payload's sign-in (POST /api/users/login). Payload answers an unknown e-mail in ~4 ms and
 * a wrong password after hashing, so both the answer and its time told which staff accounts exist.
 * Here every failure gets the same 401 and message no sooner than LOGIN_FAILURE_FLOOR_MS. Payload's
 * own account lock is off (anyone could lock any account with ten wrong passwords); instead one
 * address gets LOGIN_ATTEMPTS.limit failures per window, and perAccount for any one account.
 */
export function guardLogin<A extends unknown[]>(
  handler: Handler<A>,
  options: { now?: () => number; sleep?: (ms: number) => Promise<void>; failures?: LoginFailures } = {},
): Handler<A> {
  const now = options.now ?? Date.now
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)))
  // Failures only, so staff signing in all day from one office address are never throttled.
  const failures = options.failures ?? loginFailures()
  return async (request, ...args) => {
    const started = now()
    const address = addressOf(request.headers)
    const account = await accountOf(request)
    if (failures.throttled(address, account)) return throttledResponse()
    const res = await handler(request, ...args)
    if (res.ok) {
      failures.succeeded(address, account)
      return res
    }
    failures.failed(address, account)
    const wait = LOGIN_FAILURE_FLOOR_MS - (now() - started)
    if (wait > 0) await sleep(wait)
    return Response.json({ errors: [{ message: LOGIN_FAILED_MESSAGE }] }, { status: 401 })
  }
}

/** True for Payload's sign-in route of any auth collection. */
export const isLoginRequest = (request: Request): boolean =>
  request.method === 'POST' && /\/api\/[^/]+\/login\/?$/.test(new URL(request.url).pathname)
