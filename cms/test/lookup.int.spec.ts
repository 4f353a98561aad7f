import { loadValidContent } from '@kotae/content'
import { createLocalReq, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Role } from '../src/access/roles'
import type { LookupResponse } from '../src/desk/types'
import { lookupEndpoint } from '../src/search/lookupEndpoint'
import { getOperatorIndex, warmOperatorIndex } from '../src/search/operatorIndex'
import { seedContent } from '../src/seed/seedContent'
import { createRoleUsers, startPayload, type TestUser } from './helpers'

let payload: Payload
let users: Record<Role, TestUser>

beforeAll(async () => {
  payload = await startPayload()
  users = await createRoleUsers(payload)
  await seedContent(payload, await loadValidContent())
})
afterAll(async () => {
  await payload?.destroy()
})

async function lookup(
  q: string,
  user?: TestUser,
  params: Record<string, string> = {},
): Promise<{ status: number; body: LookupResponse }> {
  const req = await createLocalReq({ user: user ? ({ ...user } as never) : undefined }, payload)
  Object.assign(req, { searchParams: new URLSearchParams({ q, ...params }) })
  const res = await lookupEndpoint.handler(req)
  return { status: res.status, body: (await res.json()) as LookupResponse }
}

describe('GET /api/lookup', () => {
  it('finds the FAQ a caller half-says, with what to read aloud, sources and why it matched', async () => {
    const { status, body } = await lookup('マイナの暗証番号わすれた', users.operator)
    expect(status).toBe(200)
    const top3 = body.candidates.slice(0, 3).map((c) => c.id)
    expect(top3).toContain('faq:pin-forgot')
    const pin = body.candidates.find((c) => c.id === 'faq:pin-forgot')!
    expect(pin.shortAnswer.length).toBeGreaterThan(0)
    expect(pin.sources.length).toBeGreaterThan(0)
    // Why it matched, in Japanese for the operator (not the engine's developer summary).
    expect(pin.explanation).toMatch(/(質問文|言い換え例|回答の要約|回答本文)に「[^」]+」/u)
    expect(pin.explanation).not.toMatch(/question:|alternatives:|synonym:/u)
  })

  it('shows past calls to those who take or supervise calls, never to editors or reviewers', async () => {
    const pin = (
      await payload.find({
        collection: 'faqs',
        where: { slug: { equals: 'pin-forgot' } },
        limit: 1,
        depth: 0,
      })
    ).docs[0]!
    await payload.create({
      collection: 'calls',
      data: {
        talkStartedAt: '2026-11-24T01:00:00.000Z',
        talkEndedAt: '2026-11-24T01:03:00.000Z',
        channel: 'direct',
        callerType: 'self',
        faqsUsed: [pin.id],
        summary: '暗証番号の再設定を案内した。',
        outcome: 'resolved',
        operator: users.operator.id,
      } as never,
    })
    for (const who of ['operator', 'supervisor', 'admin'] as const)
      expect((await lookup('暗証番号 忘れた', users[who])).body.pastCalls.length, who).toBeGreaterThan(0)
    for (const who of ['editor', 'reviewer'] as const) {
      const { status, body } = await lookup('暗証番号 忘れた', users[who])
      expect(status).toBe(200)
      expect(body.candidates.length).toBeGreaterThan(0)
      expect(body.pastCalls, who).toEqual([])
    }
  })

  it('past calls and cards follow a new call, a deleted call and a renamed category at once', async () => {
    const [pin, pinReset] = await Promise.all(
      ['pin-forgot', 'pin-reset-convenience'].map(
        async (slug) =>
          (await payload.find({ collection: 'faqs', where: { slug: { equals: slug } }, limit: 1, depth: 0 }))
            .docs[0]!,
      ),
    )
    // Every card read at once, as `npm start`'s warm-up does; the lookup then keeps what it showed.
    await warmOperatorIndex(payload)
    const ask = async () => (await lookup('暗証番号 忘れた', users.operator)).body
    const first = await ask()
    expect(first.candidates.map((c) => c.id)).toContain('faq:pin-forgot')
    const call = await payload.create({
      collection: 'calls',
      data: {
        talkStartedAt: '2026-11-30T02:00:00.000Z',
        talkEndedAt: '2026-11-30T02:04:00.000Z',
        channel: 'direct',
        callerType: 'self',
        faqsUsed: [pin!.id, pinReset!.id],
        summary: 'コンビニでの再設定と窓口の両方を案内した。',
        outcome: 'resolved',
        operator: users.operator.id,
      } as never,
    })
    const latest = (await ask()).pastCalls[0]
    expect(latest?.id).toBe(call.id)
    // Each FAQ the call used is named, the one outside the top FAQs too.
    expect(latest?.faqsUsed.map((f) => f.question).sort()).toEqual([pin!.question, pinReset!.question].sort())
    await payload.delete({ collection: 'calls', id: call.id })
    expect((await ask()).pastCalls.map((c) => c.id)).not.toContain(call.id)

    const card = (body: LookupResponse) => body.candidates.find((c) => c.id === 'faq:pin-forgot')
    const categoryId = typeof pin!.category === 'object' ? pin!.category?.id : pin!.category
    const category = await payload.findByID({ collection: 'categories', id: categoryId!, depth: 0 })
    expect(card(await ask())?.category).toBe(category.name)
    await payload.update({ collection: 'categories', id: category.id, data: { name: 'ぴよぴよの手続き' } })
    try {
      expect(card(await ask())?.category).toBe('ぴよぴよの手続き')
    } finally {
      await payload.update({ collection: 'categories', id: category.id, data: { name: category.name } })
    }
  })

  it('is for staff only', async () => {
    expect((await lookup('暗証番号')).status).toBe(401)
    expect((await lookup('暗証番号', users.cityViewer)).status).toBe(403)
  })

  it('a published change is searchable right away; an unpublished one disappears', async () => {
    const [faq] = (
      await payload.find({ collection: 'faqs', where: { slug: { equals: 'pin-forgot' } }, limit: 1 })
    ).docs
    const ids = async (q: string) =>
      (await lookup(q, users.operator)).body.candidates.slice(0, 3).map((c) => c.id)
    expect(await ids('ぴよぴよ')).not.toContain('faq:pin-forgot')
    await payload.update({
      collection: 'faqs',
      id: faq!.id,
      data: {
        alternatives: [...(faq!.alternatives ?? []), { text: 'ぴよぴよ番号が出てこない' }],
        _status: 'published',
      } as never,
      overrideAccess: false,
      user: users.reviewer as never,
    })
    expect(await ids('ぴよぴよ')).toContain('faq:pin-forgot')
    // What the desk shows of it (cached per index) follows the next published change at once.
    const bringOf = async () =>
      (await lookup('ぴよぴよ', users.operator)).body.candidates
        .find((c) => c.id === 'faq:pin-forgot')
        ?.bring.map((b) => b.item)
    expect(await bringOf()).not.toContain('ぴよぴよ手帳')
    await payload.update({
      collection: 'faqs',
      id: faq!.id,
      data: { bring: [...(faq!.bring ?? []), { item: 'ぴよぴよ手帳' }], _status: 'published' } as never,
      overrideAccess: false,
      user: users.reviewer as never,
    })
    expect(await bringOf()).toContain('ぴよぴよ手帳')
    await payload.update({
      collection: 'faqs',
      id: faq!.id,
      data: { _status: 'draft' } as never,
      overrideAccess: true,
    })
    expect(await ids('ぴよぴよ')).not.toContain('faq:pin-forgot')
  })

  it('bad input gives an empty result or a clear error, never a crash', async () => {
    for (const q of [
      '',
      '🙂🙂',
      '<script>alert(1)</script>',
      "'; DROP TABLE faqs; --",
      '\u0000\u0007',
      'あ'.repeat(9_000),
    ]) {
      const { status } = await lookup(q, users.operator)
      expect(status, q.slice(0, 20)).toBe(200)
    }
    expect((await lookup('あ'.repeat(10_001), users.operator)).status).toBe(400)
  })
})

