/**
 * `npm run bench:pii-loco`: how the masker does on a corpus it was not trained on. For each labelled
 * corpus in turn (the three tuning-N sets and the four fresh corpora, both halves of each together), the
 * tagger is trained on all the others and the left-out corpus is scored per kind, exact spans: the rules
 * alone, the tagger alone, and the two together (the rules first, the tagger filling their gaps), as
 * `findPii` masks. The rules do not train, so their line is only that corpus's figure; they were written
 * from every one of these corpora, so it is a tuned figure, while the tagger's lines are left-out ones.
 * `--rules-from DIR` scores an older copy of src/pii (e.g. `git archive <commit> analytics/src/pii`) as
 * the rules instead, its findings then filled by the tagger: the rules as they stood before a corpus was
 * read, so both parts are scored on text they never saw (`--only` that corpus).
 * Every fold also trains on the knowledge base's own lines (content/, nothing personal; `--no-content`
 * leaves them out).
 * `--errors MODE` lists the misses and false alarms of one column; `--epochs N`, `--bits N`,
 * `--margins a,b,…` try settings.
 */
import path from 'node:path'

import { findPii, PII_KINDS, type MaskOptions, type PiiFinding, type PiiKind } from '../src/pii'
import { foldWidth, hidePlaceholders } from '../src/pii/fold'
import { taggerFindings, type Tagger } from '../src/pii/tagger'
import { TRAIN_DEFAULTS, trainTagger } from '../src/pii/tagger/train'
import {
  type Counts,
  type CorpusRow,
  KEEP,
  loadCorpus,
  negativesUntouched,
  prf,
  publicKept,
  score,
  total,
} from './pii.bench'
import { CORPORA, contentLines, trainingLines } from './pii-corpora'

const argv = process.argv.slice(2)
const arg = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined)
const epochs = Number(arg('--epochs') ?? TRAIN_DEFAULTS.epochs)
const hashBits = Number(arg('--bits') ?? TRAIN_DEFAULTS.hashBits)
const only = arg('--only')
const margins = (arg('--margins') ?? '0').split(',').map(Number)

const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '  —  ')
const add = (a: Counts, b: Counts) => ({ tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn })
const zero = () =>
  Object.fromEntries(PII_KINDS.map((k) => [k, { tp: 0, fp: 0, fn: 0 }])) as Record<PiiKind, Counts>
const MODES = ['rules', ...margins.flatMap((m) => [`tagger≥${m}`, `both≥${m}`])]
const sums: Record<string, Record<PiiKind, Counts>> = Object.fromEntries(MODES.map((m) => [m, zero()]))

const taggerOnly = (tagger: Tagger) => (text: string, options: MaskOptions) =>
  taggerFindings(tagger, hidePlaceholders(foldWidth(text)), options, PII_KINDS)

type Find = (text: string, options: MaskOptions) => PiiFinding[]
const rulesFrom = arg('--rules-from')
const oldRules: Find | undefined = rulesFrom
  ? ((await import(path.resolve(rulesFrom, 'mask.ts'))) as { findPii: Find }).findPii
  : undefined
/** The old rules' findings, then the tagger's where they found nothing (as findPii joins them). */
const oldRulesThenTagger =
  (tagger: Tagger): Find =>
  (text, options) => {
    const found = oldRules!(text, options)
    for (const f of taggerOnly(tagger)(text, options))
      if (!found.some((g) => g.start < f.end && f.start < g.end)) found.push(f)
    return found.sort((a, b) => a.start - b.start)
  }

const header = `  ${'kind'.padEnd(11)} spans   ${MODES.map((m) => `${m} P / R`.padEnd(15)).join(' ')}`
const line = (name: string, get: (m: string) => Counts) => {
  const c = get('rules')
  return `  ${name.padEnd(11)} ${String(c.tp + c.fn).padStart(5)}   ${MODES.map((m) => {
    const { precision, recall } = prf(get(m))
    return `${fmt(precision)} ${fmt(recall)}`.padEnd(15)
  }).join(' ')}`
}

const negatives = argv.includes('--no-content') ? [] : contentLines()
const cpu0 = process.cpuUsage()
const t0 = performance.now()
for (const left of CORPORA) {
  if (only && left.name !== only) continue
  const a = process.cpuUsage()
  const trained = trainTagger(
    [
      ...CORPORA.filter((c) => c !== left).flatMap((c) =>
        trainingLines(c.files.flatMap((f) => loadCorpus(f))),
      ),
      ...negatives,
    ],
    { epochs, hashBits, teacher: !argv.includes('--own-labels') },
  )
  const used = process.cpuUsage(a)
  const rows: CorpusRow[] = left.files.flatMap((f) => loadCorpus(f))
  const labelled = new Set(rows.flatMap((r) => r.expected.map((e) => e.kind)))
  const spans = rows.reduce((n, r) => n + r.expected.length, 0)
  console.log(
    `left out: ${left.name} (${left.files.map((f) => path.basename(f)).join(' + ')}; ${rows.length} snippets, ${spans} spans), trained on the other ${CORPORA.length - 1} (${((used.user + used.system) / 1e6).toFixed(1)} s CPU)`,
  )
  console.log(header)
  const options: MaskOptions = left.options
  const scores: Record<string, ReturnType<typeof score>> = {
    rules: score(rows, { ...options, tagger: null }, oldRules ?? findPii),
  }
  const extra: string[] = []
  for (const m of margins) {
    const tagger = { ...trained, minMargin: m }
    scores[`tagger≥${m}`] = score(rows, options, taggerOnly(tagger))
    scores[`both≥${m}`] = score(rows, { ...options, tagger }, oldRules ? oldRulesThenTagger(tagger) : findPii)
    const both = oldRules ? oldRulesThenTagger(tagger) : findPii
    const pub = publicKept(rows, { ...KEEP, tagger }, both)
    const neg = negativesUntouched(rows, { ...options, tagger }, both)
    extra.push(
      `≥${m}: public kept ${pub.kept}/${pub.total}, negatives untouched ${neg.untouched}/${neg.total}`,
    )
  }
  for (const m of MODES)
    for (const k of PII_KINDS) if (labelled.has(k)) sums[m]![k] = add(sums[m]![k], scores[m]!.exact[k])
  for (const k of PII_KINDS) if (labelled.has(k)) console.log(line(k, (m) => scores[m]!.exact[k]))
  console.log(line('overall', (m) => total(scores[m]!.exact)))
  const pr = publicKept(rows, { ...KEEP, tagger: null }, oldRules ?? findPii)
  const nr = negativesUntouched(rows, { ...options, tagger: null }, oldRules ?? findPii)
  console.log(
    `  rules: public kept ${pr.kept}/${pr.total}, negatives untouched ${nr.untouched}/${nr.total}; ${extra.join('; ')}`,
  )
  const shown = arg('--errors')
  if (shown) for (const e of scores[shown]!.errors) console.log(`    ${e}`)
  console.log('')
}
console.log(
  `all left-out corpora together (exact spans; a kind only where labelled; epochs ${epochs}, ${hashBits} hash bits)`,
)
console.log(header)
for (const k of PII_KINDS) console.log(line(k, (m) => sums[m]![k]))
console.log(line('overall', (m) => total(sums[m]!)))
const cpu = process.cpuUsage(cpu0)
console.log(
  `${((performance.now() - t0) / 1000).toFixed(1)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU`,
)
