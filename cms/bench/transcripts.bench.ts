/**
 * `npm run bench:transcripts [-- --calls 1000,10000 --db sqlite,postgres]`
 *
 * `npm run import:transcripts`'s code path on generated calls of about 3 minutes each (the seeded
 * generator of the suggestions' eval, search-indexer/src/transcripts/generate.ts: greetings, the
 * caller's questions, short answers read out, small talk; ~39 turns a call), one file per call in
 * turn WebVTT, Whisper-style JSON and SRT, named by call id; the PBX records of those call ids are
 * seeded first (untimed), so every id is known. Imported twice: the first pass inserts every
 * transcript, the second finds nothing to change. Each database and size runs in its own process:
 * compare the peak RSS across sizes to see that memory does not grow with the number of files.
 * Transcripts and PBX records of earlier runs are deleted first, untimed.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { loadContent } from '@kotae/content'
import { parseGoldenJsonl } from '@kotae/search-indexer/eval/golden'
import { generateCalls } from '@kotae/search-indexer/transcripts/generate'
import pg from 'pg'

import { ensurePostgresServer, TEST_PG_BASE } from '../test/setup/postgresServer'

const args = process.argv.slice(2)
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`)
  return i >= 0 ? args[i + 1]! : fallback
}
const SIZES = arg('calls', '1000,10000').split(',').map(Number)
const DBS = arg('db', 'sqlite,postgres').split(',')
const PG_DB = 'kotae_bench_transcripts'
const child = arg('child', '')
const self = fileURLToPath(import.meta.url)
const EVAL_DIR = path.resolve(path.dirname(self), '../../tests/eval')

const mb = () => Math.round(process.resourceUsage().maxRSS / 1024)
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')
const cue = (s: number) => new Date(s * 1000).toISOString().slice(11, 23)

/** The folder of `calls` generated transcripts (kept in the temp dir between runs). */
async function folder(calls: number): Promise<{ dir: string; ids: string[]; bytes: number; turns: number }> {
  const dir = path.join(os.tmpdir(), 'kotae-bench-transcripts', `calls-${calls}`)
  const content = await loadContent()
  const faqs = content.faqs.filter((f) => !f.translationOf)
  const questions = ['golden.jsonl', 'colloquial.jsonl'].flatMap((f) =>
    parseGoldenJsonl(fs.readFileSync(path.join(EVAL_DIR, f), 'utf8'), f),
  )
  const generated = generateCalls({ faqs, questions, seed: 7, count: calls })
  const ready = fs.existsSync(path.join(dir, '.done'))
  if (!ready) fs.mkdirSync(dir, { recursive: true })
  let bytes = 0
  let turns = 0
  generated.forEach((c, i) => {
    turns += c.turns.length
    const label = (s: string) => (s === 'operator' ? 'オペレーター' : 'お客様')
    const [name, text] =
      i % 3 === 0
        ? [
            `${c.id}.vtt`,
            `WEBVTT\n\n${c.turns.map((t) => `${cue(t.start)} --> ${cue(t.end)}\n<v ${label(t.speaker)}>${t.text}\n`).join('\n')}`,
          ]
        : i % 3 === 1
          ? [
              `${c.id}.json`,
              JSON.stringify({
                segments: c.turns.map((t) => ({
                  start: t.start,
                  end: t.end,
                  text: t.text,
                  speaker: t.speaker === 'operator' ? 'agent' : 'customer',
                })),
              }),
            ]
          : [
              `${c.id}.srt`,
              c.turns
                .map(
                  (t, k) =>
                    `${k + 1}\n${cue(t.start).replace('.', ',')} --> ${cue(t.end).replace('.', ',')}\n${label(t.speaker)}: ${t.text}\n`,
                )
                .join('\n'),
            ]
    if (!ready) fs.writeFileSync(path.join(dir, name), text)
    bytes += Buffer.byteLength(text)
  })
  if (!ready) fs.writeFileSync(path.join(dir, '.done'), '')
  return { dir, ids: generated.map((c) => c.id), bytes, turns }
}

