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
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { loadContent } from '@kotae/content'
import { parseGoldenJsonl } from '@kotae/search-indexer/eval/golden'
import { generateCalls } from '@kotae/search-indexer/transcripts/generate'

import { runBenchChild, endChild } from './support/child'
import { arg, loadAverages as load, measure, peakRssMb as mb } from './support/cli'
import { benchDatabase } from './support/database'

const SIZES = arg('calls', '1000,10000').split(',').map(Number)
const DBS = arg('db', 'sqlite,postgres').split(',')
const PG_DB = 'kotae_bench_transcripts'
const child = arg('child', '')
const self = fileURLToPath(import.meta.url)
const EVAL_DIR = path.resolve(path.dirname(self), '../../tests/eval')

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
    // CPU of this process only: on a shared machine the fairer figure (PostgreSQL's own work is not in it).
    const { value: r, ...time } = await measure(() => importTranscripts(payload, { files }))
    out[pass] = {
      heapUsedMb: Math.round(process.memoryUsage().heapUsed / 2 ** 20),
      ...time,
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
    }
  }
  await endChild(out, payload)
}

async function main(): Promise<void> {
  console.log(`bench:transcripts on ${os.cpus().length} cores, load average ${load()}`)
  for (const db of DBS) {
    const { env, cleanup } = await benchDatabase(db, {
      pgDb: PG_DB,
      tmpPrefix: 'kotae-bench-transcripts-db-',
    })
    for (const size of SIZES) {
      const data = await folder(size)
      const args = ['--child', db, '--size', String(size), '--dir', data.dir, '--turns', String(data.turns)]
      const result = runBenchChild(self, args, env, `${db} ${size}`)
      if (result) console.log(JSON.stringify(result))
    }
    cleanup()
  }
}

if (child) await runChild()
else await main()
