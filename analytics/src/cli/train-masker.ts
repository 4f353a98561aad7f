/**
 * npm run train:masker [-- --dry-run]
 *
 * Trains the masker's character tagger (src/pii/tagger) on every labelled corpus (bench/pii-corpora.ts:
 * the three tuning-N sets and both halves of the four fresh corpora; fabricated snippets written for the
 * project, no real person's data) and on the knowledge base's own lines (content/, nothing personal in
 * them: what is not to be masked), and writes src/pii/tagger/weights.json. Same corpora, same seed, same
 * weights. The margin a span needs was chosen on the left-out figures (`npm run bench:pii-loco`,
 * decision 0056). `--dry-run` trains and prints the size without writing.
 */
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'

import { CORPORA, contentLines, trainingLines } from '../../bench/pii-corpora'
import { loadCorpus } from '../../bench/pii.bench'
import { taggerToFile, TRAIN_DEFAULTS, trainTagger } from '../pii/tagger/train'

/** The margin a tagger span needs (leave-one-out, all seven corpora: overall P / R 0.981 / 0.967 with the rules, 0.992 / 0.963 without). */
export const MIN_MARGIN = 5

const { values } = parseArgs({ options: { 'dry-run': { type: 'boolean', default: false } }, strict: true })
const files = CORPORA.flatMap((c) => c.files)
const negatives = contentLines()
const lines = [...trainingLines(files.flatMap((f) => loadCorpus(f))), ...negatives]
const cpu = process.cpuUsage()
const tagger = { ...trainTagger(lines), minMargin: MIN_MARGIN }
const used = process.cpuUsage(cpu)
const file = taggerToFile(tagger, {
  trainedOn: files.map((f) => path.basename(f)),
  seed: TRAIN_DEFAULTS.seed,
  epochs: TRAIN_DEFAULTS.epochs,
})
const json = `${JSON.stringify(file, null, 1)}\n`
console.log(
  `train:masker: ${lines.length - negatives.length} labelled lines of ${files.length} files and ${negatives.length} lines of content/ with nothing to mask, ${((used.user + used.system) / 1e6).toFixed(1)} s CPU; weights.json ${(json.length / 1024).toFixed(0)} KiB`,
)
if (!values['dry-run'])
  fs.writeFileSync(path.resolve(import.meta.dirname, '../pii/tagger/weights.json'), json)
