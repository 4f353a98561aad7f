import { loadValidContent, RETENTION_DEFAULTS, CALL_CENTER_DEFAULTS } from '@kotae/content'
import { describe, expect, it } from 'vitest'

import { toPublicData } from '../src/data'
import { faq } from './faq'

const bundle = {
  faqs: [
    faq({ id: 'pub', related: ['op', 'draft', 'pub2'], operatorNotes: 'SECRET-NOTE 内部メモ' }),
    faq({ id: 'pub2', easy: 'EASY-TEXT やさしい日本語の答えです。' }),
    faq({ id: 'op', audience: 'operator', question: 'OPERATOR-ONLY 質問' }),
    faq({ id: 'draft', status: 'draft', question: 'DRAFT 質問' }),
    faq({ id: 'pub-en', locale: 'en', translationOf: 'pub', question: 'English question?' }),
  ],
  guides: [],
  sources: [
    { id: 's1', title: 'T', publisher: 'P', url: 'https://example.test/', checkedAt: '2026-11-24' },
    { id: 's2', title: 'T2', publisher: 'P', url: 'https://example.test/2', checkedAt: '2026-10-01' },
  ],
  categories: [
    { id: 'cat', name: 'カテゴリ', nameEn: 'Category', order: 1 },
    { id: 'empty', name: '空', nameEn: 'Empty', order: 2 },
  ],
  synonyms: [{ terms: ['マイナ', 'マイナンバーカード'] }],
  city: {
    name: '市',
    nameEn: 'City',
    localGovernmentCode: '000000',
    phones: [
      { label: '本物', number: '082-420-0925', placeholder: false },
      { label: '仮', number: '0000-00-0000', placeholder: true },
    ],
    counters: [
      { name: '市民課', address: '東広島市西条栄町8番29号', placeholder: false },
      { name: '出張所', address: '要確認（所在地を市に確認して入力）', placeholder: true },
    ],
    hours: [
      { label: '平日', weekdays: [1, 2, 3, 4, 5], opens: '08:30', closes: '17:15', closedOnHolidays: true },
    ],
    yearEndClosure: { from: '12-29', to: '01-03' },
    closedDates: [],
    retentionMonths: RETENTION_DEFAULTS,
    callCenter: CALL_CENTER_DEFAULTS,
    notices: [
      { title: 'old', body: 'expired', until: '2026-01-01' },
      { title: 'current', body: 'still on', until: '2026-12-31' },
      { title: 'always', body: 'no end' },
    ],
  },
}

describe('toPublicData', () => {
  const data = toPublicData(bundle, '2026-11-24', ['op', 'pub'])
  const json = JSON.stringify(data)

  it('never carries operator-only FAQs, drafts or operator notes — in pages or search data', () => {
    expect(data.faqs.map((f) => f.id)).toEqual(['pub', 'pub2'])
    expect(json).not.toContain('SECRET-NOTE')
    expect(json).not.toContain('OPERATOR-ONLY')
    expect(json).not.toContain('DRAFT')
    expect(json).not.toContain('operatorNotes')
    expect(data.search.documents.map((d) => d.id)).toEqual(['pub', 'pub2', 'pub-en'])
  })

  it('search documents link to their page below the language root; a translation to its original’s', () => {
    expect(data.search.documents.map((d) => [d.id, d.locale, d.url])).toEqual([
      ['pub', 'ja', 'faq/pub/'],
      ['pub2', 'ja', 'faq/pub2/'],
      ['pub-en', 'en', 'faq/pub/'],
    ])
  })

  it('carries a Japanese FAQ’s やさしい日本語 version to its page, and never into the search data', () => {
    expect(data.faqs.find((f) => f.id === 'pub2')?.easy).toBe('EASY-TEXT やさしい日本語の答えです。')
    expect(data.faqs.find((f) => f.id === 'pub')?.easy).toBeUndefined()
    expect(JSON.stringify(data.search)).not.toContain('EASY-TEXT')
  })

  it('drops related and popular ids that are not public', () => {
    expect(data.faqs[0]?.related).toEqual(['pub2'])
    expect(data.popular).toEqual(['pub'])
  })

  it('keeps English translations under the Japanese id', () => {
    expect(data.translations.pub?.question).toBe('English question?')
  })

  it('leaves out placeholder phone numbers, expired notices and empty categories', () => {
    expect(data.city.phones.map((p) => p.number)).toEqual(['082-420-0925'])
    expect(data.city.notices.map((n) => n.title)).toEqual(['current', 'always'])
    expect(data.categories.map((c) => c.id)).toEqual(['cat'])
  })

  it('names a counter whose address is a placeholder (要確認) without the address', () => {
    expect(data.city.counters).toEqual([
      { name: '市民課', address: '東広島市西条栄町8番29号' },
      { name: '出張所' },
    ])
    expect(json).not.toContain('要確認')
  })

  it('the real city profile: no 要確認 or placeholder reaches the public data', async () => {
    const content = await loadValidContent()
    expect(content.city.counters.filter((c) => c.placeholder).length).toBeGreaterThan(0)
    const pub = JSON.stringify(toPublicData(content, '2026-11-24'))
    expect(pub).not.toContain('要確認')
    for (const c of content.city.counters.filter((x) => x.placeholder)) expect(pub).not.toContain(c.address)
    for (const p of content.city.phones.filter((x) => x.placeholder)) expect(pub).not.toContain(p.number)
  })

  it('last reviewed is the latest checked date of the sources', () => {
    const d = toPublicData({ ...bundle, faqs: [faq({ sources: ['s2', 's1'] })] }, '2026-11-24')
    expect(d.faqs[0]?.reviewedAt).toBe('2026-11-24')
  })
})

describe('the real corpus', () => {
  it('has public FAQs in every category and no unknown ids in related lists', async () => {
    const data = toPublicData(await loadValidContent(), '2026-11-24')
    expect(data.faqs.length).toBeGreaterThan(100)
    const ids = new Set(data.faqs.map((f) => f.id))
    for (const f of data.faqs) for (const r of f.related) expect(ids.has(r)).toBe(true)
    for (const c of data.categories) expect(data.faqs.some((f) => f.category === c.id)).toBe(true)
    expect(data.city.phones.every((p) => !/^0000/.test(p.number))).toBe(true)
    expect(data.popular.length).toBeGreaterThanOrEqual(6)
  })
})
