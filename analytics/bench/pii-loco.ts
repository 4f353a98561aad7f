/**
 * `npm run bench:pii-loco`: how the masker does on a corpus its tagger was not trained on. For each
 * fresh corpus in turn (fresh1–fresh12, both halves together), the tagger is trained on all the other
 * corpora (the tuning-N sets and the other fresh ones) and the left-out corpus is scored per kind, exact
 * spans: the rules alone, and the rules with the tagger filling their gaps at each margin (`--margins`),
 * as `findPii` masks; public numbers kept (with the allow-list) and lines with nothing to mask left
 * untouched. The rules do not train and were tuned on every one of these corpora, so their column is a
 * tuned figure, not a held-out one; the tagger's share is held out.
 * `--rules-from DIR --only freshN` scores an older copy of src/pii (`git archive <commit> analytics/src/pii`)
 * as the rules instead, the tagger filling their gaps: the rules as they stood before that corpus was
 * written, so both parts are scored on text they never saw.
 * `--corpus FILE` instead scores one corpus with the committed weights (rules alone, then rules + tagger):
 * the way to read a new dev split. `--with NAME` adds a candidate corpus (masker-corpora.ts) to training and
 * the folds; a dev half alone is summed apart from the complete corpora as well. `--only NAME[,NAME…]` scores those folds alone; the folds before the newest are also summed apart. `--errors MODE` lists the misses and false alarms of one column
 * (`rules` or `both≥M`); `--epochs N`, `--bits N`, `--dropout X` try training settings, `--seed N` another shuffle
 * (how far a figure moves by the order of the lines alone).
 */
import path from 'node:path'

import { CANDIDATES, CORPORA, corpusLines, rowsOf } from '../src/cli/masker-corpora'
import { MIN_MARGIN } from '../src/cli/masker-weights'
import { foldWidth, hidePlaceholders, PII_KINDS, type MaskOptions, type PiiKind } from '../src/pii'
import { defaultTagger, taggerFindings, type Tagger } from '../src/pii/tagger'
import { TRAIN_DEFAULTS, trainTagger } from '../src/pii/tagger/train'
import {
  type Counts,
  type CorpusRow,
  type Find,
  KEEP,
  loadCorpus,
  negativesUntouched,
  prf,
  publicKept,
  score,
  total,
} from './pii.bench'

const argv = process.argv.slice(2)
const arg = (name: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined)
const epochs = Number(arg('--epochs') ?? TRAIN_DEFAULTS.epochs)
const seed = Number(arg('--seed') ?? TRAIN_DEFAULTS.seed)
const hashBits = Number(arg('--bits') ?? TRAIN_DEFAULTS.hashBits)
const ruleDropout = Number(arg('--dropout') ?? TRAIN_DEFAULTS.ruleDropout)
const only = arg('--only')
/** A candidate corpus added to every fold's training and as a fold of its own: what adding it would change. */
const withName = arg('--with')
const added = CANDIDATES.filter((c) => c.name === withName)
if (withName && !added.length) throw new Error(`--with: no candidate corpus ${withName}`)
const corpora = [...CORPORA.filter((c) => !c.generated), ...added, ...CORPORA.filter((c) => c.generated)]
const corpusFile = arg('--corpus')
const margins = corpusFile ? ['chosen'] : (arg('--margins') ?? 'chosen').split(',')
const marginOf = (m: string): Partial<Record<PiiKind, number>> =>
  m === 'chosen' ? MIN_MARGIN : Object.fromEntries(PII_KINDS.map((k) => [k, Number(m)]))

const rulesFrom = arg('--rules-from')
const oldRules: Find | undefined = rulesFrom
  ? ((await import(path.resolve(rulesFrom, 'mask.ts'))) as { findPii: Find }).findPii
  : undefined
/** The old rules' findings, then the tagger's where they found nothing (as findPii joins them). */
const oldRulesThen =
  (old: Find): Find =>
  (text, options) => {
    const found = old(text, options)
    if (!options.tagger) return found
    const extra = taggerFindings(options.tagger, hidePlaceholders(foldWidth(text)), options, PII_KINDS, found)
    for (const f of extra) if (!found.some((g) => g.start < f.end && f.start < g.end)) found.push(f)
    return found.sort((a, b) => a.start - b.start)
  }
const find: Find | undefined = oldRules && oldRulesThen(oldRules)

const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '  —  ')
const add = (a: Counts, b: Counts) => ({ tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn })
const zero = () =>
  Object.fromEntries(PII_KINDS.map((k) => [k, { tp: 0, fp: 0, fn: 0 }])) as Record<PiiKind, Counts>
const MODES = ['rules', ...margins.map((m) => `both≥${m}`)]
const sums: Record<string, Record<PiiKind, Counts>> = Object.fromEntries(MODES.map((m) => [m, zero()]))
/** Overlap counts beside the exact ones: a miss that a finding of its kind overlaps is a boundary error, else a whole miss. */
const overlapSums: Record<string, Record<PiiKind, Counts>> = Object.fromEntries(MODES.map((m) => [m, zero()]))
const extraSums: Record<string, { pub: number; pubAll: number; neg: number; negAll: number }> =
  Object.fromEntries(MODES.map((m) => [m, { pub: 0, pubAll: 0, neg: 0, negAll: 0 }]))

