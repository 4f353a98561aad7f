// Checks a new fresh masking corpus WITHOUT the masker, for its writer before the commit:
//   npx tsx analytics/scripts/fresh-corpus-check.ts analytics/test/pii-fresh6
// reads <prefix>.dev.jsonl and <prefix>.test.jsonl through test/freshCorpusFormat.ts (format, labels,
// the sha256 split), prints lines and spans per kind per half, lines with nothing to mask, English
// lines, and each line's highest character-bigram Dice against every line of the other corpora in the
// same folder (pii-fresh*, pii-tuning-*), so a new corpus can show it does not reuse their sentence
// frames. It imports nothing from src/pii: a corpus stays unscored until its one planned run.
import fs from 'node:fs'
import path from 'node:path'

import { KINDS, labelSpans, readCorpus, type Row, splitOf } from '../test/freshCorpusFormat'
import { bigrams, dice } from '@kotae/content/bigramDice'

const prefix = process.argv[2]
if (!prefix) throw new Error('usage: fresh-corpus-check.ts <folder>/pii-freshN (without .dev.jsonl)')
const maxDice = Number(process.argv[3] ?? '0.6')
const rows = { dev: readCorpus(`${prefix}.dev.jsonl`), test: readCorpus(`${prefix}.test.jsonl`) }
for (const split of ['dev', 'test'] as const)
  for (const r of rows[split]) {
    if (splitOf(r.text) !== split) throw new Error(`${split}: belongs to the other half: ${r.text}`)
    labelSpans(r)
  }

const withKind = (rs: Row[], kind: string) => rs.filter((r) => r.expected.some((e) => e.kind === kind)).length
const spans = (rs: Row[], kind: string) => rs.flatMap((r) => r.expected).filter((e) => e.kind === kind).length
// A line is English when it has three Latin words or more and at most a quoted Japanese term (under
// 8 kana and kanji); a Japanese note with an e-mail address or a romaji password is not.
const isEnglish = (t: string) =>
  (t.replace(/\S+@\S+/g, '').match(/\b[A-Za-z]{2,}\b/g) ?? []).length >= 3 &&
  (t.match(/[\u3040-\u30ff\u4e00-\u9fff]/g) ?? []).length < 8
const both = (f: (rs: Row[]) => number) => `${f(rows.dev)} / ${f(rows.test)}`
console.log(`lines ${both((rs) => rs.length)}`)
for (const kind of KINDS)
  console.log(`  ${kind}: lines ${both((rs) => withKind(rs, kind))}, spans ${both((rs) => spans(rs, kind))}`)
console.log(`nothing to mask ${both((rs) => rs.filter((r) => r.expected.length === 0).length)}`)
console.log(`English ${both((rs) => rs.filter((r) => isEnglish(r.text)).length)}`)

const dir = path.dirname(prefix)
const own = path.basename(prefix)
const others = fs
  .readdirSync(dir)
  .filter((f) => /^pii-(fresh\d*\.(dev|test)|tuning-\d+)\.jsonl$/.test(f) && !f.startsWith(`${own}.`))
const earlier = others.flatMap((f) =>
  readCorpus(path.join(dir, f)).map((r) => ({ text: r.text, grams: bigrams(r.text) })),
)
const nearest = [...rows.dev, ...rows.test]
  .map((r) => {
    const grams = bigrams(r.text)
    let best = { score: 0, like: '' }
    for (const e of earlier) {
      const score = dice(grams, e.grams)
      if (score > best.score) best = { score, like: e.text }
    }
    return { line: r.text, ...best }
  })
  .sort((a, b) => b.score - a.score)
console.log(
  `Dice against ${earlier.length} lines of ${others.length} other corpora: max ${nearest[0]?.score.toFixed(3)}`,
)
for (const n of nearest.filter((n, i) => i < 3 || n.score >= maxDice))
  console.log(`  ${n.score.toFixed(3)}  ${n.line}\n         ~ ${n.like}`)
process.exitCode = (nearest[0]?.score ?? 0) >= maxDice ? 1 : 0