async function runChild(): Promise<void> {
  const calls = Number(arg('size', '0'))
  // Written by the parent (folder()): the child's memory is the import's, not the generator's.
  const dir = arg('dir', '')
  const names = fs.readdirSync(dir).filter((n) => !n.startsWith('.'))
  const data = {
    dir,
    ids: names.map((n) => n.replace(/\.[^.]+$/, '')),
    bytes: names.reduce((s, n) => s + fs.statSync(path.join(dir, n)).size, 0),
    turns: Number(arg('turns', '0')),
  }
  const [{ getMigratedPayload }, { sqlOf }, { importTranscripts, transcriptFilesIn }] = await Promise.all([
    import('../src/lib/payload'),
    import('../src/db/sql'),
    import('../src/transcripts/import'),
  ])
  const payload = await getMigratedPayload()
  const sql = sqlOf(payload)
  await sql.run('DELETE FROM transcripts')
  await sql.run(`DELETE FROM telephony_records WHERE imported_from = 'bench-transcripts'`)
  const now = new Date().toISOString()
  const ts = sql.dialect === 'postgres' ? '?::timestamptz' : '?'
  for (let i = 0; i < data.ids.length; i += 500) {
    const chunk = data.ids.slice(i, i + 500)
    await sql.run(
      `INSERT INTO telephony_records (pbx_call_id, queue, offered_at, imported_from, updated_at, created_at) VALUES ${chunk.map(() => `(?, 'q', ${ts}, 'bench-transcripts', ${ts}, ${ts})`).join(', ')}`,
      chunk.flatMap((id) => [id, now, now, now]),
    )
  }
  if (child === 'postgres') await sql.query('VACUUM ANALYZE transcripts')
  const files = transcriptFilesIn(data.dir)
  const out: Record<string, unknown> = {
    db: child,
    calls,
    files: files.length,
    turns: data.turns,
    megabytes: Math.round(data.bytes / 1e6),
    rssAfterInitMb: mb(),
  }
  for (const pass of ['first', 'again']) {
    const before = load()
    const t = performance.now()
    const cpu = process.cpuUsage()
    const r = await importTranscripts(payload, { files })
    const used = process.cpuUsage(cpu)
    out[pass] = {
      heapUsedMb: Math.round(process.memoryUsage().heapUsed / 2 ** 20),
      seconds: ((performance.now() - t) / 1000).toFixed(2),
      // This process only: on a shared machine the fairer figure (PostgreSQL's own work is not in it).
      cpuSeconds: ((used.user + used.system) / 1e6).toFixed(2),
      ...(r.ok
        ? {
            transcripts: r.transcripts,
            segments: r.segments,
            inserted: r.inserted,
            updated: r.updated,
            unchanged: r.unchanged,
            steps: r.seconds,
          }
        : { errors: r.errors.length, first: r.errors.slice(0, 3) }),
      peakRssMb: mb(),
      load: `${before} → ${load()}`,
    }
  }
  console.log(`RESULT ${JSON.stringify(out)}`)
  await payload.destroy()
  process.exit(0)
}

async function main(): Promise<void> {
  console.log(`bench:transcripts on ${os.cpus().length} cores, load average ${load()}`)
  for (const db of DBS) {
    const env: Record<string, string> = {
      ...(process.env as Record<string, string>),
      KOTAE_DISABLE_JOBS: '1',
      PAYLOAD_SECRET: 'kotae-bench-secret-0123456789',
      NODE_ENV: 'production',
    }
    let tmp: string | null = null
    if (db === 'postgres') {
      ensurePostgresServer()
      const admin = new pg.Client({ connectionString: `${TEST_PG_BASE}/postgres` })
      await admin.connect()
      const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [PG_DB])
      if (!exists.rowCount) await admin.query(`CREATE DATABASE ${PG_DB}`)
      await admin.end()
      env.DATABASE_URL = `${TEST_PG_BASE}/${PG_DB}`
    } else {
      env.DATABASE_URL = ''
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-bench-transcripts-db-'))
      env.KOTAE_SQLITE_PATH = path.join(tmp, 'bench.db')
    }
    for (const size of SIZES) {
      const data = await folder(size)
      const r = spawnSync(
        process.execPath,
        [
          '--conditions=production',
          '--import',
          'tsx',
          self,
          '--child',
          db,
          '--size',
          String(size),
          '--dir',
          data.dir,
          '--turns',
          String(data.turns),
        ],
        {
          env: env as NodeJS.ProcessEnv,
          encoding: 'utf8',
          maxBuffer: 1 << 26,
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      )
      const line = r.stdout.split('\n').find((l) => l.startsWith('RESULT '))
      if (!line) {
        console.error(`${db} ${size}: failed (exit ${r.status})\n${r.stdout.slice(-2000)}`)
        continue
      }
      console.log(JSON.stringify(JSON.parse(line.slice(7))))
    }
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true })
  }
}

if (child) await runChild()
else await main()
