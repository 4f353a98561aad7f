/**
 * `npm run bench:abuse [-- --seconds N]` — what an anonymous client can do to a running Kotae, and
 * what the operators' desk feels meanwhile. Starts a fresh Kotae exactly as `npm start` does (a temp
 * SQLite file, port 3301 on loopback, KOTAE_SITE=off), then prints, with the dataset size:
 * 1. depth/limit: anonymous GET /api/faqs?depth=1000&limit=100000, 10 times: status, bytes, median
 *    and max time, server RSS before/after;
 * 2. body size: a 400 MB chunked POST /api/events and a 400 MB Content-Length POST /api/calls over a
 *    raw socket: status line, bytes the client managed to send, server RSS growth (peak);
 * 3. event flood, twice: for N seconds (default 60) one client sends 50-event batches as fast as it
 *    can (4 in flight), (a) from one address, (b) as the site proxy forwarding a new visitor per
 *    batch, while 20 simulated operators (signed in) call /api/lookup; events accepted/refused
 *    per second, desk p50/p95/max during the flood and for 10 s before it, server RSS at start and
 *    end; then the server is stopped (SIGTERM) and the stored rows are counted against the accepted.
 * 4. site traffic: for N seconds, small batches (2 events) from many visitors through the proxy,
 *    8 in flight: requests accepted per second and the server's RSS (start, middle, end).
 * BENCH_PIN=1 puts the server on CPU 0 and the bench on CPU 1 (taskset), as when clients are other machines.
 * Loopback only; every loop is bounded in count and time; the server is stopped at the end.
 * The server's RSS is read from /proc/<pid>/status, the pid being the descendant of `npm start` that
 * owns the listening socket on the port (Linux only).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { loadContent } from '@kotae/content'
import Database from 'libsql'

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const PORT = 3301
const HOST = '127.0.0.1'
const BASE = `http://${HOST}:${PORT}`
const argSeconds = process.argv.indexOf('--seconds')
const FLOOD_SECONDS = Math.min(
  600,
  Math.max(1, Number(argSeconds >= 0 ? process.argv[argSeconds + 1] : 60) || 60),
)
const BASELINE_SECONDS = 10
const OPERATORS = 20
const IN_FLIGHT = 4
const BIG_BODY = 400 * 1024 * 1024
/** BENCH_PIN=1 (Linux, 2+ cores): the server and the bench on separate cores. */
const PIN = process.env.BENCH_PIN === '1'
const PASSWORD = 'abuse-bench-password-2026'

const pct = (sorted: number[], p: number) =>
  sorted.length
    ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!
    : NaN
