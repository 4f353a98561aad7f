/**
 * `npm run restore -- <dir>`: a backup folder into the configured database, which must be empty
 * (no tables; SQLite: the file absent or empty). The manifest and every file's size and sha256 are
 * checked before anything is written; afterwards every table's row count and the monthly report
 * run are compared with the manifest and printed. Exit code 0 on success, 1 when refused or on any
 * mismatch, 2 on wrong arguments. Does not start Payload; `npm start` migrates the restored database if the code is newer.
 */
import path from 'node:path'

import { InvalidBackupError, RestoreFailedError, RestoreRefusedError } from '../src/backup/errors'
import { gitCommit } from '../src/lib/gitCommit'
import { restore } from '../src/backup/restore'
import { InvalidEnvironmentError } from '../src/env'

import { parseCommandLine } from './lib/commandLine'
import { runCli } from './lib/runCli'

const USAGE = 'usage: npm run restore -- <backup folder>'

async function main(): Promise<number> {
  const args = parseCommandLine({ options: {}, allowPositionals: true }, USAGE)
  if (!args) return 2
  if (args.positionals.length !== 1) {
    console.error(USAGE)
    return 2
  }
  const dir = path.resolve(process.env.INIT_CWD ?? process.cwd(), args.positionals[0]!)
  const r = await restore({ dir })
  const width = Math.max(5, ...r.tables.map((t) => t.table.length))
  const cell = (n: number | null) => (n === null ? '–' : String(n)).padStart(9)
  console.log(`${'table'.padEnd(width)} ${'manifest'.padStart(9)} ${'restored'.padStart(9)}`)
  for (const t of r.tables)
    console.log(
      `${t.table.padEnd(width)} ${cell(t.expected)} ${cell(t.actual)}${t.expected === t.actual ? '' : '  MISMATCH'}`,
    )
  for (const file of r.secretsWritten) console.log(`restored secret file ${file}`)
  const reportMonths = new Set(r.reports?.differences.map((d) => d.period))
  if (r.reports)
    for (const month of [...new Set([...r.reports.months, ...reportMonths])].sort())
      console.log(`monthly report ${month}${reportMonths.has(month) ? '  MISMATCH' : '  equal'}`)
  else console.log('monthly reports: this backup has no report run (made by an earlier Kotae): not compared')
  let failed = false
  if (r.mismatches.length > 0) {
    console.error(
      `restore: ${r.mismatches.length} tables differ from the manifest (${r.mismatches.map((t) => t.table).join(', ')}) in ${r.target}`,
    )
    failed = true
  }
  for (const d of r.reports?.differences ?? []) {
    console.error(
      `restore: the monthly report ${d.period} differs from the backup's (reports in manifest.json): ${d.what.join(', ')}`,
    )
    failed = true
  }
  if (r.reports?.differences.length && r.manifest.kotae.commit && r.manifest.kotae.commit !== gitCommit()) {
    console.error(
      `restore: the backup was made by Kotae ${r.manifest.kotae.commit.slice(0, 12)}; a report whose definition changed since then differs too`,
    )
  }
  if (failed) return 1
  const rows = r.tables.reduce((s, t) => s + (t.actual ?? 0), 0)
  const months = r.reports ? `, ${r.reports.months.length} monthly reports equal the backup's` : ''
  console.log(
    `restore: ${r.tables.length} tables, ${rows} rows, counts equal the manifest of ${r.manifest.createdAt}${months}, in ${r.seconds.toFixed(1)} s → ${r.target}`,
  )
  return 0
}

runCli(main, [InvalidBackupError, RestoreRefusedError, RestoreFailedError, InvalidEnvironmentError])
