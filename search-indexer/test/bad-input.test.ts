import { describe, expect, it } from 'vitest'

import { createAnalyzer } from '../src/analyzer/analyzer'
import { MAX_QUERY_CHARS } from '../src/analyzer/normalize'
import { createSearchIndex } from '../src/engine/search-index'
import { InvalidDocumentError } from '../src/errors'
import { DOCS, SYNONYMS } from './fixtures'

const index = createSearchIndex({ synonyms: SYNONYMS })
for (const d of DOCS) index.add(d)

describe('bad input never throws', () => {
  it('returns [] for empty and blank queries', () => {
    for (const q of ['', '   ', '\n\t', '、。！？', '？？？', '!!!'])
      expect(index.search(q), JSON.stringify(q)).toEqual([])
    expect(index.search(undefined as never)).toEqual([])
    expect(index.search(42 as never)).toEqual([])
  })
  it('cuts a 10,000-character query and still answers quickly', () => {
    const long = '暗証番号を忘れた'.repeat(1250)
    expect(long.length).toBe(10000)
    expect(createAnalyzer().analyzeQuery(long).text.length).toBeLessThanOrEqual(MAX_QUERY_CHARS)
    const t = performance.now()
    expect(index.search(long)[0]?.id).toBe('pin-forgot')
    expect(performance.now() - t).toBeLessThan(2000)
    expect(Array.isArray(index.search('x'.repeat(10000)))).toBe(true)
  })
  it('handles emoji, control characters, lone surrogates, HTML and SQL-looking text', () => {
    const odd = [
      '🙂🙂🙂',
      '暗証番号🔑わすれた😭',
      '\u0000\u0001\u0007暗証番号\u001b[31m',
      '\ud800\udfff\ud800',
      "<script>alert('x')</script>",
      "' OR 1=1; DROP TABLE faqs; --",
      '%00%27',
      '\u202e暗証番号',
    ]
    for (const q of odd) expect(() => index.search(q), q).not.toThrow()
    expect(index.search('暗証番号🔑わすれた😭')[0]?.id).toBe('pin-forgot')
    expect(index.search("<script>alert('x')</script>")).toEqual([])
  })
  it('clamps odd limits', () => {
    expect(index.search('マイナンバーカード', { limit: 0 }).length).toBe(1)
    expect(index.search('マイナンバーカード', { limit: -5 }).length).toBe(1)
    expect(index.search('マイナンバーカード', { limit: Number.NaN }).length).toBeGreaterThan(0)
    expect(index.search('マイナンバーカード', { limit: 1e9 }).length).toBeLessThanOrEqual(100)
  })
  it('names its errors for bad documents', () => {
    const i = createSearchIndex()
    expect(() => i.add({ id: '', kind: 'faq', question: 'x' })).toThrow(InvalidDocumentError)
    expect(() => i.add({ id: 'a', kind: 'blog' as never, question: 'x' })).toThrow(InvalidDocumentError)
    expect(() => i.add(null as never)).toThrow(InvalidDocumentError)
  })
  it('indexes documents with emoji, control characters and markup, and finds them as text', () => {
    const i = createSearchIndex()
    i.add({
      id: 'odd',
      kind: 'faq',
      question: '暗証番号🔑\u0000\u001bを<b>忘れた</b>',
      alternatives: ['\ud800', ''],
      shortAnswer: "' OR 1=1; --",
      body: '<script>alert(1)</script>\n\n窓口で再設定できます。',
      tags: ['\u202e'],
    })
    expect(i.search('暗証番号を忘れた')[0]?.id).toBe('odd')
    expect(i.search('再設定')[0]?.passage?.text).toContain('窓口で再設定')
    expect(i.search('script alert')[0]?.id).toBe('odd')
  })
})
