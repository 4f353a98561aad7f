import { CLIENT_ADDRESS_HEADER } from './clientAddress'

/** One answer for every failed sign-in: unknown e-mail, wrong password and locked account alike. */
export const LOGIN_FAILED_MESSAGE = 'メールアドレスまたはパスワードが正しくありません。'
/** A failed sign-in is answered no sooner than this after it arrived, so its time does not tell whether the account exists. */
export const LOGIN_FAILURE_FLOOR_MS = 400
/** Failed sign-ins per client address and window; then 429 until the window ends. */
export const LOGIN_ATTEMPTS = { limit: 20, windowMs: 10 * 60_000 } as const

type Handler<A extends unknown[]> = (request: Request, ...args: A) => Promise<Response>

/**
 * Wraps Payload's sign-in (POST /api/users/login). Payload answers an unknown e-mail in ~4 ms, a
 * wrong password after hashing (~97 ms) and a locked account with its own message, so both the
 * answer and its time told which staff accounts exist. Here every failure gets the same 401 and
 * message no sooner than LOGIN_FAILURE_FLOOR_MS, and one address gets LOGIN_ATTEMPTS failures per
 * window (kept in this process's memory, like the events' rate limit).
 */
export function guardLogin<A extends unknown[]>(handler: Handler<A>, options: { now?: () => number; sleep?: (ms: number) => Promise<void> } = {}): Handler<A> {
  const now = options.now ?? Date.now
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)))
  // Failures only, so staff signing in all day from one office address are never throttled.
  const failures = new Map<string, { start: number; count: number }>()
  const failuresOf = (address: string, t: number) => {
    const f = failures.get(address)
    return f && t - f.start < LOGIN_ATTEMPTS.windowMs ? f : undefined
  }
  return async (request, ...args) => {
    const started = now()
    const address = request.headers.get(CLIENT_ADDRESS_HEADER) || 'local'
    if ((failuresOf(address, started)?.count ?? 0) >= LOGIN_ATTEMPTS.limit) return Response.json({ errors: [{ message: 'サインインの試行が多すぎます。しばらくしてからお試しください。' }] }, { status: 429, headers: { 'retry-after': String(LOGIN_ATTEMPTS.windowMs / 1000) } })
    const res = await handler(request, ...args)
    if (res.ok) return res
    const f = failuresOf(address, started)
    if (f) f.count += 1
    else {
      if (failures.size > 10_000) failures.clear()
      failures.set(address, { start: started, count: 1 })
    }
    const wait = LOGIN_FAILURE_FLOOR_MS - (now() - started)
    if (wait > 0) await sleep(wait)
    return Response.json({ errors: [{ message: LOGIN_FAILED_MESSAGE }] }, { status: 401 })
  }
}

/** True for Payload's sign-in route of any auth collection. */
export const isLoginRequest = (request: Request): boolean => request.method === 'POST' && /\/api\/[^/]+\/login\/?$/.test(new URL(request.url).pathname)
