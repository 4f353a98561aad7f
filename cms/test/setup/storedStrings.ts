import fs from 'node:fs'
import path from 'node:path'

import { queryDatabase } from './freshDatabase'

type DatabaseEnv = { DATABASE_URL?: string; KOTAE_SQLITE_PATH?: string }

/**
 * Where each string still occurs in the database an environment names, as `place: string`.
 * SQLite: the raw bytes of the file and of its -wal (UTF-8: pages no row points to any more
 * count too), and every row of every table (a value spread over overflow pages is not one run of
 * bytes in the file). PostgreSQL: every row of every table of the public schema as text, and the
 * planner statistics (they keep sample values).
 */
export async function findStoredStrings(env: DatabaseEnv, strings: readonly string[]): Promise<string[]> {
  const hits: string[] = []
  const scan = (place: string, text: string) => {
    for (const s of strings) if (text.includes(s)) hits.push(`${place}: ${s}`)
  }
  if (!env.DATABASE_URL) {
    const file = env.KOTAE_SQLITE_PATH!
    for (const f of [file, `${file}-wal`]) {
      if (!fs.existsSync(f)) continue
      const bytes = fs.readFileSync(f)
      for (const s of strings)
        if (bytes.includes(Buffer.from(s, 'utf8'))) hits.push(`${path.basename(f)}: ${s}`)
    }
    const tables = await queryDatabase(
      env,
      "SELECT name AS t FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
    )
    for (const { t } of tables) {
      const rows = await queryDatabase(env, `SELECT * FROM "${String(t)}"`)
      for (const row of rows)
        scan(
          `table ${String(t)}`,
          JSON.stringify(Object.values(row), (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v)),
        )
    }
    return hits
  }
  const tables = await queryDatabase(
    env,
    "SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
  )
  for (const { t } of tables) {
    const rows = await queryDatabase(env, `SELECT t::text AS row FROM public."${String(t)}" t`)
    for (const { row } of rows) scan(`table ${String(t)}`, String(row))
  }
  const stats = await queryDatabase(
    env,
    "SELECT tablename, concat(most_common_vals::text, histogram_bounds::text) AS v FROM pg_stats WHERE schemaname = 'public'",
  )
  for (const { tablename, v } of stats) scan(`pg_stats ${String(tablename)}`, String(v))
  return hits
}
