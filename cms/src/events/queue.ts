import type { Payload } from 'payload'

/** One site event as it is stored: validated, masked and stamped with the server's clock on arrival. */
export type QueuedSiteEvent = {
  type: 'search' | 'zero-result' | 'faq-view' | 'helpful' | 'facet-choice'
  at: string
  locale?: 'ja' | 'en'
  query?: string
  faq?: string
  helpful?: boolean
  reason?: string
  /** facet-choice: the dimension and the value picked (content/facets.yaml ids). */
  dimension?: string
  value?: string
}

export type EventQueueOptions = {
  /** Writes one batch (one multi-row insert); throws to have it retried. */
  write: (events: readonly QueuedSiteEvent[]) => Promise<void>
  /** Most events held in memory; a batch that does not fit is refused whole (the endpoint answers 503). */
  capacity?: number
  /** Most events per insert. */
  batchSize?: number
  /** How long an event waits at most before its batch is written (unless the database is slower). */
  flushMs?: number
  /** Attempts per batch before it is dropped and logged (a database that keeps failing must not block the queue forever). */
  attempts?: number
  log?: (line: string) => void
}

const EVENT_QUEUE_DEFAULTS = { capacity: 10_000, batchSize: 200, flushMs: 250, attempts: 3 } as const

export type EventQueue = ReturnType<typeof createEventQueue>

/**
 * A bounded in-memory queue for anonymous site events, written in batches off the request path:
 * POST /api/events validates, masks and enqueues, then answers 202; a flusher writes what is queued
 * every `flushMs` or as soon as `batchSize` events wait, one INSERT of up to `batchSize` rows at a
 * time, and yields to other requests between inserts. Writes are never concurrent, so rows are
 * stored in order of arrival.
 *
 * What can be lost: events live only in this process's memory until their batch is written. A
 * normal stop (SIGTERM, SIGINT) drains the queue first (`drain`, called by scripts/server.ts). A
 * crash or `kill -9` loses what was accepted but not yet written: at most one flush interval of
 * anonymous analytics (about `flushMs`, more only while the database lags). These events are
 * counts for the dashboard and the gap analysis, never personal or operational records, so
 * that loss is accepted in exchange for a desk that a flood of events cannot slow down
 * (docs/decisions/0024-event-ingestion-queue.md).
 */
function createEventQueue(options: EventQueueOptions) {
  const capacity = options.capacity ?? EVENT_QUEUE_DEFAULTS.capacity
  const batchSize = options.batchSize ?? EVENT_QUEUE_DEFAULTS.batchSize
  const flushMs = options.flushMs ?? EVENT_QUEUE_DEFAULTS.flushMs
  const attempts = options.attempts ?? EVENT_QUEUE_DEFAULTS.attempts
  const log = options.log ?? ((line: string) => console.error(line))

  let queued: QueuedSiteEvent[] = []
  let timer: ReturnType<typeof setTimeout> | undefined
  let running: Promise<void> | undefined
  let closed = false
  let failures = 0
  const stats = { accepted: 0, refused: 0, written: 0, dropped: 0 }

  const schedule = (delay: number) => {
    if (running || closed || (timer && delay > 0)) return
    if (timer) clearTimeout(timer)
    timer = setTimeout(() => {
      timer = undefined
      void flush()
    }, delay)
    // The queue never keeps a process alive by itself; a server stops through `drain`.
    timer.unref?.()
  }

  /** Writes the batches queued now; one writer at a time (a second caller waits for the first). */
  async function writeQueued(): Promise<void> {
    while (queued.length > 0) {
      const batch = queued.slice(0, batchSize)
      try {
        await options.write(batch)
        queued = queued.slice(batch.length)
        stats.written += batch.length
        failures = 0
      } catch (error) {
        failures += 1
        if (failures < attempts) {
          log(
            `site events: writing ${batch.length} events failed (attempt ${failures} of ${attempts}), retrying: ${(error as Error).message}`,
          )
          return // retried at the next interval; the batch stays first in the queue
        }
        log(
          `site events: dropped ${batch.length} events after ${attempts} failed writes: ${(error as Error).message}`,
        )
        queued = queued.slice(batch.length)
        stats.dropped += batch.length
        failures = 0
      }
      // Let the desk's requests run between two inserts.
      await new Promise((resolve) => setImmediate(resolve))
    }
  }

  /** Writes everything queued so far (resolves when it is stored, or retried later after a failure). */
  async function flush(): Promise<void> {
    if (timer) {
      clearTimeout(timer)
      timer = undefined
    }
    while (running) await running
    running = writeQueued().finally(() => (running = undefined))
    await running
    if (queued.length > 0) schedule(flushMs)
  }

  return {
    /** Queues a whole batch, or refuses it whole when it does not fit (nothing already queued is dropped). */
    offer(events: readonly QueuedSiteEvent[]): boolean {
      if (closed || queued.length + events.length > capacity) {
        stats.refused += events.length
        return false
      }
      queued.push(...events)
      stats.accepted += events.length
      schedule(queued.length >= batchSize ? 0 : flushMs)
      return true
    },
    flush,
    /** Refuses new events, then writes everything queued (server shutdown). */
    async drain(): Promise<void> {
      closed = true
      for (let i = 0; i < attempts && (queued.length > 0 || running); i++) await flush()
    },
    get size() {
      return queued.length
    },
    get capacity() {
      return capacity
    },
    stats: () => ({ ...stats, queued: queued.length }),
  }
}

