/**
 * npm run train:masker -w @kotae/analytics [-- --dry-run]
 *
 * Trains the masker's character tagger (src/pii/tagger) on the synthetic labelled corpora of
 * masker-corpora.ts and writes src/pii/tagger/weights.json. Same corpora, same seed, same weights (a
 * test checks the committed file against this). The margins a span needs per kind were chosen on the
 * leave-one-corpus-out figures (`npm run bench:pii-loco`). `--dry-run` trains and prints the size only.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

import { MIN_MARGIN, weightsFile } from './masker-weights'

const { values } = parseArgs({ options: { 'dry-run': { type: 'boolean', default: false } }, strict: true })
const cpu = process.cpuUsage()
const { json, lines } = weightsFile(MIN_MARGIN)
const used = process.cpuUsage(cpu)
console.log(
  `train:masker: ${lines} labelled lines, ${((used.user + used.system) / 1e6).toFixed(1)} s CPU; weights.json ${(Buffer.byteLength(json) / 1024).toFixed(0)} KiB`,
)
if (!values['dry-run'])
  fs.writeFileSync(
    path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../pii/tagger/weights.json'),
    json,
  )
