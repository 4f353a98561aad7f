import { readFile } from 'node:fs/promises'
import path from 'node:path'

import { loadContent } from '@kotae/content'
import { beforeAll, describe, expect, it } from 'vitest'

import { createAnalyzer } from '../src/analyzer/analyzer'
import { normalizeText } from '../src/analyzer/normalize'
import {
  GENERATED_MARKER,
  proposeReadingGroups,
  readingSynonymsFile,
  SYNONYMS_FILE,
} from '../src/cli/reading-synonyms'
import { loadKuromoji } from '../src/node-only/kuromoji'
import { faqToDocument } from '../src/engine/document'
import { createSearchIndex } from '../src/engine/search-index'

type Tokenizer = Awaited<ReturnType<typeof loadKuromoji>>
let tokenizer: Tokenizer

beforeAll(async () => {
  tokenizer = await loadKuromoji()
}, 30_000)

describe('reading synonyms (npm run synonyms:readings)', () => {
  it('the generated section of content/synonyms.yaml is current (else run `npm run synonyms:readings -- --write`)', async () => {
    const { text } = await readingSynonymsFile(tokenizer)
    expect(
      await readFile(SYNONYMS_FILE, 'utf8'),
      'content/synonyms.yaml differs from what `npm run synonyms:readings -- --write` writes for the current FAQs',
    ).toBe(text)
    // kuromoji reads every Japanese FAQ's answer too: ~3 s of CPU, more wall time on a shared machine.
  }, 60_000)
  it('proposes kanji words with their readings, verbs in stem and dictionary form', () => {
    const { groups } = proposeReadingGroups(
      tokenizer,
      ['英語の説明は不要です', 'カードを作りたい'],
      new Set(),
    )
    expect(groups).toContainEqual(['英語', 'えいご'])
    expect(groups).toContainEqual(['不要', 'ふよう'])
    expect(groups).toContainEqual(['作り', 'つくり'])
    expect(groups).toContainEqual(['作る', 'つくる'])
    expect(groups).toContainEqual(['説明', 'せつめい'])
  })
  it('skips ambiguous readings, short readings and readings a hand-written group holds', () => {
    const { groups, skipped } = proposeReadingGroups(
      tokenizer,
      ['期間と機関', '写真を撮る', '更新の手続き', '結婚で名字が変わった'],
      new Set([normalizeText('更新'), normalizeText('こうしん'), normalizeText('結婚')]),
    )
    const words = groups.map((g) => g[0])
    expect(words).not.toContain('期間') // きかん: 期間 and 機関
    expect(words).not.toContain('機関')
    expect(skipped.find((s) => s.word === '撮る')?.why).toMatch(/under 3 kana/)
    expect(words).not.toContain('更新')
    expect(skipped.find((s) => s.word === '更新')?.why).toMatch(/reading already in a hand-written group/)
    expect(words).toContain('写真')
    expect(words).toContain('手続き')
    expect(skipped.find((s) => s.word === '期間')?.why).toMatch(/ambiguous/)
  })
  it('gives a word a hand-written group holds its reading when no group holds the kana', () => {
    // 結婚 expands through its hand-written group; けっこん typed in kana must reach it too.
    const { groups } = proposeReadingGroups(
      tokenizer,
      ['結婚で名字が変わった'],
      new Set([normalizeText('結婚')]),
    )
    expect(groups).toContainEqual(['結婚', 'けっこん'])
  })
  it('content/synonyms.yaml holds a generated section whose readings are unambiguous and 3+ kana', async () => {
    const yaml = await readFile(path.resolve(import.meta.dirname, '../../content/synonyms.yaml'), 'utf8')
    const section = yaml.slice(yaml.indexOf(GENERATED_MARKER))
    expect(section.startsWith(GENERATED_MARKER)).toBe(true)
    const groups = [...section.matchAll(/terms: \[(.+?), (.+?)\]/gu)].map((m) => [m[1]!, m[2]!] as const)
    expect(groups.length).toBeGreaterThan(100)
    const readings = new Set<string>()
    for (const [word, reading] of groups) {
      expect(word, word).toMatch(/\p{Script=Han}/u)
      expect(reading, word).toMatch(/^[\p{Script=Hiragana}ー]{3,}$/u)
      expect(readings.has(reading), reading).toBe(false)
      readings.add(reading)
    }
  })
  it('lets a kana query reach kanji-only content through the generated groups', async () => {
    const content = await loadContent()
    const q = createAnalyzer({ synonyms: content.synonyms }).analyzeQuery('えいごのかーどはふようですか')
    expect(q.synonyms.map((m) => m.term)).toEqual(expect.arrayContaining(['えいご', 'ふよう']))
    const index = createSearchIndex({ audience: 'operator', synonyms: content.synonyms })
    for (const faq of content.faqs) {
      const doc = faqToDocument(faq, { audience: 'operator' })
      if (doc) index.add(doc)
    }
    // つくりたい meets 作り (the stem) in the application FAQs
    const hits = index.search('まいなんばーかーど つくりたい', { limit: 5, kinds: ['faq'] })
    expect(hits.map((h) => h.document.question).join(' ')).toMatch(/作/u)
    // Builds the whole content's index, earlier phrasings included (~1 s CPU; 5 s was too little
    // on a loaded machine).
  }, 30_000)
})