/** The drizzle surface Payload's SQL adapters document (`payload.db.drizzle`, `payload.db.tables`). */
type DrizzleDb = {
  name: string
  drizzle?: {
    insert: (table: unknown) => { values: (rows: Record<string, unknown>[]) => PromiseLike<unknown> }
  }
  tables?: Record<string, unknown>
}

/**
 * One multi-row INSERT into site_events through the adapter's drizzle instance and table, which is
 * what `payload.create` would end with: the collection has no hooks, no versions, no relationships
 * and no access rule that lets anyone but this endpoint create (create: nobody), and its fields are
 * validated by the event schema before they are queued. Column values are what Payload writes:
 * ISO dates (a timestamptz on PostgreSQL), booleans, and createdAt/updatedAt set to the arrival time.
 */
function siteEventsWriter(payload: Payload): (events: readonly QueuedSiteEvent[]) => Promise<void> {
  const db = payload.db as unknown as DrizzleDb
  const table = db.tables?.site_events
  if (!db.drizzle || !table)
    throw new Error(`site events: the ${db.name} adapter has no drizzle table site_events`)
  const drizzle = db.drizzle
  return async (events) => {
    await drizzle.insert(table).values(
      events.map((e) => ({
        type: e.type,
        at: e.at,
        query: e.query ?? null,
        faq: e.faq ?? null,
        helpful: e.helpful ?? null,
        reason: e.reason ?? null,
        dimension: e.dimension ?? null,
        value: e.value ?? null,
        locale: e.locale ?? null,
        createdAt: e.at,
        updatedAt: e.at,
      })),
    )
  }
}

/**
 * The queue of each Payload instance, kept on globalThis: scripts/server.ts (loaded by tsx) and the
 * endpoint (bundled by Next.js) are different module instances, and the server drains on shutdown
 * what the endpoint queued.
 */
const REGISTRY = Symbol.for('kotae.siteEventQueues')
type Registry = Map<Payload, EventQueue>
const registry = (): Registry => {
  const global = globalThis as Record<symbol, unknown>
  global[REGISTRY] ??= new Map()
  return global[REGISTRY] as Registry
}

/** The queue that writes this Payload's site events, created on first use. */
export function siteEventQueue(payload: Payload): EventQueue {
  const queues = registry()
  let queue = queues.get(payload)
  if (!queue) {
    queue = createEventQueue({ write: siteEventsWriter(payload), log: (line) => payload.logger.error(line) })
    queues.set(payload, queue)
  }
  return queue
}

/**
 * Tests: replaces this Payload's queue with one of other options (a small capacity, a long interval),
 * after writing what the old one holds.
 */
export async function replaceSiteEventQueue(
  payload: Payload,
  options: Omit<EventQueueOptions, 'write'> = {},
): Promise<EventQueue> {
  const queues = registry()
  await queues.get(payload)?.flush()
  const queue = createEventQueue({
    write: siteEventsWriter(payload),
    log: (line) => payload.logger.error(line),
    ...options,
  })
  queues.set(payload, queue)
  return queue
}

/** Writes every queued site event now (tests, and anything that must read what was just accepted). */
export async function flushSiteEvents(payload?: Payload): Promise<void> {
  for (const [p, q] of registry()) if (!payload || p === payload) await q.flush()
}

/** Server shutdown: refuses new events and writes the rest, for every Payload instance of this process. */
export async function drainSiteEventQueues(): Promise<void> {
  // The drained queues stay registered (closed), so a late request gets 503 rather than a new queue.
  for (const q of registry().values()) await q.drain()
}
