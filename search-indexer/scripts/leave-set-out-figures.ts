/**
 * Leave-set-out figures on all of the tuning data (tuning-sets.ts: both halves of the sets already
 * read, a held-out round's dev half only): each set ranked on an index whose asked-before channel
 * was learned without it, as the ranking floor test and `train:ranker` do. Prints P@1 / success@3
 * (counts and shares) in total and per set; `--misses <file>` writes every question whose first
 * answer is wrong, with its top five, as JSONL (for classing misses).
 *
 *   npx tsx search-indexer/scripts/leave-set-out-figures.ts [--ranking desk|site] [--misses out.jsonl]
 */
import fs from 'node:fs'
import { parseArgs } from 'node:util'

import { leaveSetOut } from '../src/cli/leave-set-out'
import { rankedIds } from '../src/eval/ranked-ids'

const { values } = parseArgs({
  options: {
    ranking: { type: 'string', default: 'desk' },
    misses: { type: 'string' },
  },
})
const ranking = values.ranking === 'site' ? 'site' : 'desk'
const t0 = process.cpuUsage()
const { content, sets } = await leaveSetOut({}, ranking)
const rank = rankedIds(content, ranking)

let total = 0
let p1 = 0
let s3 = 0
const misses: string[] = []
const rows: string[] = []
for (const set of sets) {
  let sp1 = 0
  let ss3 = 0
  for (const q of set.questions) {
    const ranked = rank(set.index, q.query)
    const at = ranked.findIndex((id) => q.relevant.includes(id))
    if (at === 0) sp1++
    if (at >= 0 && at < 3) ss3++
    if (at !== 0)
      misses.push(
        JSON.stringify({
          set: set.file,
          id: q.id,
          style: q.style,
          query: q.query,
          relevant: q.relevant,
          rank: at < 0 ? null : at + 1,
          got: ranked.slice(0, 5),
        }),
      )
  }
  total += set.questions.length
  p1 += sp1
  s3 += ss3
  const n = set.questions.length
  rows.push(
    `${set.file.padEnd(20)} ${String(n).padStart(5)}  ${(sp1 / n).toFixed(3)} / ${(ss3 / n).toFixed(3)}`,
  )
}
const cpu = process.cpuUsage(t0)
console.log(
  `${ranking}, leave-set-out, ${total} tuning questions: P@1 / S@3 ${(p1 / total).toFixed(3)} / ${(s3 / total).toFixed(3)} (${p1} / ${s3}); ${((cpu.user + cpu.system) / 1e6).toFixed(0)} s CPU`,
)
for (const r of rows) console.log(r)
if (values.misses) fs.writeFileSync(values.misses, `${misses.join('\n')}\n`)