describe('GET /api/lookup: how sure, what to ask back, the chosen facet', () => {
  type Errors = { errors: { field: string; message: string }[] }
  /** The facets the operator index gives a candidate (its own override, else found in its question). */
  const whatOf = async (candidateId: string) =>
    (await getOperatorIndex(payload)).facetsOf(candidateId).what ?? []

  it('is sure of a question it answers, and unsure of one it does not', async () => {
    const pin = await lookup('マイナの暗証番号わすれた', users.operator)
    expect(pin.status).toBe(200)
    expect(pin.body.sure).toBe(true)
    expect(pin.body.confidence).toBeGreaterThan(0.5)
    expect(pin.body.candidates[0]?.title).toMatch(/暗証番号/u)

    const offTopic = await lookup('粗大ゴミの出し方を教えて', users.operator)
    expect(offTopic.status).toBe(200)
    expect(offTopic.body.sure).toBe(false)
    expect(offTopic.body.confidence).toBeLessThan(0.5)
    expect(offTopic.body.askBack).toBeUndefined()

    // An opener names no ask: however well its words match callers' stories, the list is uncertain.
    const opener = await lookup('マイナンバーカードのことで聞きたいことがあって', users.operator)
    expect(opener.status).toBe(200)
    expect([opener.body.sure, opener.body.confidence]).toEqual([false, 0])

    const empty = await lookup('', users.operator)
    expect([empty.body.sure, empty.body.confidence, empty.body.candidates]).toEqual([false, 0, []])
  })

  it('asks back when the first answers differ by one facet, and the chosen facet re-ranks', async () => {
    const open = await lookup('更新したい', users.operator)
    expect(open.body.askBack?.dimension).toBe('what')
    expect(open.body.askBack?.question).toMatch(/ご質問ですか/u)
    const values = open.body.askBack!.options.map((o) => o.value)
    expect(values).toEqual(expect.arrayContaining(['card', 'certificate']))
    expect(open.body.askBack!.options.find((o) => o.value === 'certificate')?.name).toBe('電子証明書')
    expect(open.body.facets).toEqual({})
    // Without a choice the card comes first; with 電子証明書 chosen, a certificate renewal FAQ.
    expect(await whatOf(open.body.candidates[0]!.id)).not.toContain('certificate')
    const certificate = await lookup('更新したい', users.operator, { facets: 'what:certificate' })
    expect(certificate.status).toBe(200)
    expect(certificate.body.facets).toEqual({ what: ['certificate'] })
    expect(certificate.body.candidates[0]!.id).toMatch(/^faq:cert-/)
    expect(await whatOf(certificate.body.candidates[0]!.id)).toContain('certificate')
    // The dimension is answered: no second question about it.
    expect(certificate.body.askBack?.dimension).not.toBe('what')
    const card = await lookup('更新したい', users.operator, { facets: 'what:card' })
    expect(await whatOf(card.body.candidates[0]!.id)).toContain('card')
    // The cache keeps the choices apart: asked again, each answer is what it was.
    expect(
      (await lookup('更新したい', users.operator, { facets: 'what:certificate' })).body.candidates.map(
        (c) => c.id,
      ),
    ).toEqual(certificate.body.candidates.map((c) => c.id))
    expect((await lookup('更新したい', users.operator)).body.candidates.map((c) => c.id)).toEqual(
      open.body.candidates.map((c) => c.id),
    )
  })

  it('refuses a bad facets parameter with 400, naming the field', async () => {
    for (const facets of [
      'certificate',
      'what:',
      'WHAT:card',
      'what:card:x',
      'what:card,who:self,action:renew,when:abroad',
      'what:no-such-value',
      'nowhere:card',
      `what:${'a'.repeat(41)}`,
    ]) {
      const { status, body } = await lookup('更新したい', users.operator, { facets })
      expect(status, facets).toBe(400)
      expect((body as unknown as Errors).errors[0]!.field, facets).toBe('facets')
    }
    // Up to three pairs, several values of one dimension together.
    const ok = await lookup('更新したい', users.operator, {
      facets: 'what:certificate,action:renew,who:self',
    })
    expect(ok.status).toBe(200)
    expect(ok.body.facets).toEqual({ what: ['certificate'], action: ['renew'], who: ['self'] })
  })
})
