/**
 * `npm run restore -- <dir>`: a backup folder into the configured database, which must be empty
 * (no tables; SQLite: the file absent or empty). The manifest and every file's size and sha256 are
 * checked before anything is written; afterwards every table's row count is compared with the
 * manifest and printed. Exit code 0 on success, 1 when refused or on any mismatch, 2 on wrong
 * arguments. Does not start Payload; `npm start` migrates the restored database if the code is newer.
 */
import path from 'node:path'
import { parseArgs } from 'node:util'

import { InvalidBackupError, RestoreFailedError, RestoreRefusedError } from '../src/backup/errors'
import { restore } from '../src/backup/restore'
import { InvalidEnvironmentError } from '../src/env'

import { runCli } from './lib/runCli'

const USAGE = 'usage: npm run restore -- <backup folder>'

async function main(): Promise<number> {
  let args
  try {
    args = parseArgs({ options: {}, allowPositionals: true })
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`)
    return 2
  }
  if (args.positionals.length !== 1) {
    console.error(USAGE)
    return 2
  }
  const dir = path.resolve(process.env.INIT_CWD ?? process.cwd(), args.positionals[0]!)
  const r = await restore({ dir })
  const width = Math.max(5, ...r.tables.map((t) => t.table.length))
  const cell = (n: number | null) => (n === null ? '–' : String(n)).padStart(9)
  console.log(`${'table'.padEnd(width)} ${'manifest'.padStart(9)} ${'restored'.padStart(9)}`)
  for (const t of r.tables) console.log(`${t.table.padEnd(width)} ${cell(t.expected)} ${cell(t.actual)}${t.expected === t.actual ? '' : '  MISMATCH'}`)
  for (const file of r.secretsWritten) console.log(`restored secret file ${file}`)
  if (r.mismatches.length > 0) {
    console.error(`restore: ${r.mismatches.length} tables differ from the manifest (${r.mismatches.map((t) => t.table).join(', ')}) in ${r.target}`)
    return 1
  }
  const rows = r.tables.reduce((s, t) => s + (t.actual ?? 0), 0)
  console.log(`restore: ${r.tables.length} tables, ${rows} rows, counts equal the manifest of ${r.manifest.createdAt}, in ${r.seconds.toFixed(1)} s → ${r.target}`)
  return 0
}

runCli(main, [InvalidBackupError, RestoreRefusedError, RestoreFailedError, InvalidEnvironmentError])
