/**
 * Furigana accuracy on 20 sampled FAQ pages (every 9th public Japanese FAQ by id): each page's
 * kanji words with the readings a person checked by hand, in test/furigana-check.md. The page is
 * read the way the build reads it (question, short answer, rendered answer; the city's and the FAQ's
 * overrides). The bar: at least 98 % of kanji words read right.
 */
import fs from 'node:fs'
import path from 'node:path'

import { loadValidContent } from '@kotae/content'
import { beforeAll, describe, expect, it } from 'vitest'

import { toPublicData } from '../src/data'
import type { PublicFaq, SiteData } from '../src/data/types'
import { furiganaReader, type ReadText } from '../src/lib/furigana'
import { renderMarkdown } from '../src/lib/markdown'
import { alignReading, rubySegments } from '@kotae/search-indexer/furigana/ruby'

const CHECK_FILE = path.join(import.meta.dirname, 'furigana-check.md')

/** Every `漢字(よみ)` of a page, in order: the question, the short answer, then the answer's HTML. */
export function pageReadings(faq: PublicFaq, read: ReadText): string[] {
  const words = (text: string) =>
    read(text)
      .filter((s) => s.reading !== undefined)
      .map((s) => `${s.text}(${s.reading})`)
  const html = renderMarkdown(faq.answer, '表', read)
  const inHtml = [...html.matchAll(/<ruby>([^<]*)<rp>\(<\/rp><rt>([^<]*)<\/rt>/g)].map(
    (m) => `${m[1]}(${m[2]})`,
  )
  return [...words(faq.question), ...words(faq.shortAnswer), ...inHtml]
}

/** The 20 sampled pages. */
export const sampled = (data: SiteData): PublicFaq[] => {
  const faqs = [...data.faqs].sort((a, b) => (a.id < b.id ? -1 : 1))
  const step = Math.floor(faqs.length / 20)
  return Array.from({ length: 20 }, (_, i) => faqs[i * step]!)
}

/** `## id` then the page's words separated by spaces. */
function readCheckFile(): Map<string, string[]> {
  const pages = new Map<string, string[]>()
  let current: string[] | undefined
  for (const line of fs.readFileSync(CHECK_FILE, 'utf8').split('\n')) {
    const head = /^## (\S+)/.exec(line)
    if (head) {
      current = []
      pages.set(head[1]!, current)
    } else if (current && /\(/.test(line)) current.push(...line.trim().split(/\s+/))
  }
  return pages
}

describe('ruby segments', () => {
  it('put each reading over its kanji, okurigana outside', () => {
    expect(alignReading('受け取り', 'ウケトリ')).toEqual([
      { text: '受', reading: 'う' },
      { text: 'け' },
      { text: '取', reading: 'と' },
      { text: 'り' },
    ])
    expect(alignReading('東広島', 'ひがしひろしま')).toEqual([{ text: '東広島', reading: 'ひがしひろしま' }])
  })

  it('an override wins, longest first; counters follow the number', () => {
    const tokenize = (text: string) =>
      [...text].map((c) => ({
        surface: c,
        ...(
          { 方: { reading: 'ホウ' }, 日: { reading: 'ニチ' }, 分: { reading: 'フン' } } as Record<
            string,
            { reading: string }
          >
        )[c],
      }))
    const overrides = new Map([
      ['の方', 'のかた'],
      ['期限の方', 'きげんのほう'],
    ])
    expect(rubySegments('期限の方が', tokenize, overrides)).toEqual([
      { text: '期限', reading: 'きげん' },
      { text: 'の' },
      { text: '方', reading: 'ほう' },
      { text: 'が' },
    ])
    expect(rubySegments('子の方は', tokenize, overrides)).toEqual([
      { text: '子の' },
      { text: '方', reading: 'かた' },
      { text: 'は' },
    ])
    expect(rubySegments('2日と30分', tokenize)).toEqual([
      { text: '2日', reading: 'ふつか' },
      { text: 'と30' },
      { text: '分', reading: 'ぷん' },
    ])
  })
})

describe('furigana on 20 sampled FAQ pages, against the readings checked by hand', () => {
  let data: SiteData
  beforeAll(async () => {
    data = toPublicData(await loadValidContent(), '2026-11-30')
  }, 60_000)

  it('reads at least 98 % of the kanji words right', async () => {
    const expected = readCheckFile()
    const pages = sampled(data)
    expect([...expected.keys()]).toEqual(pages.map((f) => f.id))
    let total = 0
    const wrong: string[] = []
    for (const faq of pages) {
      const got = pageReadings(faq, await furiganaReader(data.city.readings, faq.readings))
      const want = expected.get(faq.id)!
      expect(got.length, `${faq.id}: the same kanji words as the list`).toBe(want.length)
      want.forEach((w, i) => {
        total += 1
        if (got[i] !== w) wrong.push(`${faq.id}: ${got[i]} (right: ${w})`)
      })
    }
    console.log(
      `furigana: ${total - wrong.length} of ${total} kanji words right (${((100 * (total - wrong.length)) / total).toFixed(1)} %) on ${pages.length} pages${wrong.length ? `; wrong:\n  ${wrong.join('\n  ')}` : ''}`,
    )
    expect(total).toBeGreaterThan(1000)
    expect((total - wrong.length) / total).toBeGreaterThanOrEqual(0.98)
  }, 60_000)

  it('the toggle markup: ruby readings hidden unless the box is ticked', () => {
    const css = fs.readFileSync(path.join(import.meta.dirname, '../src/styles/global.css'), 'utf8')
    expect(css).toMatch(/rt \{\n {2}display: none;/)
    expect(css).toContain('html:has(#furigana-on:checked) rt')
  })
})
