/**
 * PostgreSQL: `pg_dump --format=custom` in a snapshot this module exports from a REPEATABLE READ
 * transaction in which it has counted every table's rows, so the counts in the manifest are those
 * of the dump exactly, whatever the CMS writes meanwhile. Restore: `pg_restore` in one transaction.
 * The password is passed to pg_dump/pg_restore in PGPASSWORD, not on the command line (where any
 * user of the machine could read it in the process list).
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'

import pg from 'pg'

import { BackupError, RestoreFailedError, RestoreRefusedError } from './errors'

const PG_DUMP = process.env.KOTAE_PG_DUMP ?? '/usr/bin/pg_dump'
const PG_RESTORE = process.env.KOTAE_PG_RESTORE ?? '/usr/bin/pg_restore'

/** The URL with its password replaced by ***, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url)
    if (u.password) u.password = '***'
    return u.toString()
  } catch {
    return '(DATABASE_URL)'
  }
}

/** The URL without its password, and the password for PGPASSWORD. */
function splitPassword(url: string): { url: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url)
  const password = decodeURIComponent(u.password)
  u.password = ''
  return { url: u.toString(), env: password ? { ...process.env, PGPASSWORD: password } : { ...process.env } }
}

/** Tables of the database outside PostgreSQL's own schemas (temporary tables of sessions excluded). */
const TABLES_SQL = `SELECT n.nspname AS schema, c.relname AS name
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
    AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'
  ORDER BY n.nspname, c.relname`

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`
/** public.x is named x; other schemas' tables schema.x. */
const tableKey = (schema: string, name: string) => (schema === 'public' ? name : `${schema}.${name}`)

async function countTables(client: pg.Client): Promise<Record<string, number>> {
  const { rows } = await client.query<{ schema: string; name: string }>(TABLES_SQL)
  const counts: Record<string, number> = {}
  for (const { schema, name } of rows) {
    const r = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${ident(schema)}.${ident(name)}`)
    counts[tableKey(schema, name)] = Number(r.rows[0]!.n)
  }
  return counts
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, application_name: 'kotae-backup' })
  await client.connect()
  return client
}

function run(
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stderr: stderr.trim() }))
  })
}

/**
 * Dumps the database into `target` (created 0600 first) and returns every table's row count in the
 * dump's snapshot, and what `inSnapshot` returns: it runs beside pg_dump, given the snapshot's id
 * while the transaction that exported it is still open (the backup's report run reads in it).
 */
export async function postgresBackup<T>(
  url: string,
  target: string,
  inSnapshot: (snapshot: string) => Promise<T>,
): Promise<{ counts: Record<string, number>; serverVersion: string; inSnapshot: T }> {
  let client: pg.Client
  try {
    client = await connect(url)
  } catch (e) {
    throw new BackupError(`Cannot connect to DATABASE_URL ${redactUrl(url)}: ${(e as Error).message}`)
  }
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
    const snapshot = (await client.query<{ s: string }>('SELECT pg_export_snapshot() AS s')).rows[0]!.s
    const serverVersion = (await client.query<{ v: string }>('SHOW server_version')).rows[0]!.v
    const counts = await countTables(client)
    const { url: bare, env } = splitPassword(url)
    // pg_dump opens the file for writing (truncating): created owner-only here first.
    fs.closeSync(fs.openSync(target, 'wx', 0o600))
    // Both settle before the snapshot's transaction ends (allSettled: a failed one must not commit it under the other).
    const [dumped, also] = await Promise.allSettled([
      run(
        PG_DUMP,
        [
          '--format=custom',
          '--no-owner',
          '--no-privileges',
          `--snapshot=${snapshot}`,
          `--file=${target}`,
          `--dbname=${bare}`,
        ],
        env,
      ),
      inSnapshot(snapshot),
    ])
    if (dumped.status === 'rejected') throw dumped.reason
    if (dumped.value.code !== 0)
      throw new BackupError(
        `pg_dump of ${redactUrl(url)} failed (exit ${dumped.value.code}): ${dumped.value.stderr}`,
      )
    if (also.status === 'rejected') throw also.reason
    fs.chmodSync(target, 0o600)
    await client.query('COMMIT')
    return { counts, serverVersion, inSnapshot: also.value }
  } catch (e) {
    if (e instanceof BackupError) throw e
    throw new BackupError(`Backup of ${redactUrl(url)} failed: ${(e as Error).message}`)
  } finally {
    await client.end().catch(() => undefined)
  }
}

/** Row counts of every table of the database. */
export async function postgresTableCounts(url: string): Promise<Record<string, number>> {
  const client = await connect(url)
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
    const counts = await countTables(client)
    await client.query('COMMIT')
    return counts
  } finally {
    await client.end()
  }
}

/** Why the target database is not empty, or null when it has no tables. */
export async function postgresTargetProblem(url: string): Promise<string | null> {
  let client: pg.Client
  try {
    client = await connect(url)
  } catch (e) {
    return `cannot connect to DATABASE_URL ${redactUrl(url)} (${(e as Error).message})`
  }
  try {
    const { rows } = await client.query<{ schema: string; name: string }>(TABLES_SQL)
    if (rows.length === 0) return null
    const some = rows
      .slice(0, 3)
      .map((r) => tableKey(r.schema, r.name))
      .join(', ')
    return `the PostgreSQL database ${redactUrl(url)} (DATABASE_URL) already has ${rows.length} tables (${some}${rows.length > 3 ? ', …' : ''})`
  } finally {
    await client.end()
  }
}

/** pg_restore in a single transaction: on any error nothing is left in the target. Then ANALYZE. */
export async function postgresRestore(url: string, dumpFile: string): Promise<void> {
  const problem = await postgresTargetProblem(url)
  if (problem)
    throw new RestoreRefusedError(`Restore refused: ${problem}. Restore into an empty database only.`)
  const { url: bare, env } = splitPassword(url)
  const r = await run(
    PG_RESTORE,
    [
      '--no-owner',
      '--no-privileges',
      '--exit-on-error',
      '--single-transaction',
      `--dbname=${bare}`,
      dumpFile,
    ],
    env,
  )
  if (r.code !== 0)
    throw new RestoreFailedError(
      `pg_restore into ${redactUrl(url)} failed (exit ${r.code}), nothing was restored: ${r.stderr}`,
    )
  // pg_restore leaves the planner without statistics until autovacuum comes by.
  const client = await connect(url)
  try {
    await client.query('ANALYZE')
  } finally {
    await client.end()
  }
}
