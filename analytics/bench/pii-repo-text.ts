/**
 * `npm run bench:pii-repo-text`: what the masker finds in the repository's own prose (docs/ and every
 * tracked *.md outside content/ and this package's README, whose examples are personal on purpose):
 * text nobody labelled, with nothing personal in it, so every finding there is a false alarm. Prints
 * the findings of the rules alone and of rules + tagger, and lists what the tagger adds (`--all`: every
 * one, else the first 40). content/ is left out: the tagger learns from it (bench/pii-corpora.ts).
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { findPii } from '../src/pii'
import { KEEP } from './pii.bench'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const files = execFileSync('git', ['ls-files', 'docs', '*.md'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  .filter(
    (f) => f && !f.startsWith('content/') && f !== 'analytics/README.md' && fs.existsSync(path.join(root, f)),
  )
let lines = 0
let rules = 0
let both = 0
const added: string[] = []
const byKind: Record<string, number> = {}
for (const f of files)
  for (const line of fs.readFileSync(path.join(root, f), 'utf8').split('\n')) {
    if (!line.trim()) continue
    lines++
    const r = findPii(line, { ...KEEP, tagger: null })
    const b = findPii(line, KEEP)
    rules += r.length
    both += b.length
    for (const x of b)
      if (!r.some((y) => y.start === x.start && y.end === x.end)) {
        byKind[x.kind] = (byKind[x.kind] ?? 0) + 1
        added.push(
          `${x.kind}「${line.slice(x.start, x.end)}」 ${f}: …${line.slice(Math.max(0, x.start - 20), x.end + 10)}…`,
        )
      }
  }
console.log(
  `${files.length} files, ${lines} lines: rules alone ${rules} findings, rules + tagger ${both}; the tagger adds ${added.length} (${Object.entries(
    byKind,
  )
    .map(([k, n]) => `${k} ${n}`)
    .join(', ')})`,
)
for (const a of process.argv.includes('--all') ? added : added.slice(0, 40)) console.log(`  ${a}`)
