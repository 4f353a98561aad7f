/**
 * The FAQ CSV round trip with the drafts editors really leave behind (issue #21): an empty draft, a
 * blank 言い換え row, an answer cut short. Export writes them and says which rows are incomplete;
 * import takes an incomplete 下書き row as a draft, writes only the rows that changed, as the person
 * who ran it; formula-looking text is stored as text and defused in every export.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { faqCsvText, readFaqCsv, type CityIdentity, type FaqCsvRecord } from '@kotae/content/csv/index'

import { cityIdentity, exportFaqCsv, readFaqRecords } from '../scripts/export-csv'
import type { Faq } from '../src/payload-types'
import { createReferences, createRoleUsers, faqData, startPayload, type TestUser } from './helpers'
import type { Role } from '../src/access/roles'

let payload: Payload
let city: CityIdentity
let users: Record<Role, TestUser>
let refs: { category: number | string; source: number | string }

beforeAll(async () => {
  payload = await startPayload()
  users = await createRoleUsers(payload)
  refs = await createReferences(payload)
  city = await cityIdentity()
  // Complete, published entries beside the drafts.
  for (let i = 1; i <= 3; i++) {
    await payload.create({ collection: 'faqs', data: { ...faqData(refs, { slug: `complete-${i}`, question: `完成した質問${i}ですか？` }), _status: 'published' } as never })
  }
  // Drafts as the system (seed, an old admin) left them: no title at all, and a blank 言い換え row.
  await payload.create({ collection: 'faqs', data: { slug: 'empty-draft', _status: 'draft' } as never, draft: true })
  await payload.create({
    collection: 'faqs',
    data: { slug: 'blank-alternative', question: '言い換えが空の下書きですか？', alternatives: [{ text: '' }, { text: null }, { text: 'いいかえ' }], _status: 'draft' } as never,
    draft: true,
  })
})
afterAll(async () => {
  await payload?.destroy()
})

const rowsById = (bytes: Uint8Array) => new Map(readFaqCsv(bytes, { city }).rows.map((r) => [r.id, r]))

describe('CSV export with incomplete drafts', () => {
  it('writes every FAQ, the incomplete drafts too, and names the incomplete rows', async () => {
    const { bytes, count, incomplete } = await exportFaqCsv(payload, { city })
    expect(count).toBe(5)
    const read = readFaqCsv(bytes, { city })
    expect(read.problems).toEqual([])
    const rows = rowsById(bytes)
    expect(rows.get('empty-draft')).toMatchObject({ question: '', shortAnswer: '', answer: '', category: '', sources: [], reviewBy: '', status: 'draft', alternatives: [] })
    expect(rows.get('blank-alternative')).toMatchObject({ question: '言い換えが空の下書きですか？', alternatives: ['いいかえ'], status: 'draft' })
    expect(incomplete.map((i) => i.id).sort()).toEqual(['blank-alternative', 'empty-draft'])
    expect(incomplete.find((i) => i.id === 'empty-draft')!.columns).toEqual(['質問', '短い回答', '回答', 'カテゴリ', '出典', '確認期限'])
  })
})
