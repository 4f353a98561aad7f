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
 * address only: a stranger elsewhere never stops the owner signing in.
 */
export const LOGIN_ATTEMPTS = { limit: 20, perAccount: 10, windowMs: 10 * 60_000 } as const

/** Failed sign-ins by address and by (account, address), kept in this process's memory. */
export type LoginFailures = {
  /** True when the address, or the account from this address, has used up its failures in the window. */
  throttled(address: string, account: string | undefined): boolean
  failed(address: string, account: string | undefined): void
  /** A right password clears the account's failures from this address (never the address's own count). */
  succeeded(address: string, account: string | undefined): void
}

/**
 * Counts are keyed on the e-mail as sent (trimmed, lower case), whether or not such an account
 * exists, so an unknown e-mail is counted and throttled exactly like a staff one.
 */
export function createLoginFailures(now: () => number = Date.now): LoginFailures {
  const windows = new Map<string, { start: number; count: number }>()
  const live = (key: string, t: number) => {
    const w = windows.get(key)
    return w && t - w.start < LOGIN_ATTEMPTS.windowMs ? w : undefined
  }
  const bump = (key: string, t: number) => {
    const w = live(key, t)
    if (w) w.count += 1
    else {
      if (windows.size > 20_000) windows.clear()
      windows.set(key, { start: t, count: 1 })
    }
  }
  const pair = (address: string, account: string) => `${address}\n${account}`
  return {
    throttled(address, account) {
      const t = now()
      if ((live(address, t)?.count ?? 0) >= LOGIN_ATTEMPTS.limit) return true
      return account !== undefined && (live(pair(address, account), t)?.count ?? 0) >= LOGIN_ATTEMPTS.perAccount
    },
    failed(address, account) {
      const t = now()
      bump(address, t)
      if (account !== undefined) bump(pair(address, account), t)
    },
    succeeded(address, account) {
      if (account !== undefined) windows.delete(pair(address, account))
    },
  }
}

const SHARED = Symbol.for('kotae.loginFailures')
/**
 * This process's one count, shared by the sign-in route and the current-password check of the
 * users collection (however Next.js bundles the two).
 */
export const loginFailures = (): LoginFailures => ((globalThis as Record<symbol, LoginFailures | undefined>)[SHARED] ??= createLoginFailures())

/** The account a failure is counted for: the e-mail as Kotae's server reads it, or the address alone. */
export const accountKey = (email: unknown): string | undefined => (typeof email === 'string' && email.trim() !== '' ? email.trim().toLowerCase() : undefined)

/** The e-mail of a sign-in request: JSON, or the admin's form post (`_payload` holds the JSON). */
async function accountOf(request: Request): Promise<string | undefined> {
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
export const addressOf = (headers: Headers | undefined): string => headers?.get(CLIENT_ADDRESS_HEADER) || 'local'

/** 429 with Retry-After: the same for every account and address. */
export const throttledResponse = (): Response =>
  Response.json({ errors: [{ message: LOGIN_THROTTLED_MESSAGE }] }, { status: 429, headers: { 'retry-after': String(LOGIN_ATTEMPTS.windowMs / 1000) } })

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
export const isLoginRequest = (request: Request): boolean => request.method === 'POST' && /\/api\/[^/]+\/login\/?$/.test(new URL(request.url).pathname)
