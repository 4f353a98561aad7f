import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { MaskOptions } from '../src/pii'
import { foldWidth, hidePlaceholders } from '../src/pii/fold'
import type { TrainingLine } from '../src/pii/tagger/train'
import { type CorpusRow, KEEP, locate } from './pii.bench'

const test = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../test')

/**
 * Every labelled corpus, one entry per corpus (both halves of a fresh corpus together): what the tagger
 * trains on and the leave-one-out harness leaves out one at a time. All are tuning data now. They are
 * fabricated snippets written for the project; no real person's data. The tuning-N sets label public
 * numbers as personal, so they are scored without the allow-list, the fresh ones with it (as `bench:pii`).
 */
export const CORPORA: { name: string; files: string[]; options: MaskOptions }[] = [
  { name: 'tuning-1', files: [`${test}/pii-tuning-1.jsonl`], options: {} },
  { name: 'tuning-2', files: [`${test}/pii-tuning-2.jsonl`], options: {} },
  { name: 'tuning-3', files: [`${test}/pii-tuning-3.jsonl`], options: {} },
  ...['', '2', '3', '4'].map((n) => ({
    name: `fresh${n || '1'}`,
    files: [`${test}/pii-fresh${n}.dev.jsonl`, `${test}/pii-fresh${n}.test.jsonl`],
    options: KEEP,
  })),
]

/** Corpus rows as the tagger reads text (width-folded, placeholders blanked) with their labelled spans. */
export const trainingLines = (rows: CorpusRow[]): TrainingLine[] =>
  rows.map((r) => ({ text: hidePlaceholders(foldWidth(r.text)), spans: locate(r) }))

const contentDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../content')

/**
 * Lines with nothing personal in them, for the tagger to learn what is not: the knowledge base's own
 * text (content/: FAQs, guides, sources and the city profile, *.md and *.yaml), the vocabulary callers
 * and operators use, with the published numbers and addresses in it. Without them the tagger, trained
 * on corpora dense with personal data, took capitalised English words for names and port numbers for
 * PINs in the repository's other text (docs/, *.md), which stays the check on unlabelled text.
 */
export function contentLines(): TrainingLine[] {
  const files = (fs.readdirSync(contentDir, { recursive: true }) as string[])
    .filter((f) => /\.(?:md|ya?ml)$/.test(f) && !f.includes('node_modules'))
    .sort()
  const seen = new Set<string>()
  const out: TrainingLine[] = []
  for (const f of files)
    for (const line of fs.readFileSync(path.join(contentDir, f), 'utf8').split('\n')) {
      const text = hidePlaceholders(foldWidth(line.trim()))
      if (text.length < 4 || text.length > 2_000 || seen.has(text)) continue
      seen.add(text)
      out.push({ text, spans: [] })
    }
  return out
}
