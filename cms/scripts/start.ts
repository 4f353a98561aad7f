/**
 * `npm start`: the one command a newcomer runs. Builds the admin when its sources changed,
 * applies migrations, loads the curated content on first run, then serves the admin and prints
 * where to sign in. Works on the embedded SQLite file with no setup; PostgreSQL via DATABASE_URL.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'


const cmsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const repoRoot = path.resolve(cmsDir, '..')
const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next')
const port = Number(process.env.PORT ?? 3000)

/** Newest modification time under the folders the admin is built from. */
function newestSourceMtime(): number {
  const roots = ['cms/src', 'cms/next.config.ts', 'content/src', 'search-indexer/src', 'analytics/src'].map((p) => path.join(repoRoot, p))
  let newest = 0
  const walk = (p: string) => {
    if (!fs.existsSync(p)) return
    const stat = fs.statSync(p)
    if (stat.isDirectory()) for (const name of fs.readdirSync(p)) walk(path.join(p, name))
    else newest = Math.max(newest, stat.mtimeMs)
  }
  roots.forEach(walk)
  return newest
}

/** Runs a Node script to completion. Asynchronous on purpose: blocking the main thread for the
 * whole build (spawnSync) stalls tsx's module loader, and the next dynamic import never settles. */
function runNode(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: cmsDir, stdio: 'inherit', env: { ...process.env, PAYLOAD_CONFIG_PATH: 'src/payload.config.ts' } })
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`kotae: ${args.join(' ')} failed with exit code ${code}`))))
  })
}

async function buildIfStale(): Promise<void> {
  const buildId = path.join(cmsDir, '.next', 'BUILD_ID')
  if (fs.existsSync(buildId) && fs.statSync(buildId).mtimeMs > newestSourceMtime()) return
  console.log('kotae: building the admin (first run or changed sources, about a minute)…')
  await runNode([path.resolve(path.dirname(createRequire(import.meta.url).resolve('payload')), '../bin.js'), 'generate:importmap'])
  await runNode([nextBin, 'build'])
}

await buildIfStale()

const { getMigratedPayload } = await import('../src/lib/payload')
const payload = await getMigratedPayload()
const { totalDocs: faqCount } = await payload.count({ collection: 'faqs', overrideAccess: true })
if (faqCount === 0) {
  const { loadValidContent } = await import('@kotae/content')
  const { seedContent } = await import('../src/seed/seedContent')
  console.log('kotae: first run, loading the curated content from content/ …')
  await seedContent(payload, await loadValidContent(), (line) => console.log(`kotae: seed: ${line}`))
}
const { totalDocs: userCount } = await payload.count({ collection: 'users', overrideAccess: true })
await payload.destroy()

const server = spawn(process.execPath, [nextBin, 'start', '-p', String(port)], { cwd: cmsDir, stdio: ['ignore', 'pipe', 'inherit'], env: process.env })
let announced = false
server.stdout.on('data', (chunk: Buffer) => {
  process.stdout.write(chunk)
  if (!announced && /Ready|ready/.test(chunk.toString())) {
    announced = true
    const url = `http://localhost:${port}/admin`
    console.log(`\nKotae is running on ${process.env.DATABASE_URL ? 'PostgreSQL' : `SQLite (${process.env.KOTAE_SQLITE_PATH || path.join(repoRoot, 'data', 'kotae.db')})`}.`)
    console.log(`  Admin: ${url}`)
    console.log(
      userCount === 0
        ? '  Sign in: open the admin and create the first user there; that account becomes the system administrator (システム管理者).'
        : '  Sign in with your account. Administrators add users under 管理 → ユーザー.',
    )
  }
})
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal))
server.on('exit', (code) => process.exit(code ?? 0))
