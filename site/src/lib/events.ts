/**
 * Anonymous usage events for the CMS (`POST {PUBLIC_KOTAE_API}/api/events`), batched and sent
 * with `navigator.sendBeacon` as text/plain (no CORS preflight). No cookie is set and no id of any
 * kind is sent: an event is only what happened, on which FAQ, and when. The server masks personal
 * data in free text before it stores anything; we also cut texts to the server's limits here.
 *
 * Events wait in memory and go out in one request when 20 are queued, 4 s after the first, and
 * when the page is hidden or left. A vote can be "held" while its optional reason is typed; held
 * events go out with the next flush caused by leaving the page, or when released.
 */
import type { SiteEvent as SentEvent } from '@kotae/content/contracts/events'
import { EVENT_LIMITS, FACET_ID } from '@kotae/content/contracts/eventLimits'

// The contract is the CMS's schema (@kotae/content/contracts/events); only its types and limits are
// imported here, so no zod reaches the browser.
type Unstamped<E> = E extends unknown ? Omit<E, 'at' | 'locale'> : never
/** An event as a page reports it; `at` and `locale` are added here. */
export type SiteEvent = Unstamped<SentEvent>

type Stamped = SentEvent & { at: string }

const MAX_BATCH = 20 // the server takes EVENT_LIMITS.batch (50)
const MAX_BODY = EVENT_LIMITS.bodyBytes - 1024 // a margin under the server's limit
const DELAY_MS = 4000

/** Where events go: the CMS origin from the build-time env, or this site's origin. */
const EVENTS_URL = `${(import.meta.env.PUBLIC_KOTAE_API ?? '').replace(/\/+$/, '')}/api/events`

/** Facet ids as the server takes them. */
const isFacetId = (id: string) => id.length <= EVENT_LIMITS.facetId && FACET_ID.test(id)

const bytes = (s: string) => new TextEncoder().encode(s).length

const queue: Stamped[] = []
const held = new Map<string, Stamped>()
let timer: ReturnType<typeof setTimeout> | undefined
let listening = false

const locale = (): 'ja' | 'en' | undefined => {
  const l = typeof document !== 'undefined' ? document.documentElement.lang : ''
  return l === 'ja' || l === 'en' ? l : undefined
}

/** Cuts free text to what the server accepts. */
function clean(e: SiteEvent): SiteEvent {
  if (e.type === 'search' || e.type === 'zero-result')
    return { ...e, query: e.query.trim().slice(0, EVENT_LIMITS.query) }
  if (e.type === 'facet-choice')
    return {
      type: e.type,
      dimension: e.dimension.slice(0, EVENT_LIMITS.facetId),
      value: e.value.slice(0, EVENT_LIMITS.facetId),
    }
  if (e.type === 'helpful' && e.reason !== undefined) {
    const reason = e.reason.trim().slice(0, EVENT_LIMITS.reason)
    const { reason: _drop, ...rest } = e
    return reason ? { ...rest, reason } : rest
  }
  return e
}

const stamp = (e: SiteEvent): Stamped => {
  const l = locale()
  return { ...clean(e), at: new Date().toISOString(), ...(l ? { locale: l } : {}) }
}

function listen() {
  if (listening || typeof window === 'undefined') return
  listening = true
  const leave = () => {
    for (const e of held.values()) queue.push(e)
    held.clear()
    flush()
  }
  window.addEventListener('pagehide', leave)
  document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && leave())
}

/** Queues an event. */
export function track(event: SiteEvent): void {
  if (typeof window === 'undefined') return
  if ((event.type === 'search' || event.type === 'zero-result') && !event.query.trim()) return
  if (event.type === 'facet-choice' && !(isFacetId(event.dimension) && isFacetId(event.value))) return
  listen()
  queue.push(stamp(event))
  if (queue.length >= MAX_BATCH) flush()
  else timer ??= setTimeout(flush, DELAY_MS)
}

/** Keeps an event back (e.g. a vote whose reason is still being typed) until released or the page is left. */
export function hold(key: string, event: SiteEvent): void {
  if (typeof window === 'undefined') return
  listen()
  held.set(key, stamp(event))
}

/** Sends a held event now, optionally replaced by a final version. */
export function release(key: string, final?: SiteEvent): void {
  const e = final ? stamp(final) : held.get(key)
  held.delete(key)
  if (e) {
    queue.push(e)
    flush()
  }
}

function send(body: string): void {
  try {
    const blob = new Blob([body], { type: 'text/plain;charset=UTF-8' })
    if (navigator.sendBeacon?.(EVENTS_URL, blob)) return
  } catch {
    // fall through to fetch
  }
  void fetch(EVENTS_URL, {
    method: 'POST',
    body,
    keepalive: true,
    credentials: 'omit',
    headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
  }).catch(() => {})
}

/** Sends everything queued, in batches under the server's limits. */
export function flush(): void {
  if (timer) clearTimeout(timer)
  timer = undefined
  while (queue.length > 0) {
    const batch = queue.splice(0, MAX_BATCH)
    let body = JSON.stringify({ events: batch })
    while (bytes(body) > MAX_BODY && batch.length > 1) {
      queue.unshift(batch.pop()!)
      body = JSON.stringify({ events: batch })
    }
    send(body)
  }
}
