import { createAttemptWindows } from '../http/attemptWindows'

/**
 * Allows `limit` requests per window for each client key (kept in memory only, never stored), and
 * answers false past it until the window ends.
 */
export function createRateLimiter(options: { limit: number; windowMs: number; now?: () => number }): (key: string) => boolean {
  const windows = createAttemptWindows(options.windowMs, options.now)
  return (key) => {
    if (windows.count(key) >= options.limit) return false
    windows.bump(key)
    return true
  }
}
