/**
 * `npm run bench:load` — load on loopback, each figure with its dataset size and the machine's
 * load (the events flood is bench:abuse, a kill -9 of a full-size import bench:crash):
 * 1. Operators: OPERATORS signed-in operators on GET /api/lookup of a real Kotae (`npm start`'s
 *    scripts, bench/lookupServer.ts: BENCH_FAQS FAQs and BENCH_CALLS generated calls in SQLite).
 *    a) As at the desk: each operator a loop of one lookup, then 1–3 s of think time (a person
 *       typing), for LOAD_SECONDS. Target: p95 ≤ 50 ms.
 *    b) Closed loop: the same operators with no think time, for CLOSED_SECONDS (an upper bound of
 *       what the server takes, not a desk's load).
 *    Queries come from the generated call history (seed 99, as bench:lookup), so they repeat as at
 *    a real desk and the server's engine cache answers the repeats.
 * 2. The public site: the static site server (src/publish/siteServer.ts, as `npm start` serves it)
 *    in its own process, serving a built site (site/dist; built with `npm run build -w @kotae/site`
 *    when missing; BENCH_SITE_DIST=<dir> for another build), one FAQ page requested by CONNECTIONS
 *    keep-alive connections (node:http Agent) for SITE_SECONDS, with Accept-Encoding br, gzip (the
 *    compressed copy is cached after the first request). Target: ≥ 2,000 req/s.
 * The client runs on the same machine as the servers and takes CPU from them.
 * Options: BENCH_SKIP_LOOKUP=1, BENCH_SKIP_SITE=1, BENCH_DATA_DIR=<dir> (reuse a seeded file),
 * BENCH_PORT (default 3883; the site server on BENCH_PORT + 1).
 */
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { loadContent } from '@kotae/content'

import { generateCallHistory } from './callHistory'
import { startLookupServer } from './lookupServer'

const self = fileURLToPath(import.meta.url)
const cmsDir = path.resolve(path.dirname(self), '..')
const repoRoot = path.resolve(cmsDir, '..')
const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback)
const PORT = num('BENCH_PORT', 3883)
const OPERATORS = num('BENCH_OPERATORS', 20)
const LOAD_SECONDS = num('BENCH_LOAD_SECONDS', 60)
const CLOSED_SECONDS = num('BENCH_CLOSED_SECONDS', 20)
const CONNECTIONS = num('BENCH_CONNECTIONS', 50)
const SITE_SECONDS = num('BENCH_SITE_SECONDS', 20)

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const machine = () =>
  `${os.cpus().length} cores, load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')}`
const summary = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b)
  return `p50 ${pct(s, 50).toFixed(1)} ms, p95 ${pct(s, 95).toFixed(1)} ms, max ${s.at(-1)!.toFixed(1)} ms`
}

/** Part 1 (see the header). */
async function operators(): Promise<void> {
  const server = await startLookupServer(PORT)
  try {
    const headers = await server.login()
    const admin = await server.login({ email: 'bench-admin@example.test', password: 'bench-operator-pass-1' })
    const total = async (collection: string) =>
      (
        (await (
          await fetch(`${server.base}/api/${collection}?limit=1&depth=0`, { headers: admin })
        ).json()) as { totalDocs: number }
      ).totalDocs
    const content = await loadContent()
    const faqs = content.faqs.filter((f) => f.locale === 'ja')
    const queries = generateCallHistory(faqs, { seed: 99, calls: 20_000 }).map((c) => c.query)
    let next = 0
    let errors = 0
    // The server's own time (tookMs) beside the client's: the difference is queueing and HTTP.
    const lookup = async (into: number[], took: number[] = []) => {
      const q = queries[next++ % queries.length]!
      const t = performance.now()
      const res = await fetch(`${server.base}/api/lookup?q=${encodeURIComponent(q)}&limit=8`, { headers })
      const body = (await res.json()) as { tookMs: number }
      if (res.status !== 200) return void errors++
      into.push(performance.now() - t)
      took.push(body.tookMs)
    }
    for (let i = 0; i < 50; i++) await lookup([]) // warms the connection, the JIT and the caches

    const phase = async (seconds: number, think: boolean) => {
      const ms: number[] = []
      const took: number[] = []
      const end = performance.now() + seconds * 1000
      await Promise.all(
        Array.from({ length: OPERATORS }, async () => {
          if (think) await sleep(Math.random() * 3000) // operators do not start in step
          while (performance.now() < end) {
            await lookup(ms, took)
            if (think) await sleep(1000 + Math.random() * 2000)
          }
        }),
      )
      return { ms, took }
    }
    const before = machine()
    const desk = await phase(LOAD_SECONDS, true)
    const atDesk = machine()
    const closed = await phase(CLOSED_SECONDS, false)
    console.log(
      `\noperators on GET /api/lookup: ${await total('faqs')} FAQs, ${(await total('calls')).toLocaleString('en')} calls in SQLite (${(fs.statSync(server.dbFile).size / 1e6).toFixed(0)} MB)`,
    )
    console.log(
      `  ${OPERATORS} operators, lookup then 1–3 s think time, ${LOAD_SECONDS} s: ${desk.ms.length} lookups (${(desk.ms.length / LOAD_SECONDS).toFixed(1)}/s): client ${summary(desk.ms)} (target p95 ≤ 50 ms); server tookMs ${summary(desk.took)}`,
    )
    console.log(
      `  closed loop, no think time (not a desk's load): ${OPERATORS} concurrent, ${CLOSED_SECONDS} s: ${closed.ms.length} lookups (${(closed.ms.length / CLOSED_SECONDS).toFixed(0)}/s): client ${summary(closed.ms)}; server tookMs ${summary(closed.took)}`,
    )
    console.log(
      `  errors (non-200): ${errors}; machine before: ${before}; after the desk phase: ${atDesk}; after: ${machine()}`,
    )
  } finally {
    server.stop()
  }
}