const ms = (n: number) => `${n.toFixed(1)} ms`
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`
const sleep = (t: number) => new Promise((r) => setTimeout(r, t))

/** VmRSS of a process, in kB. */
const rssKb = (pid: number): number =>
  Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN)

/** The descendant of `root` that owns the socket listening on `port` (walks /proc). */
function listeningPid(root: number, port: number): number | undefined {
  const listening = new Set<string>()
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!fs.existsSync(file)) continue
    for (const line of fs.readFileSync(file, 'utf8').split('\n').slice(1)) {
      const f = line.trim().split(/\s+/)
      if (f.length > 9 && f[3] === '0A' && parseInt(f[1]!.split(':')[1]!, 16) === port) listening.add(f[9]!)
    }
  }
  const children = new Map<number, number[]>()
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)])
    } catch {
      // the process ended meanwhile
    }
  }
  const queue = [root]
  for (let i = 0; i < queue.length && i < 1000; i++) {
    const pid = queue[i]!
    try {
      for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
        const inode = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1]
        if (inode && listening.has(inode)) return pid
      }
    } catch {
      // not ours to read, or gone
    }
    queue.push(...(children.get(pid) ?? []))
  }
  return undefined
}

/** `npm start` on a fresh SQLite file, resolved once it says where to sign in. */
async function startKotae(dir: string): Promise<{ child: ChildProcess; output: () => string }> {
  let output = ''
  const child = spawn('npm', ['start'], {
    cwd: repoRoot,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PORT: String(PORT),
      KOTAE_HOST: HOST,
      KOTAE_SQLITE_PATH: path.join(dir, 'kotae.db'),
      PAYLOAD_SECRET: 'kotae-abuse-bench-secret-0123456789',
      KOTAE_SERVER_URL: '',
      DATABASE_URL: '',
      KOTAE_SITE: 'off',
      KOTAE_SITE_DIR: path.join(dir, 'site'),
      KOTAE_SITE_PORT: String(PORT + 1),
    },
  })
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`npm start not ready after 10 minutes:\n${output.slice(-3000)}`)),
      600_000,
    )
    child.stdout!.on('data', (c: Buffer) => {
      output += c.toString()
      if (output.includes('Kotae is running')) {
        clearTimeout(timer)
        resolve()
      }
    })
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()))
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`npm start exited with ${code}:\n${output.slice(-3000)}`))
    })
  })
  return { child, output: () => output }
}

/** SIGTERM to npm start's process group, then waits (at most 30 s) until the server process itself is gone. */
async function stopKotae(child: ChildProcess, serverPid: number | undefined): Promise<void> {
  if (!child.pid) return
  try {
    process.kill(-child.pid, 'SIGTERM')
  } catch {
    // already gone
  }
  const alive = (pid: number) => {
    try {
      return !/^State:\s+Z/m.test(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))
    } catch {
      return false
    }
  }
  for (
    let i = 0;
    i < 300 && ((serverPid && alive(serverPid)) || (child.exitCode === null && child.signalCode === null));
    i++
  )
    await sleep(100)
  if ((serverPid && alive(serverPid)) || (child.exitCode === null && child.signalCode === null)) {
    try {
      process.kill(-child.pid, 'SIGKILL')
    } catch {
      // gone
    }
  }
}

/** `T`: the shape of the JSON the caller reads (unknown unless it says; a body that is not JSON is its text). */
async function api<T = unknown>(
  method: string,
  pathname: string,
  body?: unknown,
  token?: string,
): Promise<{ status: number; json: T }> {
  const res = await fetch(`${BASE}${pathname}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `JWT ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  let json: unknown = text
  try {
    json = JSON.parse(text)
  } catch {
    // not JSON
  }
  return { status: res.status, json: json as T }
}

/** Part 1: anonymous GET /api/faqs?depth=1000&limit=100000, 10 times. */
async function depthLimit(pid: number): Promise<void> {
  const before = rssKb(pid)
  const times: number[] = []
  let bytes = 0
  let status = 0
  for (let i = 0; i < 10; i++) {
    const t = performance.now()
    const res = await fetch(`${BASE}/api/faqs?depth=1000&limit=100000`)
    bytes = (await res.arrayBuffer()).byteLength
    times.push(performance.now() - t)
    status = res.status
  }
  times.sort((a, b) => a - b)
  console.log(
    `\n1. anonymous GET /api/faqs?depth=1000&limit=100000 ×10: HTTP ${status}, ${(bytes / 1024).toFixed(0)} KB, median ${ms(pct(times, 50))}, max ${ms(times.at(-1)!)}; server RSS ${mb(before)} → ${mb(rssKb(pid))}`,
  )
}

/** Part 2: a 400 MB body over a raw socket; stops at the server's answer-and-close, 400 MB or 60 s. */
async function bigBody(pid: number, label: string, head: string, chunked: boolean): Promise<void> {
  const before = rssKb(pid)
  let peak = before
  const sampler = setInterval(() => (peak = Math.max(peak, rssKb(pid))), 50)
  const socket = net.connect(PORT, HOST)
  let response = ''
  let closed = false
  socket.on('data', (c: Buffer) => (response += c.toString('latin1')))
  socket.on('error', () => (closed = true))
  const gone = new Promise<void>((r) =>
    socket.once('close', () => {
      closed = true
      r()
    }),
  )
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve)
    socket.once('error', reject)
  })
  const t = performance.now()
  const chunk = Buffer.alloc(1024 * 1024, 'a')
  const frame = chunked
    ? Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')])
    : chunk
  socket.write(head)
  let sent = 0
  // Bounded: 400 chunks, 60 s.
  for (let i = 0; i < BIG_BODY / chunk.length && !closed && performance.now() - t < 60_000; i++) {
    const ok = socket.write(frame)
    sent += chunk.length
    if (!ok) {
      const drained = new Promise<void>((r) => socket.once('drain', r))
      await Promise.race([drained, gone, sleep(5_000)])
      socket.removeAllListeners('drain')
    }
  }
  if (!closed) socket.write(chunked ? '0\r\n\r\n' : '')
  await Promise.race([gone, sleep(5_000)])
  const took = performance.now() - t
  clearInterval(sampler)
  peak = Math.max(peak, rssKb(pid))
  socket.destroy()
  const status = response.split('\r\n')[0] || '(no answer)'
  console.log(
    `   ${label}: "${status}"; client handed ${(sent / 1024 / 1024).toFixed(0)} MB to the socket, ${(socket.bytesWritten / 1024 / 1024).toFixed(1)} MB written before the cut, in ${(took / 1000).toFixed(1)} s; server RSS ${mb(before)}, peak ${mb(peak)} (+${((peak - before) / 1024).toFixed(1)} MB)`,
  )
}

type Sample = { at: number; ms: number; status: number }

/** An operator reads the answer before the next lookup: 0.5–1.5 s between lookups (about 20 lookups/s from 20 operators). */
const THINK_MS = [500, 1500] as const

/** One signed-in operator: a lookup, a pause to read it, again, until the deadline (bounded in count too). */
async function operator(
  token: string,
  queries: string[],
  offset: number,
  until: number,
  out: Sample[],
): Promise<void> {
  await sleep(Math.random() * THINK_MS[1]) // not all at once
  for (let i = 0; i < 100_000 && Date.now() < until; i++) {
    const q = queries[(offset + i * 7) % queries.length]!
    const t = performance.now()
    const res = await fetch(`${BASE}/api/lookup?q=${encodeURIComponent(q)}&limit=8`, {
      headers: { Authorization: `JWT ${token}` },
    })
    await res.arrayBuffer()
    out.push({ at: Date.now(), ms: performance.now() - t, status: res.status })
    await sleep(THINK_MS[0] + Math.random() * (THINK_MS[1] - THINK_MS[0]))
  }
}

async function desk(token: string, queries: string[], seconds: number, out: Sample[]): Promise<void> {
  const until = Date.now() + seconds * 1000
  await Promise.all(Array.from({ length: OPERATORS }, (_, o) => operator(token, queries, o * 13, until, out)))
}

const deskLine = (samples: Sample[]) => {
  const t = samples.map((s) => s.ms).sort((a, b) => a - b)
  const failed = samples.filter((s) => s.status !== 200).length
  return `${t.length} lookups, p50 ${ms(pct(t, 50))}, p95 ${ms(pct(t, 95))}, max ${ms(t.at(-1) ?? NaN)}${failed ? `, ${failed} not 200` : ''}`
}

/** Part 3: the event flood against the desk. */
async function flood(
  pid: number,
  token: string,
  queries: string[],
  faqIds: string[],
  manyVisitors: boolean,
): Promise<{ accepted: number }> {
  const who = manyVisitors
    ? 'one client forwarding many visitors through the site proxy (a new X-Forwarded-For per batch)'
    : 'one client from one address'
  console.log(
    `\n3${manyVisitors ? 'b' : 'a'}. event flood: ${OPERATORS} signed-in operators on /api/lookup (${THINK_MS[0] / 1000}–${THINK_MS[1] / 1000} s between lookups each); ${BASELINE_SECONDS} s baseline, then ${FLOOD_SECONDS} s of 50-event batches as fast as ${who} can send them (${IN_FLIGHT} in flight)`,
  )
  const rssStart = rssKb(pid)
  const baseline: Sample[] = []
  await desk(token, queries, BASELINE_SECONDS, baseline)
  console.log(`   desk before the flood: ${deskLine(baseline)}`)

  const perSecond = new Map<number, { accepted: number; refused: Map<number, number> }>()
  const start = Date.now()
  const until = start + FLOOD_SECONDS * 1000
  let batchNo = 0
  let accepted = 0
  const batch = () => {
    const n = batchNo++
    return JSON.stringify({
      events: Array.from({ length: 50 }, (_, i) =>
        i % 2 === 0
          ? {
              type: 'search',
              query: `${queries[(n + i) % queries.length]!.slice(0, 60)} 090-1234-5678`,
              results: 3,
              locale: 'ja',
            }
          : { type: 'faq-view', faqId: faqIds[(n + i) % faqIds.length]! },
      ),
    })
  }
  // The site's proxy forwards many visitors: from loopback (a trusted proxy) X-Forwarded-For names
  // the visitor. A new address per batch, so the per-address rate limit (30 batches a minute) does
  // not stop this client: the flood the review measured, and what many visitors together can send.
  const sender = async () => {
    for (let i = 0; i < 1_000_000 && Date.now() < until; i++) {
      const n = batchNo
      const forwarded: Record<string, string> = manyVisitors
        ? { 'X-Forwarded-For': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` }
        : {}
      const res = await fetch(`${BASE}/api/events`, {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain', ...forwarded },
        body: batch(),
      })
      await res.arrayBuffer()
      const second = Math.floor((Date.now() - start) / 1000)
      const s = perSecond.get(second) ?? { accepted: 0, refused: new Map() }
      perSecond.set(second, s)
      if (res.status === 202) {
        s.accepted += 50
        accepted += 50
      } else s.refused.set(res.status, (s.refused.get(res.status) ?? 0) + 50)
    }
  }
  const during: Sample[] = []
  await Promise.all([
    ...Array.from({ length: IN_FLIGHT }, sender),
    desk(token, queries, FLOOD_SECONDS, during),
  ])
  const rssEnd = rssKb(pid)

  const seconds = [...perSecond.keys()].sort((a, b) => a - b)
  const refusedTotal = new Map<number, number>()
  for (const s of perSecond.values())
    for (const [code, n] of s.refused) refusedTotal.set(code, (refusedTotal.get(code) ?? 0) + n)
  const rates = seconds.map((k) => perSecond.get(k)!.accepted).sort((a, b) => a - b)
  console.log(
    `   events accepted (202): ${accepted.toLocaleString('en')} in ${FLOOD_SECONDS} s = ${Math.round(accepted / FLOOD_SECONDS).toLocaleString('en')}/s (per second: min ${rates[0] ?? 0}, median ${pct(rates, 50) ?? 0}, max ${rates.at(-1) ?? 0})`,
  )
  console.log(
    `   events refused: ${refusedTotal.size ? [...refusedTotal].map(([code, n]) => `${n.toLocaleString('en')} with ${code} (${Math.round(n / FLOOD_SECONDS)}/s)`).join(', ') : 'none'}`,
  )
  console.log(
    `   per second (accepted/refused): ${seconds.map((k) => `${perSecond.get(k)!.accepted}/${[...perSecond.get(k)!.refused.values()].reduce((a, b) => a + b, 0)}`).join(' ')}`,
  )
  console.log(`   desk during the flood:  ${deskLine(during)}`)
  console.log(`   server RSS ${mb(rssStart)} at start → ${mb(rssEnd)} at end`)
  return { accepted }
}

