import type { AddressInfo } from 'node:net'

import { createLocalReq, type Payload } from 'payload'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Role } from '../src/access/roles'
import type { TestUser } from './helpers'

type Mail = { to: string[]; raw: string }
const received: Mail[] = []
/** A real SMTP server on loopback, standing in for the city's mail server. */
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  onData(stream, session, callback) {
    let raw = ''
    stream.on('data', (c: Buffer) => (raw += c.toString('utf8')))
    stream.on('end', () => {
      received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw })
      callback()
    })
  },
})

let payload: Payload
let users: Record<Role, TestUser>
let refs: { category: number | string; source: number | string }

beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve))
  process.env.KOTAE_SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`
  process.env.KOTAE_ESCALATION_TO = 'shiminka@city.example'
  // The config reads the environment when it is first imported.
  const helpers = await import('./helpers')
  payload = await helpers.startPayload()
  users = await helpers.createRoleUsers(payload)
  refs = await helpers.createReferences(payload)
})
afterAll(async () => {
  await payload?.destroy()
  await new Promise<void>((resolve) => smtp.close(() => resolve()))
})

const as = (user: TestUser | undefined) => ({ overrideAccess: false, user, depth: 0 }) as const

describe('escalations to 市民課', () => {
  it('notifies 市民課 by e-mail, moves open → answered → closed with timestamps, and turns the answer into a linked FAQ draft', async () => {
    const callDoc = await payload.create({
      collection: 'calls',
      data: {
        talkStartedAt: '2026-11-24T01:00:00.000Z',
        talkEndedAt: '2026-11-24T01:04:00.000Z',
        channel: 'direct',
        callerType: 'proxy',
        category: refs.category,
        summary: '施設に入所中の親の電子証明書を代理で更新できるか。',
        outcome: 'escalated',
      } as never,
      ...as(users.operator),
    })
    const esc = await payload.create({
      collection: 'escalations',
      data: {
        call: callDoc.id,
        summary: '施設入所中の方の電子証明書を代理人が更新する場合の必要書類は？ 連絡先 090-1111-2222',
        urgency: 'high',
      } as never,
      ...as(users.operator),
    })
    expect(esc.status).toBe('open')
    expect(esc.summary).not.toContain('090-1111-2222')

    await expect.poll(() => received.length, { timeout: 10_000 }).toBe(1)
    expect(received[0]!.to).toEqual(['shiminka@city.example'])
    expect(received[0]!.raw).not.toContain('090-1111-2222')

    await expect(
      payload.update({
        collection: 'escalations',
        id: esc.id,
        data: { status: 'answered' },
        ...as(users.reviewer),
      }),
    ).rejects.toMatchObject({ status: 400 })
    await expect(
      payload.update({
        collection: 'escalations',
        id: esc.id,
        data: { answer: 'x', status: 'answered' },
        ...as(users.operator),
      }),
    ).rejects.toMatchObject({ status: 403 })

    const answered = await payload.update({
      collection: 'escalations',
      id: esc.id,
      data: {
        status: 'answered',
        answer: '代理人による更新には照会書兼回答書が必要です。詳しくは市民課にお問い合わせください。',
      },
      ...as(users.reviewer),
    })
    expect(answered.answeredAt).toBeTruthy()
    expect(answered.answeredBy).toBe(users.reviewer.id)
    const closed = await payload.update({
      collection: 'escalations',
      id: esc.id,
      data: { status: 'closed' },
      ...as(users.reviewer),
    })
    expect(closed.closedAt).toBeTruthy()
    await expect(
      payload.update({
        collection: 'escalations',
        id: esc.id,
        data: { status: 'open' },
        ...as(users.reviewer),
      }),
    ).rejects.toMatchObject({ status: 400 })

    // One action: the answer becomes a FAQ draft, linked back; nothing is published.
    const endpoint = payload.collections.escalations.config.endpoints
    const handler = (Array.isArray(endpoint) ? endpoint : []).find(
      (e) => e.path === '/:id/draft-faq',
    )!.handler
    const req = await createLocalReq({ user: { ...users.editor } as never }, payload)
    req.routeParams = { id: String(esc.id) }
    const res = await handler(req)
    expect(res.status).toBe(201)
    const { faq } = (await res.json()) as { faq: number }
    const draft = await payload.findByID({ collection: 'faqs', id: faq, draft: true, depth: 0 })
    expect(draft._status).toBe('draft')
    expect(draft.shortAnswer).toBe('代理人による更新には照会書兼回答書が必要です。')
    expect((await payload.findByID({ collection: 'escalations', id: esc.id, depth: 0 })).faqDraft).toBe(faq)
    const publicFaqs = await payload.find({ collection: 'faqs', ...as(undefined) })
    expect(publicFaqs.docs.map((d) => d.id)).not.toContain(faq)
  })
})
