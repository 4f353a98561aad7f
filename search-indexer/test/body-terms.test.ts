import { describe, expect, it } from 'vitest'

import { loadSerializedIndex, serializeIndex } from '../src/engine/persist'
import type { SearchDocument } from '../src/engine/document'
import { createSearchIndex } from '../src/engine/search-index'

// Two FAQs whose question says nothing of the query; one answer names 粗大ごみ four times over its
// length, the other once in passing. Passages alone (each word once per 160 characters) can't tell.
const filler = 'この窓口では市民の皆さまからのご相談を平日の午前九時から午後五時まで受け付けています。'
const DOCS: SearchDocument[] = [
  {
    id: 'once',
    kind: 'faq',
    question: '家庭から出るものの出し方',
    body: `${filler}粗大ごみについても同じ窓口です。${filler}`,
  },
  {
    id: 'often',
    kind: 'faq',
    question: '家庭から出るものの出し方',
    body: `粗大ごみは予約制です。${filler}粗大ごみの手数料は品目ごとです。粗大ごみは収集日の朝に出します。粗大ごみの受付は電話でも。`,
  },
]

const ids = (index: ReturnType<typeof createSearchIndex>, q: string) => index.search(q).map((h) => h.id)

describe('the whole-answer field with term counts (weights.body)', () => {
  it('ranks the answer that names the query words more often first, and only with the field on', () => {
    const on = createSearchIndex({ weights: { body: 0.6 } })
    const off = createSearchIndex({ weights: { body: 0 } })
    for (const d of DOCS) {
      on.add(d)
      off.add(d)
    }
    expect(ids(on, '粗大ごみ')[0]).toBe('often')
    // Without term counts the two score alike on the passages; the older record wins the tie.
    expect(ids(off, '粗大ごみ')[0]).toBe('once')
  })

  it('forgets a removed or replaced answer, and a restored index ranks as the fresh one', () => {
    const index = createSearchIndex({ weights: { body: 0.6 } })
    for (const d of DOCS) index.add(d)
    index.add({ ...DOCS[1]!, body: filler })
    expect(ids(index, '粗大ごみ')).toEqual(['once'])
    index.remove('once')
    expect(ids(index, '粗大ごみ')).toEqual([])
    const fresh = createSearchIndex({ weights: { body: 0.6 } })
    for (const d of DOCS) fresh.add(d)
    const restored = loadSerializedIndex(serializeIndex(fresh))
    expect(restored.search('粗大ごみ').map((h) => [h.id, h.score])).toEqual(
      fresh.search('粗大ごみ').map((h) => [h.id, h.score]),
    )
  })
})
