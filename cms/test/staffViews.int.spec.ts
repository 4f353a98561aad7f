import { createLocalReq, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Role } from '../src/access/roles'
import { findReviewDue } from '../src/reviewDue/findReviewDue'
import { jstDayRange, supervisorSummary } from '../src/supervisor/todaySummary'
import { faqData, type TestUser } from './helpers'
import { startWithStaff, type References } from './setup/staffAndReferences'

let payload: Payload, users: Record<Role, TestUser>, refs: References

beforeAll(async () => {
  ;({ payload, users, refs } = await startWithStaff())
})
afterAll(() => payload?.destroy())

describe('見直し期限の確認 (entries past their review-by date)', () => {
  it('lists overdue and soon-due FAQs oldest first, with the reader’s access', async () => {
    await payload.create({
      collection: 'faqs',
      data: { ...faqData(refs, { slug: 'due-old', reviewBy: '2026-01-10' }), _status: 'published' } as never,
    })
    await payload.create({
      collection: 'faqs',
      data: {
        ...faqData(refs, { slug: 'due-soon', question: 'もうすぐ見直しの質問', reviewBy: '2026-12-10' }),
        _status: 'published',
      } as never,
    })
    await payload.create({
      collection: 'faqs',
      data: {
        ...faqData(refs, { slug: 'due-later', question: 'まだ先の質問', reviewBy: '2027-12-10' }),
        _status: 'published',
      } as never,
    })
    const now = new Date('2026-11-24T00:00:00Z')
    const overdue = await findReviewDue(payload, { now })
    expect(overdue.map((e) => e.reviewBy.slice(0, 10))).toEqual(['2026-01-10'])
    expect(overdue[0]!.daysOverdue).toBe(318)
    const soon = await findReviewDue(payload, { now, withinDays: 30 })
    expect(soon.map((e) => e.reviewBy.slice(0, 10))).toEqual(['2026-01-10', '2026-12-10'])
  })
})

describe('本日の状況 (supervisor summary)', () => {
  it('counts today’s calls per operator in Japan time and lists open escalations', async () => {
    const now = new Date('2026-11-24T03:00:00Z') // 12:00 JST
    const { from, to } = jstDayRange(now)
    expect(from.toISOString()).toBe('2026-11-23T15:00:00.000Z')
    expect(to.toISOString()).toBe('2026-11-24T15:00:00.000Z')
    const call = (start: string, end: string, outcome: string) => ({
      talkStartedAt: start,
      talkEndedAt: end,
      channel: 'direct',
      callerType: 'self',
      summary: '更新の案内',
      outcome,
    })
    const asOperator = { overrideAccess: false, user: users.operator } as const
    await payload.create({
      collection: 'calls',
      data: call('2026-11-23T15:30:00Z', '2026-11-23T15:33:00Z', 'resolved') as never,
      ...asOperator,
    }) // 00:30 JST today
    await payload.create({
      collection: 'calls',
      data: call('2026-11-24T01:00:00Z', '2026-11-24T01:05:00Z', 'escalated') as never,
      ...asOperator,
    })
    await payload.create({
      collection: 'calls',
      data: call('2026-11-23T14:50:00Z', '2026-11-23T14:55:00Z', 'resolved') as never,
      ...asOperator,
    }) // 23:50 JST yesterday
    await payload.create({
      collection: 'escalations',
      data: { summary: '代理人の更新について', urgency: 'high' } as never,
      ...asOperator,
    })

    const req = await createLocalReq({ user: { ...users.supervisor } as never }, payload)
    const summary = await supervisorSummary(payload, req, now)
    expect(summary.calls).toBe(2)
    expect(summary.resolved).toBe(1)
    expect(summary.byOperator).toEqual([
      { operator: 'operator', calls: 2, resolved: 1, meanTalkSeconds: 240 },
    ])
    expect(summary.openEscalations.map((e) => e.summary)).toEqual(['代理人の更新について'])
  })
})
