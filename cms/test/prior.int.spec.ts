import { loadValidContent } from '@kotae/content'
import { createLocalReq, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Role } from '../src/access/roles'
import type { LookupResponse } from '../src/desk/types'
import { lookupEndpoint } from '../src/search/lookupEndpoint'
import { warmOperatorIndex } from '../src/search/operatorIndex'
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
  delete process.env.KOTAE_LOOKUP_PRIOR_WEIGHT
  await payload?.destroy()
})

async function lookup(q: string): Promise<LookupResponse> {
  const req = await createLocalReq({ user: { ...users.operator } as never }, payload)
  Object.assign(req, { searchParams: new URLSearchParams({ q, limit: '8' }) })
  return (await (await lookupEndpoint.handler(req)).json()) as LookupResponse
}
const faqIds = (r: LookupResponse) => r.candidates.filter((c) => c.kind === 'faq').map((c) => c.id)

describe('usage prior in the lookup', () => {
  it('an FAQ operators keep using for the same words climbs; with weight 0 the text ranking stays', async () => {
    const q = '暗証番号'
    const before = faqIds(await lookup(q))
    expect(before.length).toBeGreaterThanOrEqual(4)
    const target = before[3]!
    const doc = (
      await payload.find({
        collection: 'faqs',
        where: { slug: { equals: target.slice('faq:'.length) } },
        limit: 1,
        depth: 0,
      })
    ).docs[0]!
    for (let i = 0; i < 6; i++) {
      await payload.create({
        collection: 'calls',
        data: {
          talkStartedAt: `2026-11-2${i}T01:00:00.000Z`,
          talkEndedAt: `2026-11-2${i}T01:03:00.000Z`,
          channel: 'direct',
          callerType: 'self',
          faqsUsed: [doc.id],
          queries: [q],
          summary: '暗証番号について案内した。',
          outcome: 'resolved',
        } as never,
        overrideAccess: false,
        user: users.operator as never,
      })
    }
    const warm = await warmOperatorIndex(payload) // learns the new calls now instead of within 10 s
    expect(warm.calls).toBeGreaterThanOrEqual(6)

    const after = faqIds(await lookup(q))
    expect(after.indexOf(target)).toBeLessThan(3)

    process.env.KOTAE_LOOKUP_PRIOR_WEIGHT = '0'
    expect(faqIds(await lookup(q))).toEqual(before)
    delete process.env.KOTAE_LOOKUP_PRIOR_WEIGHT
  })
})
