import { loadValidContent } from '@kotae/content'
import { createLocalReq, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Role } from '../src/access/roles'
import type { LookupResponse } from '../src/desk/types'
import { lookupEndpoint } from '../src/search/lookupEndpoint'
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

async function lookup(q: string, user?: TestUser): Promise<{ status: number; body: LookupResponse }> {
  const req = await createLocalReq({ user: user ? ({ ...user } as never) : undefined }, payload)
  Object.assign(req, { searchParams: new URLSearchParams({ q }) })
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
    const pin = (await payload.find({ collection: 'faqs', where: { slug: { equals: 'pin-forgot' } }, limit: 1, depth: 0 })).docs[0]!
    await payload.create({
      collection: 'calls',
      data: { talkStartedAt: '2026-11-24T01:00:00.000Z', talkEndedAt: '2026-11-24T01:03:00.000Z', channel: 'direct', callerType: 'self', faqsUsed: [pin.id], summary: '暗証番号の再設定を案内した。', outcome: 'resolved', operator: users.operator.id } as never,
    })
    for (const who of ['operator', 'supervisor', 'admin'] as const) expect((await lookup('暗証番号 忘れた', users[who])).body.pastCalls.length, who).toBeGreaterThan(0)
    for (const who of ['editor', 'reviewer'] as const) {
      const { status, body } = await lookup('暗証番号 忘れた', users[who])
      expect(status).toBe(200)
      expect(body.candidates.length).toBeGreaterThan(0)
      expect(body.pastCalls, who).toEqual([])
    }
  })

  it('is for staff only', async () => {
    expect((await lookup('暗証番号')).status).toBe(401)
    expect((await lookup('暗証番号', users.cityViewer)).status).toBe(403)
  })

  it('a published change is searchable right away; an unpublished one disappears', async () => {
    const [faq] = (await payload.find({ collection: 'faqs', where: { slug: { equals: 'pin-forgot' } }, limit: 1 })).docs
    const ids = async (q: string) => (await lookup(q, users.operator)).body.candidates.slice(0, 3).map((c) => c.id)
    expect(await ids('ぴよぴよ')).not.toContain('faq:pin-forgot')
    await payload.update({ collection: 'faqs', id: faq!.id, data: { alternatives: [...(faq!.alternatives ?? []), { text: 'ぴよぴよ番号が出てこない' }], _status: 'published' } as never, overrideAccess: false, user: users.reviewer as never })
    expect(await ids('ぴよぴよ')).toContain('faq:pin-forgot')
    await payload.update({ collection: 'faqs', id: faq!.id, data: { _status: 'draft' } as never, overrideAccess: true })
    expect(await ids('ぴよぴよ')).not.toContain('faq:pin-forgot')
  })

  it('bad input gives an empty result or a clear error, never a crash', async () => {
    for (const q of ['', '🙂🙂', '<script>alert(1)</script>', "'; DROP TABLE faqs; --", '\u0000\u0007', 'あ'.repeat(9_000)]) {
      const { status } = await lookup(q, users.operator)
      expect(status, q.slice(0, 20)).toBe(200)
    }
    expect((await lookup('あ'.repeat(10_001), users.operator)).status).toBe(400)
  })
})
