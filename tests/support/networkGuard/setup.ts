/**
 * Vitest global setup of the e2e run: every Node process the run starts (npm start, its Next.js
 * and Astro builds, the servers) loads preload.mjs, and the run fails at teardown if any of them
 * tried to reach beyond this machine. Chromium is outside its reach (it is not Node); playwright
 * launches it with background networking off.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { readGuardRecords } from './records'

const PRELOAD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'preload.mjs')

/** NODE_OPTIONS that load the guard, kept with whatever options were there. */
export function guardedNodeOptions(existing: string | undefined): string {
  return [existing, `--import=${PRELOAD}`].filter(Boolean).join(' ')
}

const NEXT_BUILD_ID = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../../cms/.next/BUILD_ID')

let dir = ''
let startedAt = 0

/** The guard must have seen the processes that matter, or a script that resets NODE_OPTIONS has blinded it. */
function unwatched(programs: string[]): string[] {
  const missing: string[] = []
  const seen = (name: string) => programs.some((p) => p.includes(name))
  if (seen('start.ts') && !seen('server.ts'))
    missing.push('the admin server (server.ts) started by npm start')
  if (fs.existsSync(NEXT_BUILD_ID) && fs.statSync(NEXT_BUILD_ID).mtimeMs > startedAt && !seen('next build'))
    missing.push('the admin build (next build) run by npm start')
  return missing
}

export function setup(): void {
  startedAt = Date.now()
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-network-guard-'))
  process.env.E2E_NETWORK_GUARD_DIR = dir
  process.env.NODE_OPTIONS = guardedNodeOptions(process.env.NODE_OPTIONS)
  // npm's own weekly "new version" check is npm's, not Kotae's; it is off in CI anyway.
  process.env.npm_config_update_notifier = 'false'
}

export function teardown(): void {
  try {
    check()
  } catch (error) {
    // Vitest prints an error thrown at teardown but still exits 0: set the exit code so CI fails.
    process.exitCode = 1
    throw error
  }
}

function check(): void {
  const { processes, outside } = readGuardRecords(dir)
  const programs = [...new Set(processes.map((r) => r.argv.map((a) => path.basename(a)).join(' ')))]
  console.log(
    `network guard: ${processes.length} Node processes watched, ${outside.length} attempts to leave this machine\n  ${programs.join('\n  ')}`,
  )
  const missing = unwatched(programs)
  if (missing.length > 0)
    throw new Error(
      `network guard: these ran without the guard (their NODE_OPTIONS dropped it):\n  ${missing.join('\n  ')}`,
    )
  if (outside.length > 0) {
    throw new Error(
      `network guard: these processes tried to reach beyond this machine:\n${outside.map((r) => `  ${r.kind} ${r.host}${r.port ? `:${r.port}` : ''} from ${r.argv.join(' ')}`).join('\n')}`,
    )
  }
  fs.rmSync(dir, { recursive: true, force: true })
}
