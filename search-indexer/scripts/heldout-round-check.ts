// Checks a new held-out round of question sets WITHOUT the engine, for its writer before the commit:
//   npx tsx search-indexer/scripts/heldout-round-check.ts 8
// reads tests/eval/colloquialN.jsonl and offtopicN.jsonl, prints lines per style and per split, and each
// line's highest character-bigram Dice against every line of the earlier sets (golden, colloquial…,
// offtopic…) and against the other lines of this round, so a new round can show it does not reuse
// their phrasings. Plain JSON reading on purpose: it imports nothing from src (the writer stays blind
// to the ranking code) and exits 1 when a line reaches the threshold (default 0.60).
import fs from 'node:fs'
import path from 'node:path'
import { bigrams, dice } from '@kotae/content/bigramDice'

const round = Number(process.argv[2])
if (!Number.isInteger(round) || round < 2) throw new Error('usage: heldout-round-check.ts <round number ≥ 2>')
const maxDice = Number(process.argv[3] ?? '0.6')
const dir = path.resolve(import.meta.dirname, '../../tests/eval')

interface Line {
  id: string
  split: string
  style: string
  query: string
  relevant: string[]
}
const read = (name: string): Line[] =>
  fs
    .readFileSync(path.join(dir, name), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      try {
        return JSON.parse(l) as Line
      } catch (e) {
        throw new Error(`${name}:${i + 1}: not JSON (${(e as Error).message})`)
      }
    })

const own = [`colloquial${round}.jsonl`, `offtopic${round}.jsonl`]
const roundOf = (f: string) => Number(/^(?:colloquial|offtopic)(\d*)\.jsonl$/.exec(f)?.[1] || '1')
const earlierFiles = fs
  .readdirSync(dir)
  .filter((f) => f === 'golden.jsonl' || (/^(colloquial|offtopic)\d*\.jsonl$/.test(f) && roundOf(f) < round))
const lines = own.flatMap((f) => read(f).map((l) => ({ ...l, file: f })))

for (const f of own) {
  const ls = lines.filter((l) => l.file === f)
  const styles = [...new Set(ls.map((l) => l.style))]
  console.log(`${f}: ${ls.length} (dev ${ls.filter((l) => l.split === 'dev').length})`)
  for (const s of styles) {
    const of = ls.filter((l) => l.style === s)
    console.log(`  ${s}: ${of.length} (dev ${of.filter((l) => l.split === 'dev').length})`)
  }
}

const earlier = earlierFiles.flatMap((f) => read(f).map((l) => ({ text: l.query, grams: bigrams(l.query) })))
const mine = lines.map((l) => ({ id: l.id, text: l.query, grams: bigrams(l.query) }))
const nearest = mine
  .map((m) => {
    let best = { score: 0, like: '' }
    for (const e of earlier) {
      const score = dice(m.grams, e.grams)
      if (score > best.score) best = { score, like: e.text }
    }
    return { id: m.id, line: m.text, ...best }
  })
  .sort((a, b) => b.score - a.score)
console.log(
  `Dice against ${earlier.length} lines of ${earlierFiles.length} earlier sets: max ${nearest[0]?.score.toFixed(3)}`,
)
for (const n of nearest.filter((n, i) => i < 3 || n.score >= maxDice))
  console.log(`  ${n.score.toFixed(3)} ${n.id} ${n.line}\n        ~ ${n.like}`)
let within = { score: 0, a: '', b: '' }
for (const [i, a] of mine.entries())
  for (const b of mine.slice(i + 1)) {
    const score = dice(a.grams, b.grams)
    if (score > within.score) within = { score, a: a.text, b: b.text }
  }
console.log(`Dice within the round: max ${within.score.toFixed(3)}\n  ${within.a}\n  ~ ${within.b}`)
process.exitCode = (nearest[0]?.score ?? 0) >= maxDice ? 1 : 0
