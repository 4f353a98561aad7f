/**
 * PostgreSQL through `pg`: one connection, `?` placeholders turned into `$n`. VACUUM FULL rewrites
 * every purged table into new files (the old ones, with the deleted tuples, are unlinked); the
 * planner statistics of those tables, which can hold sample values, are removed when the role may.
 */
import pg from 'pg'

import { redactUrl } from '../backup/postgres'
import { PurgeRefusedError } from './errors'
import { ident, type DatabaseIdentity, type PurgeDatabase } from './database'

const TABLES_SQL = `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname = 'public' ORDER BY c.relname`

const numbered = (sql: string) => {
  let n = 0
  return sql.replace(/\?/g, () => `$${++n}`)
}

export async function openPostgres(url: string): Promise<PurgeDatabase> {
  const client = new pg.Client({ connectionString: url, application_name: 'kotae-purge' })
  try {
    await client.connect()
  } catch (e) {
    throw new PurgeRefusedError(`Cannot connect to DATABASE_URL ${redactUrl(url)}: ${(e as Error).message}`)
  }
  const q = async <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) =>
    (await client.query(numbered(sql), params)).rows as T[]
  const self: PurgeDatabase = {
    kind: 'postgres',
    label: `${redactUrl(url)} (DATABASE_URL)`,
    query: q,
    async transaction<T>(fn: () => Promise<T>): Promise<T> {
      await client.query('BEGIN')
      try {
        const result = await fn()
        await client.query('COMMIT')
        return result
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined)
        throw e
      }
    },
    async tables() {
      return (await q<{ name: string }>(TABLES_SQL)).map((r) => r.name)
    },
    async counts() {
      const counts: Record<string, number> = {}
      for (const t of await self.tables())
        counts[t] = Number((await q<{ n: string }>(`SELECT count(*) AS n FROM public.${ident(t)}`))[0]!.n)
      return counts
    },
    async identity(): Promise<DatabaseIdentity> {
      const [row] = await q<{ v: string; db: string }>(
        "SELECT current_setting('server_version') AS v, current_database() AS db",
      )
      let systemIdentifier: string | null = null
      try {
        systemIdentifier = (
          await q<{ id: string }>('SELECT system_identifier::text AS id FROM pg_control_system()')
        )[0]!.id
      } catch {
        // pg_control_system() may be revoked from this role; the certificate then says null.
      }
      return { kind: 'postgres', serverVersion: row!.v, database: row!.db, systemIdentifier }
    },
    async otherSessions() {
      const [row] = await q<{ n: string }>(
        'SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
      )
      return Number(row!.n)
    },
    async vacuum(tables: string[]) {
      if (tables.length === 0) return 'nothing to vacuum'
      const list = tables.map((t) => `public.${ident(t)}`)
      await client.query(`VACUUM FULL ${list.join(', ')}`)
      // Planner statistics keep sample values (most common values, histogram bounds) of the
      // columns; ANALYZE of an empty table leaves the old ones, so they go first (superuser only).
      const [su] = await q<{ s: boolean }>('SELECT rolsuper AS s FROM pg_roles WHERE rolname = current_user')
      if (su?.s)
        await client.query('DELETE FROM pg_catalog.pg_statistic WHERE starelid = ANY($1::regclass[])', [list])
      await client.query(`ANALYZE ${list.join(', ')}`)
      return `VACUUM FULL and ANALYZE of ${tables.length} tables${su?.s ? '; their old planner statistics (pg_statistic) deleted first' : ''}`
    },
    async close() {
      await client.end().catch(() => undefined)
    },
  }
  return self
}
