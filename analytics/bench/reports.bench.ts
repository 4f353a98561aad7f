/**
 * `npm run bench:report-path -- [--calls 1000000] [--rows 1000000] [--arrays] [--keep-csv]`
 *
 * Times the pure report path on synthetic data and prints the figures with the dataset sizes:
 *  1. computeReport for one month (October 2026) over N call logs + N telephony records all in that month;
 *  2. computeReport for one fiscal year (令和8年度, April 2026 – March 2027) over N + N spread over it;
 *  3. telephony CSV: a file of M rows (UTF-8, Japanese headers) written to a temp directory, then
 *     validateTelephonyCsv (one pass), importTelephonyCsv (validate, then import in batches of 1000)
 *     and importTelephonyCsv with validateFirst: false (one pass, for a transaction); the records are
 *     dropped where a database would take them.
 * Each phase runs in its own child process, so "peak RSS" is that phase's own high-water mark;
 * reportCpuMs is CPU time (less sensitive than wall time to other load on a shared machine).
 *
 * Records come from generators and are streamed into computeReport (it takes iterables: one pass
 * for the calls, one for the PBX records); the time to generate them is measured apart (a pass that
 * only generates) and reported, and "report" is the difference. This is the reference path of the
 * KPI tests; the CMS counts its reports in SQL (rollups, decision 0045 there). `--arrays` builds the arrays first instead
 * and times computeReport alone (needs ~1 GB more).
 *
 * Synthetic data (seeded, reproducible): @kotae/content's seededRandom from 20261001. Calls fall on
 * business hours — weekdays 08:30–17:15, Thursdays until 20:00, Sundays 09:00–17:00 — with 3 % at
 * night; 400,000 callers (64-hex hashes, 5 % anonymous), skewed so that about a third of calls come from
 * repeat callers; 12 categories; 0–3 of 115 FAQs per call; outcomes 70 % resolved. Telephony: 90 %
 * answered after 0–90 s, 10 % abandoned after 0–120 s (so ~4 % of those are short abandons).
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { GENERATED_OUTCOME_MIX } from '@kotae/content/contracts/calls'
import { seededRandom } from '@kotae/content/seededRandom'

import { computeReport, type ReportPeriod } from '../src/kpi'
import type { CallLogRecord, TelephonyRecord } from '../src/records'
import { importTelephonyCsv, validateTelephonyCsv } from '../src/telephony/index.node.ts'
import { jstMidnight, jstWeekday } from '../src/time'

const args = process.argv.slice(2)
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? Number(args[i + 1]) : fallback
}
const N_CALLS = arg('calls', 1_000_000)
const N_ROWS = arg('rows', 1_000_000)
const ARRAYS = args.includes('--arrays')
const SEED = 20261001

const CATEGORIES = [
  'card-renewal',
  'pin-reset',
  'lost-card',
  'mynaportal',
  'health-insurance',
  'certificate',
  'address-change',
  'reservation',
  'foreign-resident',
  'child',
  'proxy',
  'other',
]
const FAQS = Array.from({ length: 115 }, (_, i) => `faq-${String(i + 1).padStart(3, '0')}`)
const OPERATORS = Array.from({ length: 24 }, (_, i) => `op-${i + 1}`)
const HOUR = 3_600_000

const CALLERS = 400_000
/** A 64-hex pseudonym per caller number, like hashCaller's output (content does not matter here, length does). */
const callerHash = (caller: number) => ((caller * 2654435761) >>> 0).toString(16).padStart(64, '0')

/** A start instant inside business hours of a random day in [start, end). */
function businessInstant(random: () => number, start: number, end: number): number {
  for (;;) {
    const day = Math.floor(random() * ((end - start) / 86_400_000))
    const midnight = start + day * 86_400_000
    const weekday = jstWeekday(midnight)
    if (random() < 0.03) return midnight + random() * 86_400_000 // night
    let open = 8.5
    let close = 17.25
    if (weekday === 6) continue // closed on Saturdays
    if (weekday === 0) [open, close] = [9, 17]
    if (weekday === 4) close = 20
    return midnight + (open + random() * (close - open)) * HOUR
  }
}

interface Pair {
  call: CallLogRecord
  tel: TelephonyRecord
}

