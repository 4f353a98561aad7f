/**
 * `npm run restore -- <dir>`: a backup folder into the configured database, which must be empty.
 * Order: the manifest and every file's size and sha256, the target's emptiness and secrets are all
 * checked before anything is written; then the database, the missing secret files, and last the
 * row count of every table and the monthly report run against the manifest.
 */
import path from 'node:path'

import { InvalidBackupError, RestoreRefusedError } from './errors'
import { readManifest, verifyFiles, type Manifest } from './manifest'
import { postgresRestore, postgresTableCounts, postgresTargetProblem, redactUrl } from './postgres'
import { compareReportRuns, postgresReportRun, sqliteReportRun, type ReportDifference } from './reports'
import { planSecrets, writeSecrets } from './secrets'
import { databaseSettings, DEFAULT_DATA_DIR } from './settings'
import { sqliteRestore, sqliteTableCounts, sqliteTargetProblem } from './sqlite'

export interface RestoreOptions {
  dir: string
  env?: NodeJS.ProcessEnv
  /** Where the secret files go (default: data/ of the repository). */
  dataDir?: string
}

interface TableCheck {
  table: string
  expected: number | null
  actual: number | null
}

export interface RestoreResult {
  manifest: Manifest
  /** The target, as a message names it (PostgreSQL's password hidden). */
  target: string
  tables: TableCheck[]
  /** Tables whose row count differs from the manifest (or that are missing on either side). */
  mismatches: TableCheck[]
  /**
   * The monthly reports computed on the restored database (null: the backup has no report run,
   * manifest version 1), and the months whose report differs from the backup's run.
   */
  reports: { months: string[]; differences: ReportDifference[] } | null
  secretsWritten: string[]
  seconds: number
}

export async function restore(options: RestoreOptions): Promise<RestoreResult> {
  const env = options.env ?? process.env
  const dataDir = options.dataDir ?? DEFAULT_DATA_DIR
  const started = performance.now()
  const dir = path.resolve(options.dir)
  const settings = databaseSettings(env)
  const target =
    settings.kind === 'postgres'
      ? `${redactUrl(settings.url!)} (DATABASE_URL)`
      : `${settings.sqlitePath} (KOTAE_SQLITE_PATH)`

  // 1. The backup: manifest, then every file's size and sha256.
  const manifest = readManifest(dir)
  if (manifest.database.kind !== settings.kind) {
    throw new RestoreRefusedError(
      `Restore refused: the backup is of a ${manifest.database.kind} database (database.kind in manifest.json), but this installation is configured for ${settings.kind} (${target}).`,
    )
  }
  await verifyFiles(dir, manifest)
  const dbFile = path.join(dir, manifest.database.file)
  if (!/\.(db|pgdump)$/.test(dbFile))
    throw new InvalidBackupError(
      `database.file in manifest.json: ${manifest.database.file} is not a database file name`,
    )

  // 2. The target: empty, and its secrets the backup's or none.
  const problem =
    settings.kind === 'postgres'
      ? await postgresTargetProblem(settings.url!)
      : sqliteTargetProblem(settings.sqlitePath)
  if (problem)
    throw new RestoreRefusedError(`Restore refused: ${problem}. Restore into an empty database only.`)
  const secretWrites = planSecrets(manifest, dir, env, dataDir)

  // 3. Write.
  if (settings.kind === 'postgres') await postgresRestore(settings.url!, dbFile)
  else sqliteRestore(dbFile, settings.sqlitePath)
  writeSecrets(secretWrites)

  // 4. Check every table's rows.
  const actual =
    settings.kind === 'postgres'
      ? await postgresTableCounts(settings.url!)
      : sqliteTableCounts(settings.sqlitePath)
  const names = [...new Set([...Object.keys(manifest.tables), ...Object.keys(actual)])].sort()
  const tables = names.map((table) => ({
    table,
    expected: manifest.tables[table] ?? null,
    actual: actual[table] ?? null,
  }))

  // 5. The same monthly reports as the backup's run, from the restored database.
  let reports: RestoreResult['reports'] = null
  if (manifest.reports) {
    const run =
      settings.kind === 'postgres'
        ? await postgresReportRun(settings.url!)
        : await sqliteReportRun(settings.sqlitePath)
    reports = { months: run.map((r) => r.period), differences: compareReportRuns(manifest.reports, run) }
  }
  return {
    manifest,
    target,
    tables,
    mismatches: tables.filter((t) => t.expected !== t.actual),
    reports,
    secretsWritten: secretWrites.map((w) => w.file),
    seconds: (performance.now() - started) / 1000,
  }
}
