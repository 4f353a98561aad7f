/**
 * The telephony import's own connection and transaction, with a staging table: every row of the file
 * goes into a temporary table as it is read (nothing touches telephony_records until the whole file
 * is known to be good), then one INSERT … SELECT … ON CONFLICT merges it (importTelephony.ts).
 *
 * SQLite stages in a transaction of its own (the temporary table only) and takes the database's write
 * lock only for the merge and the links; PostgreSQL runs everything in one transaction.
 *
 * Why not sql.ts: a million rows through the drivers' general paths was most of the import's time
 * (a 12,000-parameter statement prepared per batch of 1,000, a row object per returned row).
 *  - SQLite: the `libsql` engine underneath @libsql/client (better-sqlite3 API: synchronous,
 *    statements prepared once, array rows) on a second connection to the same file, with a 64 MB
 *    page cache so the indexes of telephony_records stay in memory while a month is merged.
 *  - PostgreSQL: a client of the adapter's pool; rows are streamed with COPY (pg-copy-streams) into a
 *    temporary table that is dropped at commit.
 */
import { once } from 'node:events'

import Database from 'libsql'
import type { Payload } from 'payload'
import { from as copyFrom } from 'pg-copy-streams'
import type { Writable } from 'node:stream'

import { driverOf, sqliteFileOf } from '../../db/driver'
import { toDollar } from '../../db/sql'

/** One staged row: line, whether it is a good record (0: a bad row, staged for its call id only), then the record's columns. */
type StageRow = [
  line: number,
  ok: 0 | 1,
  callId: string | null,
  queue: string | null,
  offeredAt: string | null,
  answeredAt: string | null,
  abandonedAt: string | null,
  endedAt: string | null,
  wrapUpEndedAt: string | null,
  agent: string | null,
  callerHash: string | null,
]

export type LinkChange = [id: number, call: number | null, method: string | null]

export interface ImportDb {
  readonly dialect: 'sqlite' | 'postgres'
  /** Array rows; `?` placeholders. */
  rows(text: string, params?: readonly unknown[]): Promise<unknown[][]>
  /** A statement; the number of rows it changed. */
  run(text: string, params?: readonly unknown[]): Promise<number>
  /** Appends a row to telephony_stage; a promise only when the caller must wait (backpressure). */
  stage(row: StageRow): void | Promise<void>
  /** All rows staged: telephony_stage can be queried. */
  endStage(): Promise<void>
  /** Before the first write to telephony_records (SQLite: takes the database's write lock, waiting for it). */
  beginWrite(): Promise<void>
  /** Sets call_id and link_method of telephony records by id. */
  updateLinks(changes: readonly LinkChange[]): Promise<void>
  commit(): Promise<void>
  /** Rolls back unless committed, and lets the connection go. Safe to call twice. */
  close(): Promise<void>
}

const STAGE_COLUMNS =
  'line, ok, call_id, queue, offered_at, answered_at, abandoned_at, ended_at, wrap_up_ended_at, agent, caller_hash'

export async function openImportDb(payload: Payload): Promise<ImportDb> {
  const driver = driverOf(payload)
  if (driver.kind === 'postgres') return openPostgres(driver.pool)
  return openSqlite(sqliteFileOf(payload))
}

function openSqlite(file: string): ImportDb {
  const conn = new Database(file)
  let open = true
  try {
    conn.pragma('busy_timeout = 10000')
    // Merging a month touches every index of telephony_records; SQLite's default 2 MB cache made that
    // page reads and spills. 64 MB is the ceiling, whatever the file's size.
    conn.pragma('cache_size = -65536')
    // This build keeps temporary tables in memory by default: the staging table would grow with the file.
    conn.pragma('temp_store = FILE')
    // Staging writes only the temporary table: no lock on the database while the file is read, so
    // the CMS goes on writing call logs; the write lock is taken for the merge and links (beginWrite).
    conn.exec('BEGIN')
    conn.exec(
      `CREATE TEMP TABLE telephony_stage (line INTEGER PRIMARY KEY, ok INTEGER NOT NULL, call_id TEXT, queue TEXT, offered_at TEXT, answered_at TEXT, abandoned_at TEXT, ended_at TEXT, wrap_up_ended_at TEXT, agent TEXT, caller_hash TEXT)`,
    )
  } catch (e) {
    conn.close()
    throw e
  }
  // 100 rows per statement: a fifth less time than one per row (the binding's per-call cost).
  const ROW = '(?,?,?,?,?,?,?,?,?,?,?)'
  const insertOne = conn.prepare(`INSERT INTO telephony_stage (${STAGE_COLUMNS}) VALUES ${ROW}`)
  const insertMany = conn.prepare(
    `INSERT INTO telephony_stage (${STAGE_COLUMNS}) VALUES ${Array(100).fill(ROW).join(',')}`,
  )
  let pending: unknown[] = []
  const link = conn.prepare('UPDATE telephony_records SET call_id = ?, link_method = ? WHERE id = ?')
  const statements = new Map<string, Database.Statement>()
  const prepared = (text: string) => {
    let s = statements.get(text)
    if (!s) {
      s = conn.prepare(text)
      statements.set(text, s)
    }
    return s
  }
  const args = (params: readonly unknown[]) => params.map((p) => (p === undefined ? null : p))
  return {
    dialect: 'sqlite',
    async rows(text, params = []) {
      return prepared(text)
        .raw(true)
        .all(...args(params)) as unknown[][]
    },
    async run(text, params = []) {
      return prepared(text).run(...args(params)).changes
    },
    stage(row) {
      for (const v of row) pending.push(v)
      if (pending.length === 1100) {
        insertMany.run(...pending)
        pending = []
      }
    },
    async endStage() {
      for (let i = 0; i < pending.length; i += 11) insertOne.run(...pending.slice(i, i + 11))
      pending = []
      conn.exec('COMMIT')
    },
    async beginWrite() {
      conn.exec('BEGIN IMMEDIATE')
    },
    async updateLinks(changes) {
      for (const [id, call, method] of changes) link.run(call, method, id)
    },
    async commit() {
      conn.exec('COMMIT')
    },
    async close() {
      if (!open) return
      open = false
      try {
        if (conn.inTransaction) conn.exec('ROLLBACK')
      } finally {
        conn.close()
      }
    },
  }
}