/** N pairs of call log + telephony record in [start, end), reproducible from the seed. */
function* generate(n: number, start: number, end: number): Generator<Pair> {
  const random = seededRandom(SEED)
  const iso = (ms: number) => new Date(ms).toISOString()
  for (let i = 0; i < n; i++) {
    const offered = Math.floor(businessInstant(random, start, end))
    const answered = random() < 0.9
    const wait = answered ? random() * 90_000 : random() * 120_000
    const talk = 60_000 + random() * 900_000
    const agent = OPERATORS[Math.floor(random() * OPERATORS.length)]!
    const callId = `c${i}`
    const tel: TelephonyRecord = {
      callId,
      queue: 'mynumber',
      offeredAt: iso(offered),
      answeredAt: answered ? iso(offered + wait) : null,
      abandonedAt: answered ? null : iso(offered + wait),
      endedAt: iso(offered + wait + (answered ? talk : 0)),
      agent: answered ? agent : null,
      wrapUpEndedAt: answered ? iso(offered + wait + talk + 60_000) : null,
    }
    // Skewed callers: squaring the uniform draw favours the first part of the pool (repeaters).
    const u = random()
    const caller = u < 0.05 ? null : callerHash(Math.floor(u * u * CALLERS))
    const faqCount = Math.floor(random() * 4)
    const faqsUsed: string[] = []
    for (let k = 0; k < faqCount; k++) faqsUsed.push(FAQS[Math.floor(random() * random() * FAQS.length)]!)
    const t0 = offered + wait
    const call: CallLogRecord = {
      id: `log${i}`,
      talkStartedAt: iso(t0),
      talkEndedAt: iso(t0 + talk),
      holdSeconds: random() < 0.3 ? Math.floor(random() * 120) : 0,
      afterCallWorkSeconds: Math.floor(random() * 180),
      channel: 'direct',
      callerType: 'self',
      category: CATEGORIES[Math.floor(random() * random() * CATEGORIES.length)]!,
      faqsUsed,
      outcome: GENERATED_OUTCOME_MIX[Math.floor(random() * GENERATED_OUTCOME_MIX.length)]!,
      operator: agent,
      telephonyCallId: callId,
      callerHash: caller,
    }
    yield { call, tel }
  }
}

const ms = (t0: number) => Math.round(performance.now() - t0)
const mb = () => Math.round(process.resourceUsage().maxRSS / 1024)
const cpuMs = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since)
  return Math.round((u.user + u.system) / 1000)
}
/** Heap in use after a full collection (children run with --expose-gc), in MB; `_keep` stays alive through it. */
const retained = (..._keep: unknown[]) => {
  ;(globalThis as { gc?: () => void }).gc?.()
  return Math.round(process.memoryUsage().heapUsed / 1e6)
}

interface PhaseResult {
  phase: string
  figures: Record<string, number | string>
  peakRssMb: number
}

function reportPhase(phase: 'month' | 'year'): PhaseResult {
  const period: ReportPeriod =
    phase === 'month' ? { kind: 'month', year: 2026, month: 10 } : { kind: 'year', year: 2026 }
  const [start, end] =
    phase === 'month'
      ? [jstMidnight(2026, 10, 1), jstMidnight(2026, 11, 1)]
      : [jstMidnight(2026, 4, 1), jstMidnight(2027, 4, 1)]
  if (ARRAYS) {
    let t0 = performance.now()
    const pairs = [...generate(N_CALLS, start, end)]
    const callArray = pairs.map((p) => p.call)
    const telArray = pairs.map((p) => p.tel)
    const generateMs = ms(t0)
    pairs.length = 0
    retained()
    t0 = performance.now()
    const cpu0 = process.cpuUsage()
    const r = computeReport({ period, calls: callArray, telephony: telArray })
    const reportMs = ms(t0)
    const reportCpuMs = cpuMs(cpu0)
    return {
      phase,
      figures: {
        calls: callArray.length,
        telephony: telArray.length,
        generateMs,
        reportMs,
        reportCpuMs,
        ...summary(r),
      },
      peakRssMb: mb(),
    }
  }
  // Generation alone, then generation + report; both streamed through one generator each.
  let t0 = performance.now()
  let cpu0 = process.cpuUsage()
  let count = 0
  for (const p of generate(N_CALLS, start, end)) if (p.call.id) count++
  const generateMs = ms(t0)
  const generateCpuMs = cpuMs(cpu0)
  t0 = performance.now()
  cpu0 = process.cpuUsage()
  // Two generator passes (calls, then PBX records), each streamed into computeReport as it comes.
  const r = computeReport({
    period,
    calls: (function* () {
      for (const p of generate(N_CALLS, start, end)) yield p.call
    })(),
    telephony: (function* () {
      for (const p of generate(N_CALLS, start, end)) yield p.tel
    })(),
  })
  const totalMs = ms(t0)
  const totalCpuMs = cpuMs(cpu0)
  return {
    phase,
    figures: {
      calls: count,
      telephony: count,
      generateMs,
      totalMs,
      reportMs: totalMs - 2 * generateMs,
      reportCpuMs: totalCpuMs - 2 * generateCpuMs,
      ...summary(r),
    },
    peakRssMb: mb(),
  }
}

function summary(r: ReturnType<typeof computeReport>) {
  return {
    offered: r.offered ?? 0,
    answerRate: (r.answerRate ?? 0).toFixed(4),
    fcr: (r.firstContactResolutionRate ?? 0).toFixed(4),
    repeatDisqualified: r.meta.details.repeatDisqualified,
    topics: r.byTopic.length,
    faqs: r.faqUsage.length,
  }
}

