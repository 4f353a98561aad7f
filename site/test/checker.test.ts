import { loadValidContent } from '@kotae/content'
import { beforeAll, describe, expect, it } from 'vitest'

import { toPublicData } from '../src/data'
import { asksNotice, checkerGuides, checkList, noticeKind, type CheckerGuide } from '../src/lib/checker'

let guides: CheckerGuide[]
const names = (r: ReturnType<typeof checkList>) => (r.kind === 'list' ? r.items.map((i) => i.item) : r.kind)

beforeAll(async () => {
  guides = checkerGuides(toPublicData(await loadValidContent(), '2026-11-24').guides)
})

describe('the checker on the real guides', () => {
  it('offers every procedure that has a guide with things to bring', () => {
    expect(guides.map((g) => g.procedure).sort()).toEqual(
      [
        'application',
        'card-renewal',
        'certificate-renewal',
        'health-insurance',
        'lost-card',
        'moving',
        'pickup',
        'pin-reset',
      ].sort(),
    )
  })

  it('a proxy renewing a certificate with the notice letter brings the three documents', () => {
    const r = checkList(guides, { procedure: 'certificate-renewal', who: 'proxy', hasNotice: true })
    expect(names(r)).toEqual([
      'ご本人のマイナンバーカード',
      '照会書兼回答書（ご本人が記入し封をしたもの）',
      '代理人の本人確認書類',
    ])
    expect(r.kind === 'list' && r.missing).toEqual([])
    expect(r.kind === 'list' && r.guide.where).toContain('市民課')
  })

  it('a proxy without the notice letter is told the 照会書兼回答書 is missing, not given a shorter list as if complete', () => {
    const r = checkList(guides, { procedure: 'certificate-renewal', who: 'proxy', hasNotice: false })
    expect(names(r)).toEqual(['ご本人のマイナンバーカード', '代理人の本人確認書類'])
    expect(r.kind === 'list' && r.missing.map((i) => i.item)).toEqual([
      '照会書兼回答書（ご本人が記入し封をしたもの）',
    ])
  })

  it('the holder renewing a certificate needs only the card; the notice is optional', () => {
    expect(
      names(checkList(guides, { procedure: 'certificate-renewal', who: 'self', hasNotice: true })),
    ).toEqual(['マイナンバーカード', '有効期限通知書'])
    const without = checkList(guides, { procedure: 'certificate-renewal', who: 'self', hasNotice: false })
    expect(names(without)).toEqual(['マイナンバーカード'])
    expect(without.kind === 'list' && without.missing).toEqual([])
  })

  it('a parent renewing a child’s certificate is not asked about the notice letter', () => {
    const g = guides.find((x) => x.procedure === 'certificate-renewal')!
    expect(asksNotice(g, 'child')).toBe(false)
    const r = checkList(guides, { procedure: 'certificate-renewal', who: 'child', hasNotice: false })
    expect(names(r)).toEqual(['お子さまのマイナンバーカード', '法定代理人の本人確認書類', '代理権を示す書類'])
    expect(r.kind === 'list' && r.noticeAsked).toBe(false)
  })

  it('card renewal: the notice asked about is the expiry notice, so the pickup postcard stays on the list', () => {
    expect(noticeKind('card-renewal')).toBe('expiry')
    const r = checkList(guides, { procedure: 'card-renewal', who: 'self', hasNotice: false })
    expect(names(r)).toEqual(['交付通知書（はがき）', '本人確認書類', '今のマイナンバーカード'])
    expect(r.kind === 'list' && r.missing).toEqual([])
  })

  it('pickup without the postcard lists it as missing', () => {
    const r = checkList(guides, { procedure: 'pickup', who: 'self', hasNotice: false })
    expect(r.kind === 'list' && r.missing.map((i) => i.item)).toEqual(['交付通知書（はがき）'])
    expect(names(r)).toContain('本人確認書類（A書類1点、またはA書類がなければB書類2点）')
  })

  it('pickup by a proxy with the postcard gives the proxy list, notes and optional flags kept', () => {
    const r = checkList(guides, { procedure: 'pickup', who: 'proxy', hasNotice: true })
    expect(r.kind).toBe('list')
    if (r.kind !== 'list') return
    expect(r.items).toHaveLength(4)
    expect(r.items[0]?.item).toContain('交付通知書')
    expect(r.items.at(-1)).toMatchObject({ item: '来庁が難しいことを証明する書類', optional: true })
  })

  it('procedures without a notice letter never ask about it', () => {
    for (const g of guides.filter((x) => !noticeKind(x.procedure)))
      for (const b of g.bring) expect(asksNotice(g, b.case), `${g.id} ${b.case}`).toBe(false)
    expect(names(checkList(guides, { procedure: 'lost-card', who: 'self', hasNotice: false }))).toEqual([
      '本人確認書類（運転免許証など）',
      '遺失届の受理番号',
      '手数料 1,000円',
    ])
  })

  it('a case the guide does not cover says so instead of guessing', () => {
    expect(checkList(guides, { procedure: 'application', who: 'proxy', hasNotice: true })).toMatchObject({
      kind: 'no-case',
    })
    expect(checkList(guides, { procedure: 'other', who: 'self', hasNotice: true })).toEqual({
      kind: 'no-guide',
    })
  })
})

describe('the checker on a made-up guide', () => {
  const g: CheckerGuide = {
    id: 'g',
    title: 't',
    procedure: 'pickup',
    where: 'w',
    when: 'n',
    related: [],
    bring: [
      {
        case: 'self',
        items: [
          { item: 'A', optional: false },
          { item: 'B', optional: false, cases: ['proxy'] },
          { item: '交付通知書', optional: true },
        ],
      },
    ],
  }
  it('an item restricted to other cases is left out, and an optional notice is dropped without a warning', () => {
    expect(names(checkList([g], { procedure: 'pickup', who: 'self', hasNotice: true }))).toEqual([
      'A',
      '交付通知書',
    ])
    const r = checkList([g], { procedure: 'pickup', who: 'self', hasNotice: false })
    expect(names(r)).toEqual(['A'])
    expect(r.kind === 'list' && r.missing).toEqual([])
  })
})
