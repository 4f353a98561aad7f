/**
 * `npm run backup -- --out <dir>`: a consistent online backup of the configured database, the
 * secrets a restore needs, and manifest.json (docs/decisions/0022-backup-and-restore.md).
 * The folder is 0700 and every file 0600: they hold personal data.
 */
import fs from 'node:fs'
import path from 'node:path'

import { gitCommit } from '../lib/gitCommit'
import { BackupError } from './errors'
import {
  digestFile,
  MANIFEST_FORMAT,
  MANIFEST_VERSION,
  type Manifest,
  writeManifest,
  writeOwnerOnly,
} from './manifest'
import { postgresBackup } from './postgres'
import { postgresReportRun, sqliteReportRun } from './reports'
import { backupSecret, SECRETS } from './secrets'
import { databaseSettings, DEFAULT_DATA_DIR } from './settings'
import { sqliteBackup } from './sqlite'

export const DATABASE_FILES = { sqlite: 'kotae.db', postgres: 'kotae.pgdump' } as const

export interface BackupOptions {
  /** The backup folder: created, or an existing empty folder. */
  out: string
  env?: NodeJS.ProcessEnv
  /** Where the secret files are (default: data/ of the repository). */
  dataDir?: string
}

export interface BackupResult {
  dir: string
  manifest: Manifest
  bytes: number
  seconds: number
}

/** Creates the folder 0700, or takes an existing empty one (tightened to 0700); refuses anything else. */
function prepareFolder(out: string): { created: boolean } {
  if (fs.existsSync(out)) {
    if (!fs.statSync(out).isDirectory()) throw new BackupError(`--out ${out} exists and is not a folder.`)
    const entries = fs.readdirSync(out)
    if (entries.length > 0)
      throw new BackupError(
        `--out ${out} exists and is not empty (${entries.length} entries): give a new folder per backup.`,
      )
    fs.chmodSync(out, 0o700)
    return { created: false }
  }
  fs.mkdirSync(out, { recursive: true, mode: 0o700 })
  fs.chmodSync(out, 0o700)
  return { created: true }
}

async function postgresParts(url: string, target: string) {
  const { counts, serverVersion, inSnapshot } = await postgresBackup(url, target, (snapshot) =>
    postgresReportRun(url, snapshot),
  )
  return { counts, serverVersion, reports: inSnapshot }
}

async function sqliteParts(source: string, target: string) {
  const { counts, serverVersion } = sqliteBackup(source, target)
  return { counts, serverVersion, reports: await sqliteReportRun(target) }
}

export async function backup(options: BackupOptions): Promise<BackupResult> {
  const env = options.env ?? process.env
  const dataDir = options.dataDir ?? DEFAULT_DATA_DIR
  const settings = databaseSettings(env)
  const dir = path.resolve(options.out)
  const started = performance.now()
  const { created } = prepareFolder(dir)
  try {
    const dbFile = DATABASE_FILES[settings.kind]
    const target = path.join(dir, dbFile)
    const createdAt = new Date().toISOString()
    // The report run reads the same data as the file: the dump's snapshot, or the copy itself.
    const { counts, serverVersion, reports } =
      settings.kind === 'postgres'
        ? await postgresParts(settings.url!, target)
        : await sqliteParts(settings.sqlitePath, target)

    const secrets = {} as Manifest['secrets']
    const names: string[] = [dbFile]
    for (const spec of SECRETS) {
      const { entry, copy } = backupSecret(spec, env, dataDir)
      secrets[spec.key] = entry
      if (copy) {
        writeOwnerOnly(path.join(dir, copy.name), fs.readFileSync(copy.from))
        names.push(copy.name)
      }
    }
    const files = []
    for (const name of names) files.push({ name, ...(await digestFile(path.join(dir, name))) })
    const commit = gitCommit()
    const manifest: Manifest = {
      format: MANIFEST_FORMAT,
      version: MANIFEST_VERSION,
      createdAt,
      database: { kind: settings.kind, file: dbFile, serverVersion },
      kotae: commit ? { commit } : {},
      files,
      tables: counts,
      secrets,
      reports,
    }
    writeManifest(dir, manifest)
    return {
      dir,
      manifest,
      bytes: files.reduce((s, f) => s + f.size, 0),
      seconds: (performance.now() - started) / 1000,
    }
  } catch (e) {
    // No half backup left behind: a folder without manifest.json is refused by restore anyway.
    if (created) fs.rmSync(dir, { recursive: true, force: true })
    else
      for (const entry of fs.readdirSync(dir))
        fs.rmSync(path.join(dir, entry), { recursive: true, force: true })
    throw e
  }
}