async function csvPhase(): Promise<PhaseResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-bench-'))
  const file = path.join(dir, 'cdr.csv')
  let t0 = performance.now()
  const out = fs.createWriteStream(file)
  const write = (s: string) =>
    out.write(s) ? Promise.resolve() : new Promise<void>((res) => out.once('drain', () => res()))
  await write('通話ID,キュー,着信日時,応答日時,放棄日時,終話日時,オペレーターID,後処理終了日時,備考\n')
  const pad = (n: number) => String(n).padStart(2, '0')
  const fmt = (msUtc: number) => {
    const d = new Date(msUtc + 9 * HOUR)
    return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  }
  let chunk = ''
  let i = 0
  for (const { tel } of generate(N_ROWS, jstMidnight(2026, 4, 1), jstMidnight(2027, 4, 1))) {
    const t = (s: string | null) => (s ? fmt(Date.parse(s)) : '')
    chunk += `${tel.callId},マイナンバー,${t(tel.offeredAt)},${t(tel.answeredAt)},${t(tel.abandonedAt)},${t(tel.endedAt)},${tel.agent ?? ''},${t(tel.wrapUpEndedAt)},\n`
    if (++i % 2000 === 0) {
      await write(chunk)
      chunk = ''
    }
  }
  await write(chunk)
  await new Promise<void>((res) => out.end(() => res()))
  const writeMs = ms(t0)
  const bytes = fs.statSync(file).size
  const mapping = {
    columns: {
      callId: '通話ID',
      queue: 'キュー',
      offeredAt: '着信日時',
      answeredAt: '応答日時',
      abandonedAt: '放棄日時',
      endedAt: '終話日時',
      agent: 'オペレーターID',
      wrapUpEndedAt: '後処理終了日時',
    },
    timestamps: { format: 'yyyy/MM/dd HH:mm:ss', timeZone: 'Asia/Tokyo' },
  }
  t0 = performance.now()
  const v = await validateTelephonyCsv(fs.createReadStream(file, { highWaterMark: 1 << 20 }), mapping)
  const validateMs = ms(t0)
  const rssAfterValidate = mb()
  t0 = performance.now()
  let imported = 0
  const r = await importTelephonyCsv(
    () => fs.createReadStream(file, { highWaterMark: 1 << 20 }),
    mapping,
    (batch) => {
      imported += batch.length
    },
  )
  const importMs = ms(t0)
  t0 = performance.now()
  const one = await importTelephonyCsv(
    () => fs.createReadStream(file, { highWaterMark: 1 << 20 }),
    mapping,
    () => {},
    { validateFirst: false },
  )
  const importOnePassMs = ms(t0)
  if (!args.includes('--keep-csv')) fs.rmSync(dir, { recursive: true, force: true })
  return {
    phase: 'csv',
    figures: {
      rows: N_ROWS,
      megabytes: Math.round(bytes / 1e5) / 10,
      writeMs,
      validateMs,
      validateOk: String(v.ok),
      rssAfterValidateMb: rssAfterValidate,
      importTwoPassMs: importMs,
      imported,
      importOk: String(r.ok),
      importOnePassMs,
      onePassOk: String(one.ok),
    },
    peakRssMb: mb(),
  }
}

async function main() {
  const phaseAt = args.indexOf('--phase')
  if (phaseAt >= 0) {
    const phase = args[phaseAt + 1]
    const result = phase === 'csv' ? await csvPhase() : reportPhase(phase as 'month' | 'year')
    process.stdout.write(`${JSON.stringify(result)}\n`)
    return
  }
  console.log(
    `reports bench: ${N_CALLS.toLocaleString()} calls + ${N_CALLS.toLocaleString()} telephony records per report, ${N_ROWS.toLocaleString()} CSV rows; seed ${SEED}; ${ARRAYS ? 'arrays' : 'streamed from generators'}; node ${process.version}, ${os.cpus().length} CPUs`,
  )
  const self = fileURLToPath(import.meta.url)
  for (const phase of ['month', 'year', 'csv']) {
    const child = spawnSync(
      process.execPath,
      [...process.execArgv, '--expose-gc', self, ...args, '--phase', phase],
      { encoding: 'utf8', maxBuffer: 1 << 20 },
    )
    if (child.status !== 0) {
      console.error(child.stderr)
      process.exitCode = 1
      continue
    }
    const r = JSON.parse(child.stdout.trim().split('\n').pop()!) as PhaseResult
    console.log(
      `${r.phase.padEnd(6)} peak RSS ${String(r.peakRssMb).padStart(5)} MB  ${Object.entries(r.figures)
        .map(([k, v]) => `${k}=${v}`)
        .join('  ')}`,
    )
  }
}

await main()
