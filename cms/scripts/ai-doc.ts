/**
 * npm run docs:ai [-- --check]
 *
 * Writes docs/AI.md, the explanation for the city of how Kotae's AI works, which data it uses,
 * where each model is kept, how it is re-learned and switched off, and which test proves each AI
 * requirement (src/ai/explanation.ts), from the live configuration (src/ai/liveConfig.ts, src/ai/document.ts). Run it
 * after `train:ranker`, `train:confidence`, `synonyms:readings`, `kanji:readings` or an edit of
 * facets.yaml; a test fails while docs/AI.md is stale. `--check` only says whether it is up to date
 * (exit 1 if not).
 */
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'

import { AI_DOC_FILE, aiDocument } from '../src/ai/document'

const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } }, strict: true })
const text = await aiDocument()
const where = path.relative(process.cwd(), AI_DOC_FILE)
if (values.check) {
  const current = await readFile(AI_DOC_FILE, 'utf8').catch(() => '')
  if (current !== text) {
    console.error(`docs:ai: ${where} is out of date; run \`npm run docs:ai\``)
    process.exit(1)
  }
  console.log(`docs:ai: ${where} is up to date`)
} else {
  await writeFile(AI_DOC_FILE, text)
  console.log(`docs:ai: written ${where}`)
}
