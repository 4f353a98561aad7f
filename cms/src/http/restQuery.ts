/**
 * Bounds on what one REST read may ask for. Without them `GET /api/faqs?depth=5&limit=100` built a
 * 326 MB answer and `limit=0` (or `pagination=false`) read a whole collection. The admin's own
 * screens read through the local API and are not bound by these; a client that wants more pages
 * through `page`. Anonymous visitors get smaller pages: Payload takes ~0.65 ms per FAQ whatever the
 * depth (100 FAQs: median 100 ms in bench:abuse), and nothing public needs long pages (the site is
 * built from its own export).
 */
export const REST_READ_BOUNDS = {
  /** Relationship levels populated in a REST read (Payload's default depth is 2). */
  maxDepth: 1,
  /** Documents per page for a signed-in user; `limit=0` and larger limits get this many. */
  maxLimit: 100,
  /** The same for an anonymous visitor. */
  anonymousMaxLimit: 25,
} as const

const clamp = (value: string, low: number, high: number): number | undefined => {
  const n = Number(value)
  return Number.isFinite(n) ? Math.min(high, Math.max(low, Math.trunc(n))) : undefined
}

/**
 * The same request with `depth`, `limit` and `pagination` brought within REST_READ_BOUNDS: depth
 * defaults to the bound, `limit=0` means the bound, `pagination=false` is dropped. A value given
 * twice (`limit=1&limit=0`) counts as its last one; a limit that is not a number is dropped, so
 * Payload's page of 10 applies. Other parameters (`where[…]`, `page`, `sort`) pass unchanged.
 */
export function boundRestQuery(request: Request, maxLimit: number = REST_READ_BOUNDS.maxLimit): Request {
  const url = new URL(request.url)
  const params = url.searchParams
  const depth = params.getAll('depth').at(-1)
  const limit = params.getAll('limit').at(-1)
  params.delete('depth')
  params.delete('limit')
  params.delete('pagination')
  const boundedDepth =
    depth === undefined ? REST_READ_BOUNDS.maxDepth : clamp(depth, 0, REST_READ_BOUNDS.maxDepth)
  if (boundedDepth !== undefined) params.set('depth', String(boundedDepth))
  if (limit !== undefined) {
    const n = clamp(limit, 0, maxLimit)
    if (n !== undefined) params.set('limit', String(n === 0 ? maxLimit : n))
  }
  if (url.href === request.url) return request
  return new Request(url, { method: request.method, headers: request.headers, signal: request.signal })
}

/**
 * Whether a read asks for a page longer than `max` (or for all: `limit=0`, `pagination=false`), so
 * that who asks matters. Payload's default page (10) never does.
 */
export function asksForMoreThan(request: Request, max: number): boolean {
  const params = new URL(request.url).searchParams
  const limit = params.getAll('limit').at(-1)
  const n = limit === undefined ? Number.NaN : Number(limit)
  return params.has('pagination') || n === 0 || n > max
}
