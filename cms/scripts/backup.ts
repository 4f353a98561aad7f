/**
 * `npm run backup -- --out <dir>`: a consistent online backup of the configured database (SQLite:
 * VACUUM INTO; PostgreSQL: pg_dump in a snapshot whose row counts are recorded), the secret files a
 * restore needs and manifest.json with a run of the monthly reports of the same data, into a new or empty folder (0700, files 0600). The server may
 * be running and writing. Exit code 0 on success, 1 when refused or failed, 2 on wrong arguments.
 * Does not start Payload (no migrations, nothing written to the database).
 */
import path from 'node:path'

import { backup } from '../src/backup/backup'
import { BackupError } from '../src/backup/errors'
import { InvalidEnvironmentError } from '../src/env'

import { parseCommandLine } from './lib/commandLine'
import { runCli } from './lib/runCli'

const USAGE = 'usage: npm run backup -- --out <dir>   (a new or empty folder)'

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`

async function main(): Promise<number> {
  const args = parseCommandLine({ options: { out: { type: 'string' } } }, USAGE)
  if (!args) return 2
  if (!args.values.out) {
    console.error(USAGE)
    return 2
  }
  // npm -w runs this in cms/: --out is relative to where the command was typed.
  const out = path.resolve(process.env.INIT_CWD ?? process.cwd(), args.values.out)
  const r = await backup({ out })
  const rows = Object.values(r.manifest.tables).reduce((s, n) => s + n, 0)
  const months = (r.manifest.reports ?? []).map((m) => m.period)
  const reports = months.length
    ? `monthly reports ${months[0]}${months.length > 1 ? `…${months.at(-1)}` : ''} (${months.length})`
    : 'no monthly report (no calls yet)'
  console.log(
    `backup: ${r.manifest.database.kind}, ${Object.keys(r.manifest.tables).length} tables, ${rows} rows, ${r.manifest.files.length} files, ${reports}, ${mb(r.bytes)} in ${r.seconds.toFixed(1)} s → ${r.dir}`,
  )
  return 0
}

runCli(main, [BackupError, InvalidEnvironmentError])