/**
 * Part 4: the site's ordinary traffic at its peak — many visitors (a new X-Forwarded-For per
 * request, through the trusted proxy) each sending a small batch (a search and an FAQ view, what
 * a visitor's page sends), SENDERS in flight for FLOOD_SECONDS: requests accepted per second and the
 * server's RSS at start, middle and end (flat RSS: the queue drains as fast as it fills).
 */
async function siteTraffic(pid: number, queries: string[], faqIds: string[]): Promise<{ accepted: number }> {
  const SENDERS = 8
  console.log(
    `\n4. site traffic: ${FLOOD_SECONDS} s of 2-event batches (a search and an FAQ view) from many visitors through the proxy, ${SENDERS} in flight`,
  )
  const rss = [rssKb(pid)]
  const start = Date.now()
  const until = start + FLOOD_SECONDS * 1000
  let sent = 0
  let accepted = 0
  const other = new Map<number, number>()
  const midway = setTimeout(() => rss.push(rssKb(pid)), (FLOOD_SECONDS * 1000) / 2)
  const sender = async () => {
    for (let i = 0; i < 10_000_000 && Date.now() < until; i++) {
      const n = sent++
      const body = JSON.stringify({
        events: [
          { type: 'search', query: queries[n % queries.length]!.slice(0, 60), results: 3, locale: 'ja' },
          { type: 'faq-view', faqId: faqIds[n % faqIds.length]! },
        ],
      })
      const res = await fetch(`${BASE}/api/events`, {
        method: 'POST',
        headers: {
          'Content-Type': 'text/plain',
          'X-Forwarded-For': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
        },
        body,
      })
      await res.arrayBuffer()
      if (res.status === 202) accepted++
      else other.set(res.status, (other.get(res.status) ?? 0) + 1)
    }
  }
  await Promise.all(Array.from({ length: SENDERS }, sender))
  clearTimeout(midway)
  rss.push(rssKb(pid))
  const seconds = (Date.now() - start) / 1000
  console.log(
    `   requests accepted (202): ${accepted.toLocaleString('en')} in ${seconds.toFixed(0)} s = ${Math.round(accepted / seconds).toLocaleString('en')} req/s (${(accepted * 2).toLocaleString('en')} events)${other.size ? `; other answers: ${[...other].map(([c, k]) => `${k} × ${c}`).join(', ')}` : ''}`,
  )
  console.log(`   server RSS ${rss.map(mb).join(' → ')} (start, middle, end)`)
  return { accepted: accepted * 2 }
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-abuse-bench-'))
  console.log(
    `bench:abuse — fresh Kotae (npm start) on ${BASE}, SQLite ${path.join(dir, 'kotae.db')}, KOTAE_SITE=off`,
  )
  const t0 = performance.now()
  const { child } = await startKotae(dir)
  const pid = listeningPid(child.pid!, PORT)
  if (!pid) {
    await stopKotae(child, undefined)
    throw new Error(`no process of npm start listens on port ${PORT}`)
  }
  if (PIN) {
    // The server on one core, this bench (the attacker and the operators) on the other: as when
    // the clients are other machines, the flood's own sending does not take the server's CPU.
    execFileSync('taskset', ['-a', '-p', '-c', '0', String(pid)], { stdio: 'ignore' })
    execFileSync('taskset', ['-a', '-p', '-c', '1', String(process.pid)], { stdio: 'ignore' })
    console.log(`   BENCH_PIN=1: server (pid ${pid}) on CPU 0, this bench on CPU 1 (taskset)`)
  }
  console.log(
    `   ready in ${((performance.now() - t0) / 1000).toFixed(0)} s; server pid ${pid} (child of npm start listening on ${PORT}), RSS ${mb(rssKb(pid))}`,
  )
  let accepted = 0
  try {
    const first = await api('POST', '/api/users/first-register', {
      email: 'abuse-admin@example.test',
      password: PASSWORD,
      roles: ['admin'],
    })
    if (first.status >= 300) throw new Error(`first-register: ${first.status} ${JSON.stringify(first.json)}`)
    const admin = (
      await api<{ token: string }>('POST', '/api/users/login', {
        email: 'abuse-admin@example.test',
        password: PASSWORD,
      })
    ).json.token
    const created = await api(
      'POST',
      '/api/users',
      {
        email: 'abuse-operator@example.test',
        password: PASSWORD,
        roles: ['operator'],
        name: 'ベンチ オペレーター',
      },
      admin,
    )
    if (created.status !== 201) throw new Error(`operator: ${created.status} ${JSON.stringify(created.json)}`)
    const operatorToken = (
      await api<{ token: string }>('POST', '/api/users/login', {
        email: 'abuse-operator@example.test',
        password: PASSWORD,
      })
    ).json.token
    const faqs = (await api<{ totalDocs: number }>('GET', '/api/faqs?limit=1&depth=0', undefined, admin)).json
      .totalDocs
    const published = (await api<{ totalDocs: number }>('GET', '/api/faqs?limit=1&depth=0')).json.totalDocs
    console.log(
      `   dataset: ${faqs} FAQs loaded (curated content; ${published} published, what an anonymous read sees); ${os.cpus().length} cores, load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' / ')}`,
    )

    await depthLimit(pid)

    console.log('\n2. 400 MB bodies over a raw socket')
    await bigBody(
      pid,
      'chunked POST /api/events',
      `POST /api/events HTTP/1.1\r\nHost: ${HOST}:${PORT}\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n`,
      true,
    )
    await bigBody(
      pid,
      'Content-Length POST /api/calls',
      `POST /api/calls HTTP/1.1\r\nHost: ${HOST}:${PORT}\r\nContent-Type: application/json\r\nContent-Length: ${BIG_BODY}\r\n\r\n`,
      false,
    )

    const content = await loadContent()
    const jaFaqs = content.faqs.filter((f) => f.locale === 'ja')
    const queries = jaFaqs.flatMap((f) => [f.question, ...(f.alternatives ?? [])])
    // One client as the review flooded it (its address limited), then many visitors at once.
    for (const manyVisitors of [false, true])
      accepted += (
        await flood(
          pid,
          operatorToken,
          queries,
          jaFaqs.map((f) => f.id),
          manyVisitors,
        )
      ).accepted
    accepted += (
      await siteTraffic(
        pid,
        queries,
        jaFaqs.map((f) => f.id),
      )
    ).accepted
  } finally {
    const t = performance.now()
    await stopKotae(child, pid)
    console.log(
      `\nserver stopped (SIGTERM to npm start's group) in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    )
  }
  const db = new Database(path.join(dir, 'kotae.db'), { readonly: true })
  const stored = (db.prepare('SELECT count(*) AS n FROM site_events').get() as { n: number }).n
  db.close()
  console.log(
    `   site_events rows after the stop: ${stored.toLocaleString('en')}; events accepted with 202: ${accepted.toLocaleString('en')}${stored === accepted ? ' (all stored, the queue drained on SIGTERM)' : ` (${(accepted - stored).toLocaleString('en')} missing)`}`,
  )
  fs.rmSync(dir, { recursive: true, force: true })
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
