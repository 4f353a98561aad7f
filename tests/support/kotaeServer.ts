import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { copySeededDatabase } from './seededDatabase'

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export type RunningKotae = {
  url: string
  /** The folder holding this run's SQLite file and site builds; pass it to a restart to keep the data. */
  dataDir: string
  output: () => string
  stop: () => Promise<void>
}

/**
 * Runs the README's `npm start` exactly as a newcomer would, on a free port and a SQLite file of
 * its own (the curated content already loaded, unless `firstRun`), and resolves once it prints
 * where to sign in.
 */
export async function startKotae(options: {
  port: number
  env?: Record<string, string>
  /** Build and serve the public site beside the admin, as `npm start` does by default. Off unless a spec needs it: each site build costs CI time. */
  site?: boolean
  /** Start on the data of an earlier run (a restart); default: a fresh folder. */
  dataDir?: string
  /**
   * Start on an empty SQLite file, so that `npm start` itself migrates and loads the curated
   * content, as on a newcomer's first run. Default: a copy of the run's seeded database
   * (support/seededDatabase.ts, decision 0050). PostgreSQL (`env.DATABASE_URL`) always starts as given.
   */
  firstRun?: boolean
}): Promise<RunningKotae> {
  const dir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-e2e-'))
  const sqliteFile = options.env?.KOTAE_SQLITE_PATH || path.join(dir, 'kotae.db')
  if (!options.firstRun && !options.env?.DATABASE_URL && !fs.existsSync(sqliteFile))
    copySeededDatabase(sqliteFile)
  let output = ''
  const child: ChildProcess = spawn('npm', ['start'], {
    cwd: REPO_ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PORT: String(options.port),
      KOTAE_SQLITE_PATH: sqliteFile,
      PAYLOAD_SECRET: 'kotae-e2e-secret-0123456789',
      // No KOTAE_SERVER_URL: it follows PORT, as for a newcomer on a port other than 3000, so every
      // e2e that signs in and writes proves that any port works.
      KOTAE_SERVER_URL: '',
      // The public site npm start serves beside the admin: its own folder and port per run.
      KOTAE_SITE_DIR: path.join(dir, 'site'),
      KOTAE_SITE_PORT: String(options.port + 1),
      KOTAE_SITE: options.site ? 'on' : 'off',
      DATABASE_URL: '',
      // The source watch (the one feature that fetches from other sites) stays off, as by default.
      KOTAE_SOURCE_WATCH: 'off',
      ...options.env,
    },
  })
  const stop = async () => {
    if (child.exitCode !== null || !child.pid) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    process.kill(-child.pid, 'SIGTERM')
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))])
    if (child.exitCode === null) process.kill(-child.pid, 'SIGKILL')
  }
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('Kotae is running')) resolve()
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code) =>
      reject(new Error(`npm start exited with ${code} before it was ready:\n${output.slice(-4000)}`)),
    )
  })
  return { url: `http://localhost:${options.port}`, dataDir: dir, output: () => output, stop }
}