/** A built site (BENCH_SITE_DIST, else site/dist, built when missing). */
function siteDist(): string {
  const dist = path.resolve(process.env.BENCH_SITE_DIST ?? path.join(repoRoot, 'site', 'dist'))
  if (fs.existsSync(path.join(dist, 'index.html'))) return dist
  if (process.env.BENCH_SITE_DIST) throw new Error(`BENCH_SITE_DIST: ${dist} has no index.html`)
  console.log('building the public site (npm run build -w @kotae/site) …')
  const r = spawnSync('npm', ['run', 'build', '-w', '@kotae/site'], { cwd: repoRoot, stdio: 'inherit' })
  if (r.status !== 0) throw new Error(`the site build failed (exit ${r.status})`)
  return dist
}

/** Part 2 (see the header). */
async function site(): Promise<void> {
  const dist = siteDist()
  const faq = fs
    .readdirSync(path.join(dist, 'faq'))
    .sort()
    .find((d) => fs.existsSync(path.join(dist, 'faq', d, 'index.html')))
  if (!faq) throw new Error(`${dist}/faq has no page`)
  const page = `/faq/${faq}/`
  // The served folder as the publisher lays it out: current → the live build.
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-load-site-'))
  fs.symlinkSync(dist, path.join(root, 'current'))
  const port = PORT + 1
  const server = spawn(
    process.execPath,
    ['--conditions=production', '--import', 'tsx', self, '--site-child', root, String(port)],
    { cwd: cmsDir, stdio: ['ignore', 'pipe', 'inherit'] },
  )
  try {
    await new Promise<void>((resolve, reject) => {
      server.stdout.on('data', (c: Buffer) => c.toString().includes('ready') && resolve())
      server.once('exit', (code) => reject(new Error(`site server exited with ${code}`)))
    })
    const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS })
    const get = () =>
      new Promise<{ status: number; bytes: number; encoding: string }>((resolve, reject) => {
        const req = http.get(
          { host: '127.0.0.1', port, path: page, agent, headers: { 'accept-encoding': 'br, gzip' } },
          (res) => {
            let bytes = 0
            res.on('data', (c: Buffer) => (bytes += c.length))
            res.on('end', () =>
              resolve({
                status: res.statusCode ?? 0,
                bytes,
                encoding: String(res.headers['content-encoding'] ?? 'identity'),
              }),
            )
          },
        )
        req.on('error', reject)
      })
    const first = await get()
    if (first.status !== 200) throw new Error(`${page}: HTTP ${first.status}`)
    for (let i = 0; i < 200; i++) await get() // warm-up
    const ms: number[] = []
    let errors = 0
    const before = machine()
    const cpu = process.cpuUsage()
    const t0 = performance.now()
    const end = t0 + SITE_SECONDS * 1000
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (performance.now() < end) {
          const t = performance.now()
          const r = await get()
          if (r.status === 200) ms.push(performance.now() - t)
          else errors++
        }
      }),
    )
    const seconds = (performance.now() - t0) / 1000
    const c = process.cpuUsage(cpu)
    agent.destroy()
    const raw = fs.statSync(path.join(dist, 'faq', faq, 'index.html')).size
    console.log(`\npublic site server (src/publish/siteServer.ts) in its own process, ${dist}`)
    console.log(
      `  GET ${page} (${(raw / 1024).toFixed(1)} KB HTML, sent ${first.encoding} ${(first.bytes / 1024).toFixed(1)} KB), ${CONNECTIONS} keep-alive connections, ${SITE_SECONDS} s`,
    )
    console.log(
      `  ${ms.length} responses: ${(ms.length / seconds).toFixed(0)} req/s (target ≥ 2,000), ${summary(ms)}; errors ${errors}`,
    )
    console.log(
      `  the load generator in this process used ${((c.user + c.system) / 1e6 / seconds).toFixed(2)} cores of the machine's ${os.cpus().length}; machine before: ${before}; after: ${machine()}`,
    )
  } finally {
    server.kill('SIGTERM')
    fs.rmSync(root, { recursive: true, force: true })
  }
}

/** The site server's process (`--site-child <root> <port>`). */
async function siteChild(root: string, port: number): Promise<void> {
  const { siteFolder } = await import('../src/publish/buildSite')
  const { serveSiteFolder } = await import('../src/publish/siteServer')
  await serveSiteFolder({ folder: siteFolder(root), port, host: '127.0.0.1', cmsUrl: 'http://127.0.0.1:9' })
  console.log('ready')
}

const child = process.argv.indexOf('--site-child')
if (child >= 0) await siteChild(process.argv[child + 1]!, Number(process.argv[child + 2]))
else {
  console.log(`bench:load on ${machine()} (a shared machine: other work inflates these figures)`)
  if (!process.env.BENCH_SKIP_SITE) await site()
  if (!process.env.BENCH_SKIP_LOOKUP) await operators()
  process.exit(0)
}