const header = `  ${'kind'.padEnd(11)} spans   ${MODES.map((m) => `${m} P / R`.padEnd(15)).join(' ')}`
const line = (name: string, get: (m: string) => Counts) => {
  const c = get('rules')
  return `  ${name.padEnd(11)} ${String(c.tp + c.fn).padStart(5)}   ${MODES.map((m) => {
    const { precision, recall } = prf(get(m))
    return `${fmt(precision)} ${fmt(recall)}`.padEnd(15)
  }).join(' ')}`
}

/** Scores `rows` with the rules alone and with `trained` at each margin; prints and adds to the sums. */
function scoreAll(rows: CorpusRow[], options: MaskOptions, trained: Tagger) {
  const labelled = new Set(rows.flatMap((r) => r.expected.map((e) => e.kind)))
  const optionsOf = (m: string): MaskOptions =>
    m === 'rules'
      ? { ...options, tagger: null }
      : { ...options, tagger: { ...trained, minMargin: marginOf(m.slice(5)) } }
  const scores = Object.fromEntries(MODES.map((m) => [m, score(rows, optionsOf(m), find)]))
  console.log(header)
  for (const m of MODES)
    for (const k of PII_KINDS)
      if (labelled.has(k)) {
        sums[m]![k] = add(sums[m]![k], scores[m]!.exact[k])
        overlapSums[m]![k] = add(overlapSums[m]![k], scores[m]!.overlap[k])
      }
  for (const k of PII_KINDS) if (labelled.has(k)) console.log(line(k, (m) => scores[m]!.exact[k]))
  console.log(line('overall', (m) => total(scores[m]!.exact)))
  const extra: string[] = []
  for (const m of MODES) {
    const o = optionsOf(m)
    const pub = publicKept(rows, { ...KEEP, tagger: o.tagger }, find)
    const neg = negativesUntouched(rows, o, find)
    const e = extraSums[m]!
    e.pub += pub.kept
    e.pubAll += pub.total
    e.neg += neg.untouched
    e.negAll += neg.total
    extra.push(
      `${m}: public kept ${pub.kept}/${pub.total}, negatives untouched ${neg.untouched}/${neg.total}`,
    )
  }
  console.log(`  ${extra.join('; ')}`)
  const shown = arg('--errors')
  if (shown) for (const e of scores[shown]!.errors) console.log(`    ${e}`)
  console.log('')
}

/** The sums so far over the left-out corpora, as one table with the misses split into boundary / whole. */
function printSums(title: string) {
  console.log(
    `${title} (exact spans; a kind only where labelled; epochs ${epochs}, ${hashBits} hash bits, rule dropout ${ruleDropout})`,
  )
  console.log(header)
  for (const k of PII_KINDS) console.log(line(k, (m) => sums[m]![k]))
  console.log(line('overall', (m) => total(sums[m]!)))
  console.log(
    `  ${MODES.map((m) => `${m}: public kept ${extraSums[m]!.pub}/${extraSums[m]!.pubAll}, negatives untouched ${extraSums[m]!.neg}/${extraSums[m]!.negAll}`).join('; ')}`,
  )
  console.log(
    'exact misses per kind: boundary (a finding of the kind overlaps it) / whole (nothing of the kind there)',
  )
  for (const k of PII_KINDS)
    console.log(
      `  ${k.padEnd(11)} ${MODES.map((m) => {
        const whole = overlapSums[m]![k].fn
        return `${m} ${sums[m]![k].fn - whole} / ${whole}`.padEnd(22)
      }).join(' ')}`,
    )
}

const cpu0 = process.cpuUsage()
const t0 = performance.now()
if (corpusFile) {
  const rows = loadCorpus(path.resolve(corpusFile))
  const spans = rows.reduce((n, r) => n + r.expected.length, 0)
  console.log(
    `${path.basename(corpusFile)}: ${rows.length} snippets, ${spans} spans; committed weights, allow-list`,
  )
  scoreAll(rows, KEEP, defaultTagger())
} else {
  let completeShown = false
  const folds = corpora.filter((c) => c.fresh)
  const newest = folds.filter((c) => !c.partial).at(-1)
  for (const left of folds) {
    if (only && !only.split(',').includes(left.name)) continue
    // the folds before the newest complete corpus summed alone first (comparable with the round before it was a fold)
    if (left === newest && !only) printSums(`the folds before ${left.name} together (as the round before)`)
    // the complete corpora first, summed alone (comparable with the rounds before a dev half was a fold)
    if (left.partial && !only && !completeShown) {
      printSums('the complete fresh corpora together (both halves)')
      completeShown = true
    }
    const a = process.cpuUsage()
    const trained = trainTagger(
      corpusLines(
        corpora.filter((c) => c !== left),
        ruleDropout < 1,
      ),
      {
        seed,
        epochs,
        hashBits,
        ruleDropout,
      },
    )
    const used = process.cpuUsage(a)
    const rows = rowsOf(left)
    const spans = rows.reduce((n, r) => n + r.expected.length, 0)
    console.log(
      `left out: ${left.name} (${left.files.map((f) => path.basename(f)).join(' + ')}; ${rows.length} snippets, ${spans} spans), trained on the other ${corpora.length - 1} corpora (${((used.user + used.system) / 1e6).toFixed(1)} s CPU)`,
    )
    scoreAll(rows, left.options, trained)
  }
  printSums('all left-out corpora together')
}
const cpu = process.cpuUsage(cpu0)
console.log(
  `${((performance.now() - t0) / 1000).toFixed(1)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU`,
)
