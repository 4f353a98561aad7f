import { loadValidContent } from '@kotae/content'
import { describe, expect, it } from 'vitest'

import { faqToDocument, guideToDocument } from '../src/engine/document'
import { indexableFaqSchema, indexableGuideSchema, type IndexableGuide } from '../src/engine/indexable'
import { createSearchIndex } from '../src/engine/search-index'

/**
 * One document shape: the content files' entries are indexable inputs as they are, and the
 * converter applies the schema's defaults itself, so an input the CMS validated (defaults filled
 * in) and one it did not give the same document.
 */
describe('indexable inputs', async () => {
  const content = await loadValidContent()

  it('every content FAQ and guide fits the indexable schemas and gives the same document parsed or not', () => {
    for (const audience of ['public', 'operator'] as const) {
      for (const faq of content.faqs)
        expect(faqToDocument(indexableFaqSchema.parse(faq), { audience }), faq.id).toEqual(
          faqToDocument(faq, { audience }),
        )
      for (const guide of content.guides)
        expect(guideToDocument(indexableGuideSchema.parse(guide), { audience }), guide.id).toEqual(
          guideToDocument(guide, { audience }),
        )
    }
  })

  it('a minimal FAQ gets the defaults: public, published, Japanese, no alternatives or tags', () => {
    const minimal = { id: 'x', question: '質問ですか？' }
    expect(faqToDocument(minimal, { audience: 'public' })).toEqual(
      faqToDocument(indexableFaqSchema.parse(minimal), { audience: 'public' }),
    )
    expect(faqToDocument(minimal, { audience: 'public' })).toMatchObject({
      id: 'x',
      kind: 'faq',
      locale: 'ja',
      alternatives: [],
      tags: [],
      body: '',
      audience: 'public',
    })
  })

  it('rejects an entry without an id or a title', () => {
    expect(indexableFaqSchema.safeParse({ id: '', question: 'q' }).success).toBe(false)
    expect(indexableGuideSchema.safeParse({ id: 'g' }).success).toBe(false)
  })
})

describe('a guide document', () => {
  const guide: IndexableGuide = {
    id: 'guide-pickup',
    title: 'マイナンバーカードを受け取る',
    procedure: 'pickup',
    summary: '交付通知書が届いたら受け取りに来庁します。',
    body: '受け取りは原則ご本人です。',
    category: 'pickup',
    steps: [{ title: '来庁する', detail: '市民課の窓口に来てください。' }],
    bring: [
      { case: 'self', items: [{ item: '交付通知書（はがき）' }, { item: '本人確認書類', note: '原本のみ' }] },
      { case: 'proxy', items: [{ item: '委任状' }] },
    ],
    where: '市民課',
    when: '平日 8時30分～17時15分',
  }

  it('holds its introduction, steps, what to bring, where and when', () => {
    const doc = guideToDocument(guide, { audience: 'public' })!
    expect(doc.body).toBe(
      [
        '受け取りは原則ご本人です。',
        '1. 来庁する\n市民課の窓口に来てください。',
        '持ち物\nself: 交付通知書（はがき）、本人確認書類（原本のみ）\nproxy: 委任状',
        '場所\n市民課',
        '時間\n平日 8時30分～17時15分',
      ].join('\n\n'),
    )
    expect(doc).toMatchObject({
      kind: 'guide',
      question: guide.title,
      shortAnswer: guide.summary,
      tags: ['pickup'],
      category: 'pickup',
      audience: 'public',
    })
  })

  it('is findable by what to bring', () => {
    const index = createSearchIndex({ audience: 'public' })
    index.add(guideToDocument(guide, { audience: 'public' })!)
    expect(index.search('委任状', { limit: 3 }).map((h) => h.id)).toEqual(['guide-pickup'])
  })

  it('an operator-only guide has no public document; a draft has none', () => {
    expect(guideToDocument({ ...guide, audience: 'operator' }, { audience: 'public' })).toBeUndefined()
    expect(guideToDocument({ ...guide, audience: 'operator' }, { audience: 'operator' })?.audience).toBe(
      'operator',
    )
    expect(guideToDocument({ ...guide, status: 'draft' }, { audience: 'operator' })).toBeUndefined()
  })
})

describe('a document body', () => {
  it('is the same whatever blank lines the Markdown has (a content file vs the CMS rich text as Markdown)', () => {
    const file = 'カードは更新できます。\n\n## 手順\n1. 申請します。\n2. 受け取ります。  \n'
    const cms = 'カードは更新できます。\n\n## 手順\n\n1. 申請します。\n2. 受け取ります。'
    const doc = (answer: string) =>
      faqToDocument({ id: 'x', question: '更新は？', answer }, { audience: 'public' })
    expect(doc(file)).toEqual(doc(cms))
    expect(doc(cms.replace(/\n/g, '\r\n'))).toEqual(doc(cms))
    expect(doc(file)?.body).toBe('カードは更新できます。\n## 手順\n1. 申請します。\n2. 受け取ります。')
  })
})
