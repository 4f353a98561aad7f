import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Role } from '../src/access/roles'
import { createReferences, createRoleUsers, faqData, startPayload, type TestUser } from './helpers'
import { lexical } from './setup/lexical'

let payload: Payload
let users: Record<Role, TestUser>
let refs: { category: number | string; source: number | string }
let faqA: number | string
let faqB: number | string

beforeAll(async () => {
  payload = await startPayload()
  users = await createRoleUsers(payload)
  refs = await createReferences(payload)
  faqA = (
    await payload.create({
      collection: 'faqs',
      data: { ...faqData(refs, { slug: 'call-a' }), _status: 'published' } as never,
    })
  ).id
  faqB = (
    await payload.create({
      collection: 'faqs',
      data: {
        ...faqData(refs, { slug: 'call-b', question: '暗証番号を忘れました' }),
        _status: 'published',
      } as never,
    })
  ).id
})
afterAll(async () => {
  await payload?.destroy()
})

const as = (user: TestUser | undefined) => ({ overrideAccess: false, user, depth: 0 }) as const
const call = (overrides: Record<string, unknown> = {}) => ({
  talkStartedAt: '2026-11-24T01:00:00.000Z',
  talkEndedAt: '2026-11-24T01:03:10.000Z',
  afterCallWorkSeconds: 95,
  channel: 'direct',
  callerType: 'self',
  category: refs.category,
  faqsUsed: [faqB, faqA],
  summary: '電子証明書の期限について。期限の確認方法を案内した。',
  outcome: 'resolved',
  ...overrides,
})

