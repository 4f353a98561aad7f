/**
 * First half of `npm start`: builds the admin (import map + `next build`) when there is no build
 * or a source it is built from changed since. Plain Node on purpose: running the build inside the
 * tsx process left tsx's module loader unable to answer the next import (the process then ended
 * with nothing running and no message).
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const cmsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const repoRoot = path.resolve(cmsDir, '..')
const require = createRequire(import.meta.url)

/** Newest modification time under the folders the admin is built from. */
function newestSourceMtime() {
  let newest = 0
  const walk = (p) => {
    if (!fs.existsSync(p)) return
    const stat = fs.statSync(p)
    if (stat.isDirectory()) for (const name of fs.readdirSync(p)) walk(path.join(p, name))
    else newest = Math.max(newest, stat.mtimeMs)
  }
  for (const p of [
    'cms/src',
    'cms/next.config.ts',
    'content/src',
    'search-indexer/src',
    'analytics/src',
    'chromium/src',
  ])
    walk(path.join(repoRoot, p))
  return newest
}

const buildId = path.join(cmsDir, '.next', 'BUILD_ID')
if (fs.existsSync(buildId) && fs.statSync(buildId).mtimeMs > newestSourceMtime()) process.exit(0)

console.log('kotae: building the admin (first run or changed sources, about a minute)…')
// --conditions=production: see docs/decisions/0007-node-conditions-production.md
// NEXT_TELEMETRY_DISABLED: nothing leaves the machine, not even Next.js's anonymous build telemetry.
// NODE_OPTIONS the caller set (a memory limit, the e2e network guard) are kept.
const nodeOptions = [process.env.NODE_OPTIONS, '--conditions=production'].filter(Boolean).join(' ')
const env = {
  ...process.env,
  PAYLOAD_CONFIG_PATH: 'src/payload.config.ts',
  NODE_OPTIONS: nodeOptions,
  NEXT_TELEMETRY_DISABLED: '1',
}
const payloadBin = path.resolve(path.dirname(require.resolve('payload')), '../bin.js')
for (const args of [
  [payloadBin, 'generate:importmap'],
  [require.resolve('next/dist/bin/next'), 'build'],
]) {
  const result = spawnSync(process.execPath, args, { cwd: cmsDir, stdio: 'inherit', env })
  if (result.status !== 0) {
    console.error(`kotae: ${path.basename(args[0])} ${args[1]} failed (exit ${result.status})`)
    process.exit(result.status ?? 1)
  }
}
