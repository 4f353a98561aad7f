import { describe, expect, it } from 'vitest'

import { createAnalyzer } from '../src/analyzer/analyzer'
import { createSearchIndex } from '../src/engine/search-index'
import { findMatches, matchedTerms } from '../src/engine/highlight'

const docs = [
  {
    id: 'baby',
    kind: 'faq' as const,
    question: '0歳の子どものカードはどう作りますか？',
    body: '0歳の子どもは顔写真がなくても申請できます。',
  },
  {
    id: 'elderly',
    kind: 'faq' as const,
    question: '90歳の母のカードを代わりに受け取れますか？',
    body: '90歳の方の代理受取には委任状が必要です。',
  },
  {
    id: 'months',
    kind: 'faq' as const,
    question: '有効期限の3ヶ月前に通知が届きます',
    body: '更新は有効期限の3か月前からできます。手数料は1,000円です。',
  },
]

describe('numbers keep their boundaries', () => {
  const index = createSearchIndex()
  for (const d of docs) index.add(d)

  it('makes a number and its counter one token, whole numbers only', () => {
    const a = createAnalyzer()
    expect(a.analyzeQuery('0歳').tokens).toContain('0歳')
    expect(a.documentTokens('90歳の母')).toContain('90歳')
    expect(a.documentTokens('90歳の母')).not.toContain('0歳')
    expect(a.documentTokens('１，０００円')).toContain('1000円')
    expect(a.analyzeQuery('75 歳 母').tokens).toContain('75歳')
    for (const t of ['3ヶ月', '3ヵ月', '3か月', '3カ月']) expect(a.documentTokens(t), t).toContain('3か月')
  })
  it('ranks 0歳 above 90歳 and 90歳 above 0歳', () => {
    expect(index.search('0歳')[0]?.id).toBe('baby')
    expect(index.search('90歳')[0]?.id).toBe('elderly')
  })
  it('does not highlight 0歳 inside 90歳', () => {
    const tokens = createAnalyzer().analyzeQuery('0歳').tokens
    const text = '90歳の母と0歳の子'
    expect(matchedTerms(text, findMatches(text, tokens))).toEqual(['0歳'])
    const hit = index.search('0歳', { limit: 5 }).find((h) => h.id === 'elderly')
    if (hit) expect(hit.snippet.highlights).toEqual([])
  })
  it('highlights a counted number written another way (3ヶ月 for 3か月)', () => {
    const text = '有効期限の3ヶ月前'
    expect(matchedTerms(text, findMatches(text, createAnalyzer().analyzeQuery('3か月').tokens))).toEqual([
      '3ヶ月',
    ])
  })
})
