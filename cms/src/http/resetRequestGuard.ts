import { createAttemptWindows, type AttemptWindows } from './attemptWindows'
import { accountOf, addressOf } from './loginGuard'

/**
 * Requests for a reset link (POST /api/users/forgot-password) per window, counted whether or not
 * the account exists: `perAddress` from one client address (all accounts), `perAccount` for one
 * e-mail from anywhere, so nobody can fill a staff member's mailbox with links.
 */
export const RESET_REQUESTS = { perAddress: 5, perAccount: 3, windowMs: 60 * 60_000 } as const
/** Payload answers an unknown e-mail at once and a known one after writing a token and sending mail: every answer waits at least this long. */
export const RESET_ANSWER_FLOOR_MS = 400
export const RESET_THROTTLED_MESSAGE =
  'パスワード再設定の依頼が多すぎます。1時間ほどおいてからお試しください。'

const SHARED = Symbol.for('kotae.resetRequests')
const resetRequests = (): AttemptWindows =>
  ((globalThis as Record<symbol, AttemptWindows | undefined>)[SHARED] ??= createAttemptWindows(
    RESET_REQUESTS.windowMs,
  ))

type Handler<A extends unknown[]> = (request: Request, ...args: A) => Promise<Response>

/** Wraps Payload's reset-link request: bounded per address and per e-mail, and one answer time for every e-mail. */
export function guardResetRequest<A extends unknown[]>(
  handler: Handler<A>,
  options: { now?: () => number; sleep?: (ms: number) => Promise<void>; windows?: AttemptWindows } = {},
): Handler<A> {
  const now = options.now ?? Date.now
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)))
  const windows = options.windows ?? resetRequests()
  return async (request, ...args) => {
    const started = now()
    const address = addressOf(request.headers)
    const account = await accountOf(request)
    const accountKey = account === undefined ? undefined : `account\n${account}`
    if (
      windows.count(address) >= RESET_REQUESTS.perAddress ||
      (accountKey !== undefined && windows.count(accountKey) >= RESET_REQUESTS.perAccount)
    ) {
      return Response.json(
        { errors: [{ message: RESET_THROTTLED_MESSAGE }] },
        { status: 429, headers: { 'retry-after': String(RESET_REQUESTS.windowMs / 1000) } },
      )
    }
    windows.bump(address)
    if (accountKey !== undefined) windows.bump(accountKey)
    const res = await handler(request, ...args)
    const wait = RESET_ANSWER_FLOOR_MS - (now() - started)
    if (wait > 0) await sleep(wait)
    return res
  }
}

/** True for Payload's reset-link request of any auth collection. */
export const isResetRequest = (request: Request): boolean =>
  request.method === 'POST' && /\/api\/[^/]+\/forgot-password\/?$/.test(new URL(request.url).pathname)
