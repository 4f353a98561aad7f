/**
 * The curated content, loaded once per e2e run (decision 0050). Loading it through Payload's local
 * API is most of what a first `npm start` adds to a start, and no spec but quickstart tests that:
 * the first spec that starts Kotae on SQLite fills one database with `npm run seed` (the same
 * `seedContent` and rollup rebuild as a first `npm start`), and every spec starts on its own copy
 * of it, with its own file and its own server. Vitest global setup: `setup` gives the run a folder.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
/** Not KOTAE_…: npm start refuses a KOTAE_ setting it does not know, and this one reaches it. */
const RUN_DIR = 'E2E_SEEDED_DIR'
/** A database file and the write-ahead log SQLite may leave beside it. */
const SQLITE_FILES = ['', '-wal']

export function setup(): () => void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-e2e-seeded-'))
  process.env[RUN_DIR] = dir
  return () => fs.rmSync(dir, { recursive: true, force: true })
}

/** Makes the run's seeded database once: `npm run seed` on a fresh file, moved in when complete. */
function seededTemplate(dir: string): string {
  const template = path.join(dir, 'kotae.db')
  if (fs.existsSync(template)) return template
  const work = fs.mkdtempSync(path.join(dir, 'seeding-'))
  const file = path.join(work, 'kotae.db')
  try {
    execFileSync('npm', ['run', 'seed'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      stdio: 'pipe',
      // The settings startKotae gives npm start, on this file.
      env: {
        ...process.env,
        KOTAE_SQLITE_PATH: file,
        DATABASE_URL: '',
        PAYLOAD_SECRET: 'kotae-e2e-secret-0123456789',
        KOTAE_SERVER_URL: '',
        KOTAE_SOURCE_WATCH: 'off',
      },
    })
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string }
    throw new Error(`npm run seed failed for the e2e run's seeded database:\n${stdout}\n${stderr}`)
  }
  // The seed process has ended: its files are a closed database. The main file goes last, so the
  // template exists only once it is complete.
  for (const suffix of [...SQLITE_FILES].reverse())
    if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, template + suffix)
  fs.rmSync(work, { recursive: true, force: true })
  return template
}

/**
 * Puts a copy of the run's seeded database at `file` (which must not exist). False outside a run
 * with this global setup: then `npm start` loads the content itself.
 */
export function copySeededDatabase(file: string): boolean {
  const dir = process.env[RUN_DIR]
  if (!dir) return false
  const template = seededTemplate(dir)
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 })
  for (const suffix of SQLITE_FILES)
    if (fs.existsSync(template + suffix)) fs.copyFileSync(template + suffix, file + suffix)
  return true
}
