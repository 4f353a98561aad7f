/**
 * Counts per key in a fixed window, in this process's memory: the sign-in, reset-link and site-event
 * limits. Enough for one app server; behind several, each counts its own share.
 * Written by hand: the rate-limit packages count requests per route for Express or Koa, and these
 * counts are per key, updated after the answer is known, and shared by two code paths.
 */
export type AttemptWindows = {
  /** The count in the key's live window (0 once it has ended). */
  count(key: string): number
  /** Counts one, starting a window if none is live. */
  bump(key: string): void
  clear(key: string): void
}

/** At most about this many keys are kept: past it, ended windows go, and if all are live, all go (the limits start over, never lock). */
const MAX_KEYS = 20_000

export function createAttemptWindows(windowMs: number, now: () => number = Date.now): AttemptWindows {
  const windows = new Map<string, { start: number; count: number }>()
  const live = (key: string) => {
    const w = windows.get(key)
    return w && now() - w.start < windowMs ? w : undefined
  }
  return {
    count: (key) => live(key)?.count ?? 0,
    bump(key) {
      const w = live(key)
      if (w) w.count += 1
      else {
        if (windows.size > MAX_KEYS) {
          for (const [k, v] of windows) if (now() - v.start >= windowMs) windows.delete(k)
          if (windows.size > MAX_KEYS) windows.clear()
        }
        windows.set(key, { start: now(), count: 1 })
      }
    },
    clear: (key) => void windows.delete(key),
  }
}
