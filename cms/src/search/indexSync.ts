import { randomUUID } from 'node:crypto'

import pg from 'pg'
import type { Payload } from 'payload'
import { z } from 'zod'

import { applyEntryState, invalidateOperatorIndex, readEntryState, type EntryState } from './operatorIndex'

/**
 * Several app servers on one PostgreSQL database keep their operator indexes in step: the server
 * that saves a change announces it with NOTIFY, the others LISTEN and re-read the entry. The
 * announcement leaves before the saving transaction commits (Payload's hooks run inside it and
 * offer no after-commit hook), so a listener re-reads until it sees the announced state (published
 * at that time, or gone), at most RECHECK_FOR_MS. On SQLite there is one app server: nothing to do.
 */
export const INDEX_CHANNEL = 'kotae_operator_index'
const RECHECK_EVERY_MS = 100
const RECHECK_FOR_MS = 5_000
/** This process, so a server ignores its own announcements. */
const ORIGIN = randomUUID()

const changeSchema = z.union([
  z.object({
    origin: z.string(),
    collection: z.enum(['faqs', 'guides']),
    id: z.union([z.string(), z.number()]),
    previousSlug: z.string().nullish(),
    /** The published version's updatedAt, or null when the entry is no longer published. */
    publishedAt: z.string().nullable(),
  }),
  z.object({ origin: z.string(), everything: z.literal(true) }),
])
type Change = z.infer<typeof changeSchema>

const databaseUrl = () => process.env.DATABASE_URL || undefined
/** Whether changes are announced at all: only PostgreSQL can have several app servers. */
export const announcesChanges = (): boolean => databaseUrl() !== undefined
let notifier: pg.Pool | undefined

async function announce(change: Change): Promise<void> {
  const url = databaseUrl()
  if (!url) return
  notifier ??= new pg.Pool({
    connectionString: url,
    max: 1,
    idleTimeoutMillis: 10_000,
    allowExitOnIdle: true,
  })
  await notifier.query('SELECT pg_notify($1, $2)', [INDEX_CHANNEL, JSON.stringify(change)])
}

/** Tells the other app servers that an entry changed (a failure is logged, never fails the save). */
export async function announceEntryChange(
  payload: Payload,
  collection: 'faqs' | 'guides',
  id: number | string,
  previousSlug: string | null | undefined,
  state: EntryState,
): Promise<void> {
  await announce({
    origin: ORIGIN,
    collection,
    id,
    previousSlug,
    publishedAt: state.published ? state.doc.updatedAt : null,
  }).catch((error: unknown) =>
    payload.logger.error({
      err: error,
      msg: 'operator index: could not announce a change to the other app servers',
    }),
  )
}

/** Tells the other app servers to rebuild their indexes (the synonyms changed). */
export async function announceRebuild(payload: Payload): Promise<void> {
  await announce({ origin: ORIGIN, everything: true }).catch((error: unknown) =>
    payload.logger.error({ err: error, msg: 'operator index: could not announce a rebuild' }),
  )
}

const sees = (state: EntryState, publishedAt: string | null) =>
  publishedAt === null
    ? !state.published
    : state.published && Date.parse(state.doc.updatedAt) >= Date.parse(publishedAt)

async function apply(payload: Payload, change: Change): Promise<void> {
  if ('everything' in change) return invalidateOperatorIndex()
  const deadline = Date.now() + RECHECK_FOR_MS
  let state = await readEntryState(payload, change.collection, change.id)
  while (!sees(state, change.publishedAt) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, RECHECK_EVERY_MS))
    state = await readEntryState(payload, change.collection, change.id)
  }
  await applyEntryState(payload, change.collection, state, change.previousSlug)
}

const KEY = Symbol.for('kotae.indexSync')
const holder = globalThis as unknown as { [KEY]?: { stop: () => Promise<void> } }

/**
 * Starts listening for other servers' changes (once per process; PostgreSQL only). A lost
 * connection is re-made after a second, and the index is rebuilt then, since announcements may
 * have been missed meanwhile.
 */
export function startIndexSync(payload: Payload): void {
  const url = databaseUrl()
  if (!url || holder[KEY]) return
  let client: pg.Client | undefined
  let stopped = false
  const connect = async (): Promise<void> => {
    if (stopped) return
    const c = new pg.Client({ connectionString: url })
    client = c
    const retry = () => {
      if (stopped || client !== c) return
      client = undefined
      void c.end().catch(() => undefined)
      invalidateOperatorIndex()
      setTimeout(() => void connect(), 1_000).unref()
    }
    c.on('error', retry)
    c.on('end', retry)
    c.on('notification', (message) => {
      if (message.channel !== INDEX_CHANNEL || !message.payload) return
      let parsed: ReturnType<typeof changeSchema.safeParse>
      try {
        parsed = changeSchema.safeParse(JSON.parse(message.payload))
      } catch {
        return
      }
      if (!parsed.success || parsed.data.origin === ORIGIN) return
      void apply(payload, parsed.data).catch((error: unknown) =>
        payload.logger.error({
          err: error,
          msg: 'operator index: could not apply a change from another app server',
        }),
      )
    })
    try {
      await c.connect()
      await c.query(`LISTEN ${INDEX_CHANNEL}`)
    } catch {
      retry()
    }
  }
  void connect()
  holder[KEY] = {
    stop: async () => {
      stopped = true
      await client?.end().catch(() => undefined)
      delete holder[KEY]
    },
  }
}

/** Stops listening (tests). */
export const stopIndexSync = async (): Promise<void> => holder[KEY]?.stop()
