import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { dashboardData, dashboardRanges } from '../src/dashboard/data'
import { parseDashboardQuery, type DashboardCustomRange } from '../src/dashboard/range'
import { createReferences, faqData, startPayload } from './helpers'

let payload: Payload
let faqId: number | string
let firstCall: number | string

// Tuesday 24 November 2026, 12:00 JST.
const now = new Date('2026-11-24T03:00:00.000Z')
const jst = (date: string, time: string) => new Date(`${date}T${time}:00+09:00`).toISOString()

beforeAll(async () => {
  payload = await startPayload()
  const refs = await createReferences(payload)
  faqId = (
    await payload.create({
      collection: 'faqs',
      data: { ...faqData(refs, { slug: 'cert-expiry' }), _status: 'published' } as never,
    })
  ).id
  const call = (date: string, time: string, outcome: string, faqs: (number | string)[] = []) =>
    payload.create({
      collection: 'calls',
      data: {
        talkStartedAt: jst(date, time),
        talkEndedAt: new Date(Date.parse(jst(date, time)) + 240_000).toISOString(),
        channel: 'direct',
        callerType: 'self',
        summary: '案内',
        outcome,
        category: refs.category,
        faqsUsed: faqs,
      } as never,
    })
  firstCall = (await call('2026-11-24', '10:15', 'resolved', [faqId])).id
  await call('2026-11-24', '11:40', 'escalated')
  await call('2026-11-23', '09:00', 'resolved', [faqId]) // Monday: this week
  await call('2026-11-22', '23:59', 'callback') // Sunday: last week, this month
  await call('2026-10-31', '23:59', 'resolved') // last month
  await call('2026-11-26', '10:00', 'resolved') // after now (a typing slip): never counted
  const event = (type: string, at: string, faq?: string) =>
    payload.create({
      collection: 'site-events',
      data: { type, at, faq, query: type === 'search' ? '証明書' : undefined } as never,
    })
  await event('search', jst('2026-11-23', '20:00'))
  await event('search', jst('2026-11-24', '08:00'))
  await event('faq-view', jst('2026-11-24', '08:01'), 'cert-expiry')
  await event('faq-view', jst('2026-11-17', '08:01'), 'cert-expiry')
})
afterAll(async () => {
  await payload?.destroy()
})