describe('inquiry log (問い合わせ記録簿)', () => {
  it('a text field given an object or a list is a field error (400), not a database error (500)', async () => {
    const before = (await payload.count({ collection: 'calls' })).totalDocs
    await expect(
      payload.create({
        collection: 'calls',
        data: call({ summary: { text: 'x' } }) as never,
        ...as(users.operator),
      }),
    ).rejects.toMatchObject({ status: 400, data: { errors: [{ path: 'summary' }] } })
    await expect(
      payload.create({ collection: 'calls', data: call({ summary: ['x'] }) as never, ...as(users.operator) }),
    ).rejects.toMatchObject({ status: 400 })
    await expect(
      payload.create({
        collection: 'calls',
        data: call({ outcome: 'callback', callback: { name: ['山田'], phone: '090-0000-0000' } }) as never,
        ...as(users.operator),
      }),
    ).rejects.toMatchObject({ status: 400, data: { errors: [{ path: 'callback.name' }] } })
    await expect(
      payload.create({
        collection: 'escalations',
        data: { summary: { a: 1 }, urgency: 'high' } as never,
        ...as(users.operator),
      }),
    ).rejects.toMatchObject({ status: 400 })
    expect((await payload.count({ collection: 'calls' })).totalDocs).toBe(before)
  })

  it('a PIN, a password and a misheard My Number are never stored; a public number the city gives out stays readable', async () => {
    await payload.updateGlobal({
      slug: 'city-profile',
      data: {
        name: '東広島市',
        nameEn: 'Higashihiroshima City',
        localGovernmentCode: '000000',
        phones: [
          { label: 'マイナンバー総合フリーダイヤル', number: '0120-95-0178' },
          { label: '仮の番号', number: '0000-00-0000', placeholder: true },
        ],
      } as never,
    })
    const saved = await payload.create({
      collection: 'calls',
      data: call({
        summary:
          '暗証番号は4桁で1234にしたとのこと。パスワードはabc12345。マイナンバーは123456789019。国のフリーダイヤル0120-95-0178を案内。折り返しは090-1234-5678。',
        queries: ['暗証番号 いちにいさんよん 忘れた'],
      }) as never,
      ...as(users.operator),
    })
    for (const secret of ['1234に', 'abc12345', '123456789019', '090-1234-5678', 'いちにいさんよん'])
      expect(saved.summary + saved.queries!.join()).not.toContain(secret)
    expect(saved.summary).toContain('［暗証番号］')
    expect(saved.summary).toContain('0120-95-0178')
  })

  it('numbers and addresses the knowledge base publishes stay readable; unpublished ones and the caller’s are masked', async () => {
    await payload.updateGlobal({
      slug: 'city-profile',
      data: {
        name: '東広島市',
        nameEn: 'Higashihiroshima City',
        localGovernmentCode: '000000',
        phones: [{ label: '市民課', number: '082-420-0925' }],
        counters: [
          { name: '市民課', address: '〒739-8601 東広島市西条栄町8番29号' },
          { name: '出張所', address: '東広島市八本松町1丁目2番3号', placeholder: true },
        ],
      } as never,
    })
    // A published FAQ gives out a number; a draft and an operator note do not publish theirs.
    await payload.create({
      collection: 'faqs',
      data: {
        ...faqData(refs, { slug: 'call-en', answer: lexical('英語は0120-0178-27です。') }),
        _status: 'published',
      } as never,
    })
    await payload.create({
      collection: 'faqs',
      data: {
        ...faqData(refs, { slug: 'call-draft', answer: lexical('下書きの番号 0570-064-738') }),
        _status: 'draft',
      } as never,
    })
    await payload.create({
      collection: 'faqs',
      data: {
        ...faqData(refs, { slug: 'call-note', operatorNotes: '内部メモ 0120-601-785' }),
        _status: 'published',
      } as never,
    })
    const saved = await payload.create({
      collection: 'calls',
      data: call({
        summary:
          '英語窓口0120-0178-27と市民課082-420-0925を案内、郵送先は〒739-8601 西条栄町8-29。0570-064-738と0120-601-785は未公開。本人は〒739-0036 東広島市西条町助実1108-2、八本松町1丁目2番3号。',
      }) as never,
      ...as(users.operator),
    })
    for (const kept of ['0120-0178-27', '082-420-0925', '〒739-8601', '西条栄町8-29'])
      expect(saved.summary, kept).toContain(kept)
    for (const masked of ['0570-064-738', '0120-601-785', '739-0036', '1108-2', '1丁目2番3号'])
      expect(saved.summary, masked).not.toContain(masked)
  })

  it('an operator logs a call: FAQs keep their order, the operator is the signed-in user, personal data is masked', async () => {
    const saved = await payload.create({
      collection: 'calls',
      data: call({
        summary: '山田太郎様（090-1234-5678）から更新の問い合わせ。',
        operator: users.supervisor.id,
      }) as never,
      ...as(users.operator),
    })
    expect(saved.faqsUsed).toEqual([faqB, faqA])
    expect(saved.operator).toBe(users.operator.id)
    expect(saved.summary).not.toContain('090-1234-5678')
    expect(saved.summary).not.toContain('山田太郎')
  })

  it('FAQ usage counts are derived from the calls that used each FAQ', async () => {
    const before = (await payload.findByID({ collection: 'faqs', id: faqA, ...as(users.supervisor) }))
      .usageCount as number
    await payload.create({
      collection: 'calls',
      data: call({ faqsUsed: [faqA] }) as never,
      ...as(users.operator),
    })
    await payload.create({
      collection: 'calls',
      data: call({ faqsUsed: [faqA, faqB] }) as never,
      ...as(users.operator),
    })
    expect(
      (await payload.findByID({ collection: 'faqs', id: faqA, ...as(users.supervisor) })).usageCount,
    ).toBe(before + 2)
    const publicView = await payload.findByID({ collection: 'faqs', id: faqA, ...as(undefined) })
    expect(publicView).not.toHaveProperty('usageCount')
  })

  it('callback contact details are stored but hidden from operators and city viewers', async () => {
    const saved = await payload.create({
      collection: 'calls',
      data: call({
        outcome: 'callback',
        callback: { name: '佐藤花子', phone: '082-420-0000', preferredTime: '午後' },
      }) as never,
      ...as(users.operator),
    })
    expect(saved).not.toHaveProperty('callback.phone')
    const operatorView = await payload.findByID({ collection: 'calls', id: saved.id, ...as(users.operator) })
    expect(JSON.stringify(operatorView)).not.toContain('082-420-0000')
    const supervisorView = await payload.findByID({
      collection: 'calls',
      id: saved.id,
      ...as(users.supervisor),
    })
    expect(supervisorView.callback?.phone).toBe('082-420-0000')
    await expect(
      payload.findByID({ collection: 'calls', id: saved.id, ...as(users.cityViewer) }),
    ).rejects.toMatchObject({ status: 403 })
  })

  it('an operator reads only their own calls; a supervisor reads all', async () => {
    const other = await payload.create({
      collection: 'users',
      data: { email: 'op2@example.test', password: 'second operator pass', roles: ['operator'] },
    })
    await payload.create({
      collection: 'calls',
      data: call() as never,
      ...as({ id: other.id, email: other.email, roles: ['operator'], collection: 'users' }),
    })
    const mine = await payload.find({ collection: 'calls', ...as(users.operator), limit: 100 })
    expect(mine.docs.every((c) => c.operator === users.operator.id)).toBe(true)
    const all = await payload.find({ collection: 'calls', ...as(users.supervisor), limit: 100 })
    expect(all.docs.some((c) => c.operator === other.id)).toBe(true)
  })

  it('bad input stores nothing: end before start, an unknown FAQ, a 1 MB summary', async () => {
    const count = async () => (await payload.count({ collection: 'calls' })).totalDocs
    const before = await count()
    await expect(
      payload.create({
        collection: 'calls',
        data: call({ talkEndedAt: '2026-11-24T00:59:00.000Z' }) as never,
        ...as(users.operator),
      }),
    ).rejects.toMatchObject({
      data: { errors: [expect.objectContaining({ path: 'talkEndedAt' })] },
    })
    await expect(
      payload.create({
        collection: 'calls',
        data: call({ faqsUsed: [987654] }) as never,
        ...as(users.operator),
      }),
    ).rejects.toMatchObject({
      data: { errors: [expect.objectContaining({ path: 'faqsUsed' })] },
    })
    await expect(
      payload.create({
        collection: 'calls',
        data: call({ summary: 'あ'.repeat(1_000_000) }) as never,
        ...as(users.operator),
      }),
    ).rejects.toMatchObject({
      data: { errors: [expect.objectContaining({ path: 'summary' })] },
    })
    expect(await count()).toBe(before)
  })

  it('a double-clicked save stores one call', async () => {
    const data = call({ clientRequestId: 'desk-7f3a2c' }) as never
    const results = await Promise.allSettled([
      payload.create({ collection: 'calls', data, ...as(users.operator) }),
      payload.create({ collection: 'calls', data, ...as(users.operator) }),
    ])
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    expect(
      (await payload.count({ collection: 'calls', where: { clientRequestId: { equals: 'desk-7f3a2c' } } }))
        .totalDocs,
    ).toBe(1)
  })
})
