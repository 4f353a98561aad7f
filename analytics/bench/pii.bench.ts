/**
 * `npm run bench:pii`: precision, recall and F1 of the masker per kind and overall on the
 * hand-labelled corpus (test/pii-corpus.jsonl), plus throughput. A finding counts as correct when
 * its kind and exact text match an expected one.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { findPii, PII_KINDS, type PiiKind } from '../src/pii'

type Row = { text: string; expected: { kind: PiiKind; value: string }[] }
const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../test/pii-corpus.jsonl')
const rows = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Row)

export function score(corpus: Row[]) {
  const per = Object.fromEntries(PII_KINDS.map((k) => [k, { tp: 0, fp: 0, fn: 0 }])) as Record<PiiKind, { tp: number; fp: number; fn: number }>
  for (const row of corpus) {
    const found = findPii(row.text).map((f) => ({ kind: f.kind, value: row.text.slice(f.start, f.end) }))
    const expected = [...row.expected]
    for (const f of found) {
      const i = expected.findIndex((e) => e.kind === f.kind && e.value === f.value)
      if (i >= 0) {
        per[f.kind].tp++
        expected.splice(i, 1)
      } else per[f.kind].fp++
    }
    for (const e of expected) per[e.kind].fn++
  }
  return per
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const per = score(rows)
  const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '—')
  let tp = 0, fp = 0, fn = 0
  console.log(`PII masker on ${rows.length} snippets (${rows.reduce((n, r) => n + r.expected.length, 0)} expected spans)`)
  console.log('kind        precision  recall  F1')
  for (const k of PII_KINDS) {
    const s = per[k]
    tp += s.tp; fp += s.fp; fn += s.fn
    const p = s.tp / (s.tp + s.fp), r = s.tp / (s.tp + s.fn)
    console.log(`${k.padEnd(11)} ${fmt(p).padStart(9)}  ${fmt(r).padStart(6)}  ${fmt((2 * p * r) / (p + r))}`)
  }
  const p = tp / (tp + fp), r = tp / (tp + fn)
  console.log(`${'overall'.padEnd(11)} ${fmt(p).padStart(9)}  ${fmt(r).padStart(6)}  ${fmt((2 * p * r) / (p + r))}`)
  const n = 20_000
  const t0 = performance.now()
  for (let i = 0; i < n; i++) findPii(rows[i % rows.length]!.text)
  console.log(`throughput: ${Math.round(n / ((performance.now() - t0) / 1000))} snippets/s (${n} masked)`)
}
