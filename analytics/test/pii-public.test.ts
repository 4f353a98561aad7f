import { loadValidContent } from '@kotae/content'
import { describe, expect, it } from 'vitest'

import { contentAllowList, maskPii, publicAllowList } from '../src/pii'

const CITY_HALL = '〒739-8601 東広島市西条栄町8番29号'

describe('publicAllowList: what the knowledge base publishes, found with the masker’s own detectors', () => {
  it('reads every text of the city profile and the published entries, in any nesting', () => {
    const list = publicAllowList({
      city: {
        phones: [{ label: '市民課', number: '082-420-0925' }],
        counters: [{ name: '市民課', address: CITY_HALL }],
      },
      faqs: [
        {
          question: '英語の窓口は？',
          answer: '英語は **0120-0178-27** へ（有料の0570-064-738も）。',
          bring: [{ item: 'なし' }],
        },
      ],
      guides: [{ steps: [{ title: '電話', detail: '海外からは +81-3-6734-0170' }] }],
    })
    expect(list.keepPhones).toEqual(['0120017827', '0367340170', '0570064738', '0824200925'])
    expect(list.keepAddresses).toContain('東広島市西条栄町8番29号')
    expect(list.keepAddresses).toContain('〒739-8601')
  })

  it('leaves out placeholders, drafts and operator notes', () => {
    const list = publicAllowList({
      city: {
        phones: [
          { number: '0000-00-0000', placeholder: true },
          { number: '082-111-2222', placeholder: true },
        ],
        counters: [{ address: '東広島市八本松町1丁目2番3号', placeholder: true }],
      },
      faqs: [
        { answer: '下書き 0570-111-222', status: 'draft' },
        { answer: '下書き 0570-111-333', _status: 'draft' },
        { answer: '公開', operatorNotes: '内部 0120-111-222' },
      ],
    })
    expect(list).toEqual({ keepPhones: [], keepAddresses: [] })
  })

  it('over the content files holds the city profile’s numbers and the numbers the FAQs give out', async () => {
    const content = await loadValidContent()
    const list = contentAllowList(content)
    for (const p of content.city.phones.filter((p) => !p.placeholder))
      expect(list.keepPhones, p.number).toContain(p.number.replace(/\D/g, ''))
    for (const p of ['0120017826', '0120017827', '0570064738', '0120601785', '05038181250'])
      expect(list.keepPhones).toContain(p)
    expect(list.keepPhones.some((p) => p.startsWith('00'))).toBe(false) // the placeholder 0000-00-0000
    expect(list.keepAddresses).toContain('東広島市西条栄町8番29号')
  })
})

describe('keepAddresses: a published address stays however it is written, any other is masked', () => {
  const keep = { keepAddresses: [CITY_HALL] }
  const masked = (text: string) => maskPii(text, keep).text

  it.each([
    '〒739-8601 東広島市西条栄町8番29号 本館1階',
    '市役所（西条栄町8番29号）',
    'カーナビに東広島市西条栄町8-29と入れる',
    '〒７３９－８６０１で届く',
    '広島県東広島市西条栄町８番２９号',
  ])('keeps %s', (text) => expect(masked(text)).toBe(text))

  it('masks another block, a room at the same block, another place and another postal code', () => {
    expect(masked('東広島市西条栄町8番30号')).toBe('［住所］')
    expect(masked('西条栄町8-29-302')).toBe('［住所］')
    expect(masked('東広島市西条中央8番29号')).toBe('［住所］')
    expect(masked('〒739-0036 東広島市西条町助実1108-2')).toBe('［郵便番号］ ［住所］')
  })

  it('masks the city hall’s address when no allow-list is given', () => {
    expect(maskPii(CITY_HALL).text).toBe('［郵便番号］ ［住所］')
  })
})
