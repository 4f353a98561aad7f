import { loadValidContent } from '@kotae/content'
import { describe, expect, it } from 'vitest'

import { EVAL_DIR } from '../src/cli/content-index'
import { askedBeforeOf, IN_SCOPE_TUNING } from '../src/cli/tuning-sets'
import { ASKED_BEFORE } from '../src/engine/asked-before'
import { faqToDocument } from '../src/engine/document'
import { loadSerializedIndex, serializeIndex } from '../src/engine/persist'
import { createSearchIndex } from '../src/engine/search-index'

/**
 * The "asked before" channel (decision 0048): each FAQ's earlier phrasings, learned from the
 * labeled tuning questions, reach every index through the one document conversion and are matched
 * as queries are analyzed.
 */
describe('asked before', () => {
  const faq = { id: 'hours', question: 'コールセンターの受付時間は？', answer: '平日の9時から17時までです。' }

  it('the conversion gives a FAQ its phrasings from the list, and none to a FAQ the list does not name', () => {
    const list = { hours: ['何時まで開いとるん'], gone: ['消えた FAQ の聞き方'] }
    for (const audience of ['public', 'operator'] as const) {
      expect(faqToDocument(faq, { audience, askedBefore: list })?.askedBefore).toEqual(['何時まで開いとるん'])
      expect(faqToDocument({ ...faq, id: 'other' }, { audience, askedBefore: list })).not.toHaveProperty(
        'askedBefore',
      )
    }
    // An id is looked up as the list's own key, never through the object's prototype.
    expect(
      faqToDocument({ ...faq, id: 'constructor' }, { audience: 'public', askedBefore: list }),
    ).not.toHaveProperty('askedBefore')
  })

  it('a phrasing is analyzed as a query: a dialect phrasing meets the same question in standard words', () => {
    const index = createSearchIndex({ weights: { askedBefore: 4 } })
    index.add({
      id: 'hours',
      kind: 'faq',
      question: '窓口の受付時間',
      askedBefore: ['窓口は何時まで開いとるん'],
    })
    index.add({ id: 'place', kind: 'faq', question: '窓口の場所', body: '市役所の1階です。' })
    const hit = index.search('窓口は何時まで開いてる？')[0]
    expect(hit?.id).toBe('hours')
    expect(hit?.explanation.fields.map((f) => f.field)).toContain('askedBefore')
    expect(hit?.explanation.reasons.join(' ')).toContain('よくある聞き方')
  })

  it('re-ranks what the content holds but makes no result of its own (small talk finds nothing)', () => {
    const index = createSearchIndex({ weights: { askedBefore: 4 } })
    index.add({
      id: 'how-long',
      kind: 'faq',
      question: '申請からカードができるまでの期間',
      askedBefore: ['今日申し込んだらいつ届く'],
    })
    expect(index.search('今日は寒いですね')).toEqual([])
    expect(index.search('カードはいつ届く')[0]?.id).toBe('how-long')
  })

  it('weight 0 leaves the field out; a restored index searches the same', () => {
    const docs = [
      {
        id: 'hours',
        kind: 'faq' as const,
        question: '窓口の受付時間',
        askedBefore: ['窓口は何時まで開いとるん'],
      },
      { id: 'place', kind: 'faq' as const, question: '窓口の場所はどこ' },
    ]
    const query = '窓口は何時まで開いてる'
    const off = createSearchIndex({ weights: { askedBefore: 0 } })
    const on = createSearchIndex()
    for (const d of docs) {
      off.add(d)
      on.add(d)
    }
    expect(off.search(query).flatMap((h) => h.explanation.fields.map((f) => f.field))).not.toContain(
      'askedBefore',
    )
    expect(on.search(query)[0]?.id).toBe('hours')
    expect(on.search(query)[0]!.score).toBeGreaterThan(
      off.search(query).find((h) => h.id === 'hours')?.score ?? 0,
    )
    const restored = loadSerializedIndex(serializeIndex(on))
    expect(restored.search(query).map((h) => [h.id, h.score])).toEqual(
      on.search(query).map((h) => [h.id, h.score]),
    )
    // Removing works on both, though a saved index keeps the phrasings' tokens and not their text.
    expect(restored.get('hours')).not.toHaveProperty('askedBefore')
    for (const index of [on, restored]) {
      expect(index.remove('hours')).toBe(true)
      expect(index.search(query).map((h) => h.id)).not.toContain('hours')
      index.add(docs[0]!)
      expect(index.search(query)[0]?.id).toBe('hours')
    }
  })

  it('the generated list is what train:asked-before writes from the tuning data now, and names only FAQs', async () => {
    expect(ASKED_BEFORE).toEqual(askedBeforeOf(IN_SCOPE_TUNING, EVAL_DIR))
    const ids = new Set((await loadValidContent()).faqs.map((f) => f.id))
    expect(Object.keys(ASKED_BEFORE).filter((id) => !ids.has(id))).toEqual([])
  })

  it('leaving a set out drops its questions and only them', () => {
    const all = askedBeforeOf(IN_SCOPE_TUNING, EVAL_DIR)
    const without = askedBeforeOf(IN_SCOPE_TUNING, EVAL_DIR, ['colloquial3.jsonl'])
    const count = (l: Record<string, string[]>) => Object.values(l).reduce((n, p) => n + p.length, 0)
    expect(count(without)).toBeLessThan(count(all))
    for (const [id, phrasings] of Object.entries(without))
      for (const p of phrasings) expect(all[id], id).toContain(p)
  })
})
