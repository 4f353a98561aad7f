/**
 * `npm run bench:pii`: precision, recall and F1 of the masker per kind and overall on the
 * hand-labelled tuning set (test/pii-tuning-1.jsonl), span-level, counted two ways:
 *  - exact: a finding is right when its kind and its exact text match an expected span;
 *  - overlap: a finding is right when it overlaps an expected span of the same kind.
 * A kind the set never labels (secret and cardNumber are newer than the sets) shows how many
 * findings it made there instead of P/R; those findings still count as false alarms overall.
 * Then throughput, and the p95 time to mask a 200-character summary (the desk needs ≤ 1 ms).
 * `--errors` lists every miss and every false alarm; `--corpus FILE` scores another JSONL file
 * (e.g. tuning set 2, test/pii-tuning-2.jsonl).
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { findPii, maskPii, PII_KINDS, type PiiKind } from '../src/pii'

export type CorpusRow = { text: string; expected: { kind: PiiKind; value: string }[] }
export type Counts = { tp: number; fp: number; fn: number }
export type Score = { exact: Record<PiiKind, Counts>; overlap: Record<PiiKind, Counts>; errors: string[] }

export function loadCorpus(file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../test/pii-tuning-1.jsonl')): CorpusRow[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as CorpusRow)
}

type Span = { kind: PiiKind; start: number; end: number }

/** Expected values located in the text, each occurrence used once, left to right. */
function locate(row: CorpusRow): Span[] {
  const used: Span[] = []
  for (const e of row.expected) {
    let from = 0
    for (;;) {
      const at = row.text.indexOf(e.value, from)
      if (at < 0) throw new Error(`corpus: "${e.value}" not in "${row.text}"`)
      const span = { kind: e.kind, start: at, end: at + e.value.length }
      if (!used.some((u) => u.start === span.start && u.end === span.end)) {
        used.push(span)
        break
      }
      from = at + 1
    }
  }
  return used
}

const zero = () => Object.fromEntries(PII_KINDS.map((k) => [k, { tp: 0, fp: 0, fn: 0 }])) as Record<PiiKind, Counts>

export function score(corpus: CorpusRow[]): Score {
  const exact = zero()
  const overlap = zero()
  const errors: string[] = []
  for (const row of corpus) {
    const found = findPii(row.text)
    const expected = locate(row)
    const show = (s: Span) => `${s.kind}「${row.text.slice(s.start, s.end)}」`
    for (const [counts, same] of [
      [exact, (a: Span, b: Span) => a.start === b.start && a.end === b.end],
      [overlap, (a: Span, b: Span) => a.start < b.end && b.start < a.end],
    ] as const) {
      const open = [...expected]
      for (const f of found) {
        const i = open.findIndex((e) => e.kind === f.kind && same(e, f))
        if (i >= 0) {
          counts[f.kind].tp++
          open.splice(i, 1)
        } else {
          counts[f.kind].fp++
          if (counts === exact) errors.push(`false alarm ${show(f)} in: ${row.text}`)
        }
      }
      for (const e of open) {
        counts[e.kind].fn++
        if (counts === exact) errors.push(`missed      ${show(e)} in: ${row.text}`)
      }
    }
  }
  return { exact, overlap, errors }
}

export const total = (per: Record<PiiKind, Counts>): Counts =>
  Object.values(per).reduce((a, s) => ({ tp: a.tp + s.tp, fp: a.fp + s.fp, fn: a.fn + s.fn }), { tp: 0, fp: 0, fn: 0 })
export const prf = (c: Counts) => {
  const p = c.tp / (c.tp + c.fp)
  const r = c.tp / (c.tp + c.fn)
  return { precision: p, recall: r, f1: (2 * p * r) / (p + r) }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const here = path.dirname(fileURLToPath(import.meta.url))
  const file = process.argv[process.argv.indexOf('--corpus') + 1]
  const rows = process.argv.includes('--corpus') && file ? loadCorpus(path.resolve(file)) : loadCorpus()
  const s = score(rows)
  const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '  —  ')
  const line = (label: string, e: Counts, o: Counts) => {
    const a = prf(e)
    const b = prf(o)
    const n = e.tp + e.fn
    return `${label.padEnd(11)} ${String(n).padStart(5)}   ${fmt(a.precision)} ${fmt(a.recall)} ${fmt(a.f1)}   ${fmt(b.precision)} ${fmt(b.recall)} ${fmt(b.f1)}`
  }
  const describe = (r: CorpusRow[]) =>
    `${r.length} snippets, ${r.reduce((n, x) => n + x.expected.length, 0)} expected spans, ${r.filter((x) => x.expected.length === 0).length} with nothing to mask`
  console.log(`PII masker on ${path.basename(file && process.argv.includes('--corpus') ? file : 'pii-tuning-1.jsonl')}: ${describe(rows)}`)
  console.log(`${''.padEnd(11)} ${'spans'.padStart(5)}   ${'exact P / R / F1'.padEnd(17)}   overlap P / R / F1`)
  const labelled = new Set(rows.flatMap((r) => r.expected.map((e) => e.kind)))
  for (const k of PII_KINDS)
    console.log(labelled.has(k) ? line(k, s.exact[k], s.overlap[k]) : `${k.padEnd(11)} ${'0'.padStart(5)}   not labelled in this set; ${s.exact[k].fp} finding(s)`)
  console.log(line('overall', total(s.exact), total(s.overlap)))
  if (process.argv.includes('--errors')) for (const e of s.errors) console.log(e)
  if (!process.argv.includes('--corpus')) {
    console.log('\ntuning sets written after the masker, then tuned on (see README for their scores before tuning):')
    for (const later of ['pii-tuning-2.jsonl', 'pii-tuning-3.jsonl']) {
      const r = loadCorpus(path.join(here, '../test', later))
      const t = score(r)
      console.log(`${line('overall', total(t.exact), total(t.overlap))}   ${later}: ${describe(r)}`)
    }
  }
  const n = 20_000
  const t0 = performance.now()
  for (let i = 0; i < n; i++) findPii(rows[i % rows.length]!.text)
  const secs = (performance.now() - t0) / 1000
  const chars = rows.reduce((a, r) => a + r.text.length, 0) / rows.length
  console.log(`\nthroughput: ${Math.round(n / secs).toLocaleString('en')} snippets/s (${n.toLocaleString('en')} snippets of ${chars.toFixed(0)} characters on average, one core)`)

  // Call summaries of 200 characters: corpus snippets joined in a shifting order, then cut.
  const summaries = Array.from({ length: 2_000 }, (_, i) => {
    let t = ''
    for (let j = i; t.length < 200; j += 7) t += `${rows[j % rows.length]!.text}。`
    return t.slice(0, 200)
  })
  for (const t of summaries) maskPii(t) // warm up
  const times = summaries.map((t) => {
    const a = performance.now()
    maskPii(t)
    return performance.now() - a
  })
  times.sort((a, b) => a - b)
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(3)
  console.log(`maskPii on a 200-character summary: p50 ${q(0.5)} ms, p95 ${q(0.95)} ms, p99 ${q(0.99)} ms (${times.length.toLocaleString('en')} summaries, one core)`)
}
