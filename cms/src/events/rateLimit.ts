import { createAttemptWindows } from '../http/attemptWindows'

/** Batches of site events one client address may send per window. */
export const SITE_EVENT_LIMIT = { limit: 30, windowMs: 60_000 } as const
export const TOO_MANY_EVENTS_MESSAGE = 'Too many events; try again later.'

export type RateLimiter = {
  /** Counts one request for the key; false (not counted) once the key has used its limit in the window. */
  take(key: string): boolean
  /** True when the key has used its limit: its next request would be refused. Counts nothing. */
  exhausted(key: string): boolean
}

/** `limit` requests per window for each client key, kept in memory only (the key is never stored). */
export function createRateLimiter(options: {
  limit: number
  windowMs: number
  now?: () => number
}): RateLimiter {
  const windows = createAttemptWindows(options.windowMs, options.now)
  const exhausted = (key: string) => windows.count(key) >= options.limit
  return {
    exhausted,
    take(key) {
      if (exhausted(key)) return false
      windows.bump(key)
      return true
    },
  }
}

const SHARED = Symbol.for('kotae.siteEventLimiter')
/**
 * This process's one limiter for POST /api/events: the endpoint counts with it, and Kotae's HTTP
 * server (scripts/server.ts) reads it to refuse an exhausted client before Next.js sees the request.
 */
export const siteEventLimiter = (): RateLimiter =>
  ((globalThis as Record<symbol, RateLimiter | undefined>)[SHARED] ??= createRateLimiter(SITE_EVENT_LIMIT))
