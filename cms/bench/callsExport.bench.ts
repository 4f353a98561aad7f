/**
 * `npm run bench:calls-export [-- --calls 100000 --db sqlite,postgres]`
 *
 * The inquiry-log export (docs/calls-export.md) of about N logged calls in October 2026 (the reports'
 * seeded data, N / 0.9 offered as 10 % are abandoned without a log, src/seed/syntheticCalls.ts, with a 160-character summary and two search words each),
 * as CSV (UTF-8 and Shift_JIS) and XLSX, through the same code as `npm run export:calls`.
 * Printed: wall time, file size, and peak RSS of the exporting process beside its RSS once Payload
 * was up, so what the export itself holds is visible. Each step runs in a child process of its own
 * (fresh SQLite file; PostgreSQL database kotae_bench_calls_export, recreated). Default: SQLite only.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { seedCallReferences } from './support/callReferences'
import { endChild, runBenchChild } from './support/child'
import { arg, measure, peakRssMb as mb } from './support/cli'
import { benchDatabase } from './support/database'

const CALLS = Number(arg('calls', '100000'))
const DBS = arg('db', 'sqlite').split(',')
const step = arg('step', '')
const PG_DB = 'kotae_bench_calls_export'
const self = fileURLToPath(import.meta.url)
const SUMMARY =
  '電子証明書の有効期限が近いとの通知が届いたため、更新の手続きについて問い合わせ。必要な持ち物（マイナンバーカード、暗証番号）と受付時間、予約の要否を案内した。'
    .repeat(2)
    .slice(0, 160)

async function seed(): Promise<void> {
  const [{ monthRange }, { getMigratedPayload }, { sqlOf }, { insertSynthetic }] = await Promise.all([
    import('@kotae/analytics'),
    import('../src/lib/payload'),
    import('../src/db/sql'),
    import('../src/seed/syntheticCalls'),
  ])
  const payload = await getMigratedPayload()
  const sql = sqlOf(payload)
  const references = await seedCallReferences(payload, sql, 1)
  const oct = monthRange(2026, 10)
  const t = performance.now()
  const counts = await insertSynthetic(sql, {
    start: oct.start,
    end: oct.end,
    calls: Math.ceil(CALLS / 0.9),
    seed: 20261001,
    ...references,
  })
  await sql.run('UPDATE calls SET summary = ?', [SUMMARY])
  for (const [order, text] of [
    [1, '更新 通知 届いた'],
    [2, '電子証明書 更新 予約'],
  ] as const) {
    await sql.run(
      `INSERT INTO calls_texts ("order", parent_id, path, text) SELECT ?, id, 'queries', ? FROM calls`,
      [order, text],
    )
  }
  if (sql.dialect === 'postgres') await sql.query('ANALYZE')
  await endChild({ seeded: counts.calls, seconds: ((performance.now() - t) / 1000).toFixed(1) }, payload)
}

async function exportOnce(format: 'csv' | 'xlsx', encoding: 'utf8' | 'shift_jis'): Promise<void> {
  const [
    { monthRange },
    { getMigratedPayload },
    { sqlOf },
    { countCalls, readCallPages },
    { writeCallsExport },
  ] = await Promise.all([
    import('@kotae/analytics'),
    import('../src/lib/payload'),
    import('../src/db/sql'),
    import('../src/callsExport/read'),
    import('../src/callsExport/write'),
  ])
  const payload = await getMigratedPayload()
  const sql = sqlOf(payload)
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-bench-export-')), `calls.${format}`)
  const baseRss = mb()
  const range = monthRange(2026, 10)
  // The reading alone first (SQL pages into rows), then the whole export; CPU beside wall time,
  // since other work on the machine stretches wall time (the load average says how much).
  const { value: read, ...readTime } = await measure(async () => {
    let rows = 0
    for await (const page of readCallPages(sql, range)) rows += page.length
    return rows
  })
  const { value: exported, ...time } = await measure(async () => ({
    total: await countCalls(sql, range),
    result: await writeCallsExport(readCallPages(sql, range), format, encoding, fs.createWriteStream(file)),
  }))
  const out = {
    format,
    encoding: format === 'csv' ? encoding : undefined,
    calls: exported.total,
    rows: exported.result.rows,
    ...time,
    readOnly: { rows: read, ...readTime },
    mb: (fs.statSync(file).size / 1e6).toFixed(1),
    rssAfterInitMb: baseRss,
    peakRssMb: mb(),
  }
  fs.rmSync(path.dirname(file), { recursive: true, force: true })
  await endChild(out, payload)
}

function run(env: NodeJS.ProcessEnv, stepArgs: string[]): Record<string, unknown> {
  const result = runBenchChild(
    self,
    [...stepArgs, '--calls', String(CALLS)],
    env,
    `bench step ${stepArgs.join(' ')}`,
  )
  if (!result) throw new Error(`bench step ${stepArgs.join(' ')} failed`)
  return result
}

async function main(): Promise<void> {
  for (const db of DBS) {
    const { env, cleanup } = await benchDatabase(db, {
      pgDb: PG_DB,
      fresh: true,
      tmpPrefix: 'kotae-bench-calls-',
    })
    try {
      console.log(`${db}: seed ${JSON.stringify(run(env, ['--step', 'seed']))}`)
      for (const [format, encoding] of [
        ['csv', 'utf8'],
        ['csv', 'shift_jis'],
        ['xlsx', 'utf8'],
      ] as const) {
        console.log(
          `${db}: export ${JSON.stringify(run(env, ['--step', 'export', '--format', format, '--encoding', encoding]))}`,
        )
      }
    } finally {
      cleanup()
    }
  }
}

if (step === 'seed') void seed()
else if (step === 'export')
  void exportOnce(arg('format', 'csv') as 'csv' | 'xlsx', arg('encoding', 'utf8') as 'utf8' | 'shift_jis')
else
  main().catch((e) => {
    console.error(e)
    process.exit(1)
  })