interface PgClient {
  query(text: string, params?: unknown[]): Promise<{ rows: unknown[]; rowCount: number | null }>
  query(config: { text: string; values: unknown[]; rowMode: 'array' }): Promise<{ rows: unknown[][] }>
  query<T extends Writable>(stream: T): T
  release(err?: Error | boolean): void
}
interface PgPool {
  connect(): Promise<PgClient>
}

/** A value in COPY's text format: \N for null; backslash, tab and line breaks escaped. */
const copyText = (v: string | number | null) =>
  v === null
    ? '\\N'
    : typeof v === 'number'
      ? String(v)
      : /[\\\t\n\r]/.test(v)
        ? v.replace(/[\\\t\n\r]/g, (c) => ESC[c]!)
        : v
const ESC: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' }

async function openPostgres(pool: PgPool): Promise<ImportDb> {
  const client = await pool.connect()
  let done = false
  let released = false
  let copy: Writable | null = null
  let copyError: Error | null = null
  let buffered = ''
  try {
    // The staging table (~150 MB a million rows) and the duplicate check's sort: in memory rather
    // than spilled at the defaults (8 MB, 4 MB). temp_buffers can only be set before a session's
    // first temporary table, so the connection is closed after the import, never reused.
    await client.query(`SET temp_buffers = '256MB'`).catch(() => {})
    await client.query('BEGIN')
    await client.query(`SET LOCAL work_mem = '64MB'`)
    // Text columns: the merge casts the times, and ids of a PBX without them are built from the text.
    await client.query(
      `CREATE TEMP TABLE telephony_stage (line integer NOT NULL, ok smallint NOT NULL, call_id text, queue text, offered_at text, answered_at text, abandoned_at text, ended_at text, wrap_up_ended_at text, agent text, caller_hash text) ON COMMIT DROP`,
    )
    copy = client.query(copyFrom(`COPY telephony_stage (${STAGE_COLUMNS}) FROM STDIN`))
    copy.on('error', (e: Error) => (copyError = e))
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {})
    client.release(true)
    throw e
  }
  const flush = async () => {
    const chunk = buffered
    buffered = ''
    if (copyError) throw copyError
    // events.once rejects when the stream errors first.
    if (!copy!.write(chunk)) await once(copy!, 'drain')
  }
  return {
    dialect: 'postgres',
    async rows(text, params = []) {
      return (await client.query({ text: toDollar(text), values: [...params], rowMode: 'array' })).rows
    },
    async run(text, params = []) {
      return (await client.query(toDollar(text), [...params])).rowCount ?? 0
    },
    stage(row) {
      buffered += `${row.map(copyText).join('\t')}\n`
      // About 64 KB per write: few enough calls, and COPY's backpressure is respected.
      if (buffered.length >= 1 << 16) return flush()
    },
    async endStage() {
      if (buffered) await flush()
      const c = copy!
      const finished = once(c, 'finish')
      c.end()
      await finished
      if (copyError) throw copyError
      // Temporary tables are never analyzed automatically; the merge's plan needs the row count.
      await client.query('ANALYZE telephony_stage')
    },
    async beginWrite() {},
    async updateLinks(changes) {
      for (let i = 0; i < changes.length; i += 10_000) {
        const chunk = changes.slice(i, i + 10_000)
        await client.query(
          `UPDATE telephony_records t SET call_id = u.call, link_method = u.method::"enum_telephony_records_link_method"
           FROM unnest($1::integer[], $2::integer[], $3::text[]) AS u(id, call, method) WHERE t.id = u.id`,
          [chunk.map((c) => c[0]), chunk.map((c) => c[1]), chunk.map((c) => c[2])],
        )
      }
    },
    async commit() {
      await client.query('COMMIT')
      done = true
    },
    async close() {
      if (released) return
      released = true
      if (done) return client.release(true)
      // Not committed: roll back, and drop the connection rather than return one with a COPY half done.
      done = true
      if (copy && !copy.writableFinished && !copy.destroyed) copy.destroy()
      await client.query('ROLLBACK').catch(() => {})
      client.release(true)
    },
  }
}