describe('dashboard', () => {
  it('today, this week (from Monday) and this month in Japan time, each up to now', () => {
    const r = dashboardRanges(now)
    expect(new Date(r.today.start).toISOString()).toBe('2026-11-23T15:00:00.000Z')
    expect(new Date(r.week.start).toISOString()).toBe('2026-11-22T15:00:00.000Z')
    expect(new Date(r.month.start).toISOString()).toBe('2026-10-31T15:00:00.000Z')
    expect([r.today.end, r.week.end, r.month.end]).toEqual([now.getTime(), now.getTime(), now.getTime()])
  })

  it('the share of calls with a transcript and the topics heard, per period', async () => {
    await payload.db.create({
      collection: 'transcripts',
      data: {
        transcriptKey: 'D-1',
        call: firstCall,
        linkMethod: 'call-id',
        format: 'vtt',
        segments: [],
        segmentCount: 0,
        durationSeconds: 0,
        contentHash: 'x',
      },
    })
    const d = await dashboardData(payload, now)
    expect(d.periods.map((p) => [p.key, p.transcripts])).toEqual([
      ['today', { calls: 1, share: 0.5, topics: [{ name: '更新', calls: 1 }] }],
      ['week', { calls: 1, share: 1 / 3, topics: [{ name: '更新', calls: 1 }] }],
      ['month', { calls: 1, share: 0.25, topics: [{ name: '更新', calls: 1 }] }],
    ])
    await payload.db.deleteOne({ collection: 'transcripts', where: { transcriptKey: { equals: 'D-1' } } })
  })

  it('counts calls, outcomes, hours, topics and FAQs from the call log when no PBX is connected', async () => {
    const d = await dashboardData(payload, now)
    const [today, week, month] = d.periods
    expect(d.periods.map((p) => [p.key, p.calls])).toEqual([
      ['today', 2],
      ['week', 3],
      ['month', 4],
    ])
    expect(today!.hasTelephony).toBe(false)
    expect([today!.offered, today!.answered, today!.answerRate]).toEqual([null, null, null])
    expect(today!.outcomes.filter((o) => o.count > 0).map((o) => [o.outcome, o.count, o.share])).toEqual([
      ['resolved', 1, 0.5],
      ['escalated', 1, 0.5],
    ])
    expect(month!.outcomes.find((o) => o.outcome === 'callback')!.count).toBe(1)
    expect(today!.hours.filter((h) => h.calls > 0).map((h) => [h.label, h.calls])).toEqual([
      ['10時', 1],
      ['11時', 1],
    ])
    expect(week!.topics).toEqual([{ name: '更新', calls: 3, share: 1 }])
    expect(week!.topFaqs).toEqual([{ title: '電子証明書の有効期限はいつまでですか？', count: 2 }])
    expect(today!.firstContactResolutionRate).toBe(0.5)
  })

  it('shows the self-service trend by week and topic', async () => {
    const d = await dashboardData(payload, now)
    expect(d.trend.weeks).toHaveLength(8)
    const thisWeek = d.trend.weeks.at(-1)!
    expect([thisWeek.weekStart, thisWeek.searches, thisWeek.faqViews, thisWeek.calls]).toEqual([
      '2026-11-23',
      2,
      1,
      3,
    ])
    const lastWeek = d.trend.weeks.at(-2)!
    expect([lastWeek.weekStart, lastWeek.searches, lastWeek.faqViews, lastWeek.calls]).toEqual([
      '2026-11-16',
      0,
      1,
      1,
    ])
    expect(d.trend.topics.map((t) => [d.trend.topicNames[t.topic!], t.faqViews, t.calls])).toEqual([
      ['更新', 2, 5],
    ])
  })

  it('uses telephony records for offered, answered and the answer rate once there are any', async () => {
    const rec = (id: string, offered: string, answered: string | null, abandoned: string | null) =>
      payload.create({
        collection: 'telephony-records' as never,
        data: {
          pbxCallId: id,
          queue: 'main',
          offeredAt: jst('2026-11-24', offered),
          answeredAt: answered && jst('2026-11-24', answered),
          abandonedAt: abandoned && jst('2026-11-24', abandoned),
        } as never,
      })
    await rec('t1', '10:14', '10:15', null)
    await rec('t2', '11:39', '11:40', null)
    await rec('t3', '11:50', null, '11:51')
    const [today] = (await dashboardData(payload, now)).periods
    expect(today!.hasTelephony).toBe(true)
    expect([today!.offered, today!.answered]).toEqual([3, 2])
    expect(today!.answerRate).toBeCloseTo(2 / 3, 12)
    expect(
      today!.hours.filter((h) => (h.offered ?? 0) > 0).map((h) => [h.label, h.offered, h.answered]),
    ).toEqual([
      ['10時', 1, 1],
      ['11時', 2, 1],
    ])
  })

  const range = (query: Record<string, unknown>): DashboardCustomRange => {
    const { selection, errors } = parseDashboardQuery(query, now)
    expect(errors).toEqual([])
    if (selection.key !== 'range') throw new Error(`not a range: ${selection.key}`)
    return selection
  }

  it('shows any past month, as ?month=YYYY-MM', async () => {
    const october = range({ month: '2026-10' })
    expect(october).toMatchObject({
      label: '2026年10月',
      from: '2026-10-01',
      to: '2026-10-31',
      query: 'month=2026-10',
    })
    const d = await dashboardData(payload, now, october)
    expect(d.periods.map((p) => [p.key, p.label, p.calls])).toEqual([
      ['today', '今日', 2],
      ['week', '今週', 3],
      ['month', '今月', 4],
      ['range', '2026年10月', 1],
    ])
    const picked = d.periods[3]!
    expect([new Date(picked.start).toISOString(), new Date(picked.end).toISOString()]).toEqual([
      '2026-09-30T15:00:00.000Z',
      '2026-10-31T15:00:00.000Z',
    ])
    expect(picked.hours.filter((h) => h.calls > 0).map((h) => h.label)).toEqual(['23時'])
  })

  it('shows any span of days, as ?from=&to= (JST days, both included), cut at now', async () => {
    const span = range({ from: '2026-10-31', to: '2026-11-23' })
    expect(span.label).toBe('2026-10-31〜2026-11-23')
    expect((await dashboardData(payload, now, span)).periods[3]!.calls).toBe(3)
    // A span that runs past now ends at now: the call dated 26 November is not counted.
    const [, , month, upToNow] = (
      await dashboardData(payload, now, range({ from: '2026-11-20', to: '2026-11-30' }))
    ).periods
    expect([upToNow!.label, upToNow!.calls, upToNow!.end]).toEqual([
      '2026-11-20〜2026-11-30（現在まで）',
      4,
      now.getTime(),
    ])
    expect(month!.calls).toBe(4)
    // Next.js hands repeated keys as arrays; the first counts.
    expect(range({ from: ['2026-11-01', 'x'], to: '2026-11-01' }).to).toBe('2026-11-01')
  })

  it('refuses a bad or future period in the URL, naming the field, and shows today instead', () => {
    const errorsOf = (query: Record<string, unknown>) => {
      const r = parseDashboardQuery(query, now)
      expect(r.selection).toEqual({ key: 'today' })
      return r.errors.map((e) => [e.field, e.message])
    }
    expect(parseDashboardQuery({}, now)).toEqual({ selection: { key: 'today' }, errors: [] })
    expect(parseDashboardQuery({ period: 'week' }, now)).toEqual({ selection: { key: 'week' }, errors: [] })
    expect(errorsOf({ period: 'year' })).toEqual([
      ['period', '期間は「今日」「今週」「今月」のどれかを選んでください。'],
    ])
    expect(errorsOf({ month: '2026-13' })).toEqual([
      ['month', 'YYYY-MM の形の月で指定してください（例: 2026-10）'],
    ])
    expect(errorsOf({ from: '2026-11-01' })).toEqual([['to', '開始日と終了日の両方を指定してください']])
    expect(errorsOf({ from: '2026-11-10', to: '2026-11-01' })).toEqual([
      ['to', '終了日（2026-11-01）が開始日（2026-11-10）より前です'],
    ])
    expect(errorsOf({ from: '2025-01-01', to: '2026-11-01' })).toEqual([['to', '期間は 366 日までです']])
    expect(errorsOf({ from: '2026-02-30', to: '2026-03-01' })).toEqual([
      ['from', '2026-02-30 はありえない日付です'],
    ])
    expect(errorsOf({ month: '2026-10', from: '2026-10-01', to: '2026-10-02' })).toEqual([
      ['month', '月と日付の範囲は同時に指定できません'],
    ])
    expect(errorsOf({ month: '2026-12' })).toEqual([
      ['month', 'これから先の期間は表示できません。今日までの期間を選んでください。'],
    ])
    expect(errorsOf({ from: '2026-11-25', to: '2026-11-30' })).toEqual([
      ['from', 'これから先の期間は表示できません。今日までの期間を選んでください。'],
    ])
  })
})
