/**
 * `npm run bench:lookup` — two parts, figures printed with their dataset sizes:
 * 1. The usage prior's offline eval (priorEval.ts): MRR@10 with and without the prior.
 * 2. GET /api/lookup over HTTP against a real Kotae (`npm start`'s scripts on a throwaway SQLite
 *    file) holding BENCH_FAQS FAQs (curated + synthetic copies) and BENCH_CALLS generated calls
 *    (seedLookupBench.ts): p50/p95 of LOOKUPS sequential lookups by a signed-in operator, queries
 *    drawn from the generated history (another seed). Target: p95 ≤ 50 ms.
 * Options: BENCH_SKIP_EVAL=1, BENCH_SKIP_HTTP=1, BENCH_DATA_DIR=<dir> (reuse a seeded file there).
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { loadContent } from '@kotae/content'

import { generateCallHistory } from './callHistory'
import { printPriorEval, runPriorEval } from './priorEval'

const cmsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const PORT = Number(process.env.BENCH_PORT ?? 3197)
const LOOKUPS = Number(process.env.BENCH_LOOKUPS ?? 1000)
const OPERATOR = { email: 'bench-operator@example.test', password: 'bench-operator-pass-1' }

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
const run = (args: string[], env: NodeJS.ProcessEnv) =>
  new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: cmsDir, env, stdio: ['ignore', 'inherit', 'inherit'] })
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited with ${code}`))))
  })

async function httpBench(): Promise<void> {
  const dir = process.env.BENCH_DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-lookup-bench-'))
  fs.mkdirSync(dir, { recursive: true })
  const dbFile = path.join(dir, 'kotae.db')
  const env = { ...process.env, KOTAE_SQLITE_PATH: dbFile, PAYLOAD_SECRET: 'kotae-bench-secret-0123456789', DATABASE_URL: '', PORT: String(PORT), PAYLOAD_DISABLE_DEPENDENCY_CHECKER: 'true', KOTAE_SITE: 'off' }
  // KOTAE_SITE=off: no public-site build beside the server while it is being measured.
  const marker = path.join(dir, 'seeded')
  if (!fs.existsSync(marker)) {
    await run(['--conditions=production', '--import', 'tsx', 'bench/seedLookupBench.ts'], env)
    fs.writeFileSync(marker, new Date().toISOString())
  }
  await run(['scripts/build-if-stale.mjs'], env)

  // The server as `npm start` runs it (migrate, warm-up of the lookup index, next start).
  const server = spawn(process.execPath, ['--conditions=production', '--import', 'tsx', 'scripts/start.ts'], { cwd: cmsDir, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  server.stderr.on('data', (c: Buffer) => (output += c.toString()))
  try {
    await new Promise<void>((resolve, reject) => {
      server.stdout.on('data', (c: Buffer) => {
        output += c.toString()
        if (output.includes('Kotae is running')) resolve()
      })
      server.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output.slice(-3000)}`)))
    })
    const base = `http://127.0.0.1:${PORT}`
    const login = await fetch(`${base}/api/users/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(OPERATOR) })
    const token = ((await login.json()) as { token: string }).token
    const auth = { Authorization: `JWT ${token}` }
    const admin = await fetch(`${base}/api/users/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'bench-admin@example.test', password: OPERATOR.password }) })
    const adminAuth = { Authorization: `JWT ${((await admin.json()) as { token: string }).token}` }
    const count = async (collection: string) => ((await (await fetch(`${base}/api/${collection}?limit=1&depth=0`, { headers: adminAuth })).json()) as { totalDocs: number }).totalDocs

    const content = await loadContent()
    const queries = generateCallHistory(
      content.faqs.filter((f) => f.locale === 'ja').map((f) => ({ id: f.id, question: f.question, alternatives: f.alternatives, category: f.category, related: f.related })),
      { seed: 99, calls: LOOKUPS + 50 },
    ).map((c) => c.query)
    const client: number[] = []
    const took: number[] = []
    const firstTime: number[] = [] // queries not asked before: no engine cache
    let candidates = 0
    let pastCalls = 0
    // Queries repeat, as at a real desk; the server caches engine results per query string.
    const seen = new Set<string>()
    let repeats = 0
    for (const [i, q] of queries.entries()) {
      const repeat = seen.has(q)
      if (i >= 50 && repeat) repeats++
      seen.add(q)
      const t = performance.now()
      const res = await fetch(`${base}/api/lookup?q=${encodeURIComponent(q)}&limit=8`, { headers: auth })
      const body = (await res.json()) as { tookMs: number; candidates: unknown[]; pastCalls: unknown[] }
      const ms = performance.now() - t
      if (res.status !== 200) throw new Error(`lookup ${q}: HTTP ${res.status}`)
      if (i < 50) continue // the first requests warm the HTTP connection and the JIT
      client.push(ms)
      if (!repeat) firstTime.push(ms)
      took.push(body.tookMs)
      candidates += body.candidates.length
      pastCalls += body.pastCalls.length
    }
    client.sort((a, b) => a - b)
    took.sort((a, b) => a - b)
    firstTime.sort((a, b) => a - b)
    const warm = /lookup index ready: (.*)/.exec(output)?.[1] ?? '(no warm-up line)'
    console.log(`\nlookup over HTTP: ${await count('faqs')} FAQs, ${(await count('calls')).toLocaleString('en')} calls in SQLite (${(fs.statSync(dbFile).size / 1e6).toFixed(0)} MB); index at boot: ${warm}`)
    console.log(`  ${client.length} sequential lookups (limit 8), ${(candidates / client.length).toFixed(1)} candidates and ${(pastCalls / client.length).toFixed(1)} past calls each`)
    console.log(`  client p50 ${pct(client, 50).toFixed(1)} ms, p95 ${pct(client, 95).toFixed(1)} ms, p99 ${pct(client, 99).toFixed(1)} ms, max ${client.at(-1)!.toFixed(1)} ms (target p95 ≤ 50 ms)`)
    console.log(`  first-time queries only (${firstTime.length}): p50 ${pct(firstTime, 50).toFixed(1)} ms, p95 ${pct(firstTime, 95).toFixed(1)} ms`)
    console.log(`  server tookMs p50 ${pct(took, 50)} ms, p95 ${pct(took, 95)} ms; engine result cache hit on ${repeats} of ${client.length} queries`)
    console.log(`  machine: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')} (other work on the machine inflates these figures)`)
  } catch (error) {
    console.error(`server output (last lines):\n${output.slice(-3000)}`)
    throw error
  } finally {
    if (server.pid) process.kill(-server.pid, 'SIGTERM')
  }
}

async function main(): Promise<void> {
  if (!process.env.BENCH_SKIP_EVAL) printPriorEval(await runPriorEval())
  if (!process.env.BENCH_SKIP_HTTP) await httpBench()
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
