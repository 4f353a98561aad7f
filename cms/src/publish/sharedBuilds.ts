import pg from 'pg'

/**
 * Several app servers on one PostgreSQL database build the public site once per change, whichever
 * server the change was made on (docs/decisions/0030-one-site-build-per-change.md):
 *
 * - Every publisher polls the published content's *version* (a digest of the ids and update times
 *   of the published FAQs and guides, the categories, the sources and the two globals) and asks its
 *   scheduler for a rebuild when it changes, so a change made on any server (or by a script) is seen.
 * - A build runs only under a PostgreSQL advisory lock; the others wait for it. Under the lock the
 *   version is read again, before the site reads any content, and compared with the version the
 *   live build was made from (recorded beside it, buildSite.ts): equal means another server has
 *   already built this content, so there is nothing to do. A change committed while a build runs
 *   changes the version after that build read it, so the next holder of the lock builds it: no
 *   change is lost, and none is built twice when the servers share one site folder.
 *
 * The version is read from committed rows only, so it never names a change the build cannot see
 * (Payload's hooks run before their transaction commits; a hook-time signal could). On SQLite there
 * is one app server: the publisher keeps the hooks' stamp file and needs none of this.
 */

/** The advisory lock's key (advisory locks are per database, so test databases never meet). */
const SITE_BUILD_LOCK_KEY = 1_402_014_030
/** How often each publisher reads the content version. One indexed read of a few hundred rows. */
const VERSION_POLL_MS = 2_000
/** How often a publisher waiting for another's build asks for the lock again. */
const LOCK_RETRY_MS = 1_000

/** The tables the public site is built from (siteContent.ts), with the rows that reach it. */
const VERSIONED: { table: string; where?: string }[] = [
  { table: 'faqs', where: `_status = 'published'` },
  { table: 'guides', where: `_status = 'published'` },
  { table: 'categories' },
  { table: 'sources' },
  { table: 'city_profile' },
  { table: 'synonyms' },
]

/**
 * One digest over every table: id and update time (as epoch seconds, so no session's time zone
 * enters it) of each row in id order. A publish, unpublish, published edit or delete changes it; a
 * draft save of a published entry writes only a version row and does not.
 */
const VERSION_SQL = `SELECT md5(${VERSIONED.map(
  ({ table, where }) =>
    `coalesce((SELECT string_agg(id || ':' || coalesce(extract(epoch FROM updated_at)::text, ''), ',' ORDER BY id) FROM "${table}"${where ? ` WHERE ${where}` : ''}), '')`,
).join(` || '|' || `)}) AS version`

type Queryable = Pick<pg.ClientBase, 'query'>

export async function readContentVersion(db: Queryable): Promise<string> {
  const { rows } = await db.query<{ version: string }>(VERSION_SQL)
  return rows[0]!.version
}

type SharedBuildOutcome = 'built' | 'current' | 'stopped'

export type SharedBuilds = {
  /** Calls `onChange` at the first reading of the content version and whenever it changes. */
  watch: (onChange: () => void) => void
  /**
   * Waits for the lock, then runs `run` with the content version unless the live build already
   * shows it (`force`: run anyway, e.g. at start, when the site's code may have changed).
   */
  build: (options: { force: boolean; run: (version: string) => Promise<void> }) => Promise<SharedBuildOutcome>
  stop: () => Promise<void>
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export function createSharedBuilds(options: {
  databaseUrl: string
  /** The version the live build in this server's site folder was made from. */
  liveVersion: () => string | undefined
  pollMs?: number
  lockRetryMs?: number
  onError?: (error: unknown) => void
}): SharedBuilds {
  const pollMs = options.pollMs ?? VERSION_POLL_MS
  const retryMs = options.lockRetryMs ?? LOCK_RETRY_MS
  const reportError = (error: unknown) => options.onError?.(error)
  let stopped = false
  let timer: ReturnType<typeof setTimeout> | undefined
  let poller: pg.Pool | undefined

  return {
    watch(onChange) {
      poller ??= new pg.Pool({ connectionString: options.databaseUrl, max: 1, idleTimeoutMillis: 10_000 })
      poller.on('error', reportError)
      const pool = poller
      let last: string | undefined
      let failing = false
      const tick = async () => {
        try {
          const version = await readContentVersion(pool)
          failing = false
          if (version !== last) {
            last = version
            onChange()
          }
        } catch (error) {
          // Reported once per outage, not every poll; the next good reading carries on.
          if (!failing) reportError(error)
          failing = true
        }
        if (!stopped) timer = setTimeout(() => void tick(), pollMs)
      }
      void tick()
    },

    async build({ force, run }) {
      // A session lock on a connection of its own: a server that dies mid-build drops the
      // connection, and PostgreSQL releases the lock with it.
      const client = new pg.Client({ connectionString: options.databaseUrl })
      client.on('error', reportError)
      await client.connect()
      try {
        while (
          !(
            await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [
              SITE_BUILD_LOCK_KEY,
            ])
          ).rows[0]!.locked
        ) {
          if (stopped) return 'stopped'
          await sleep(retryMs)
        }
        try {
          const version = await readContentVersion(client)
          if (!force && version === options.liveVersion()) return 'current'
          await run(version)
          return 'built'
        } finally {
          await client.query('SELECT pg_advisory_unlock($1)', [SITE_BUILD_LOCK_KEY]).catch(reportError)
        }
      } finally {
        await client.end().catch(() => undefined)
      }
    },

    async stop() {
      stopped = true
      clearTimeout(timer)
      await poller?.end().catch(() => undefined)
      poller = undefined
    },
  }
}
