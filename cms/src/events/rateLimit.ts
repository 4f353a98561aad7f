/**
 * A fixed-window counter per client key, kept in memory only (the key is never stored). Enough
 * for one app server; behind several servers each counts its own share. Written by hand because
 * the well-known limiters are Express middleware, and Payload endpoints take Web Requests.
 */
export function createRateLimiter(options: { limit: number; windowMs: number; now?: () => number }) {
  const now = options.now ?? Date.now
  const windows = new Map<string, { start: number; count: number }>()
  return (key: string): boolean => {
    const t = now()
    const w = windows.get(key)
    if (!w || t - w.start >= options.windowMs) {
      if (windows.size > 10_000) for (const [k, v] of windows) if (t - v.start >= options.windowMs) windows.delete(k)
      windows.set(key, { start: t, count: 1 })
      return true
    }
    w.count += 1
    return w.count <= options.limit
  }
}
