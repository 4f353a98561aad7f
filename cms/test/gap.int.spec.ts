import { createLocalReq, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Role } from '../src/access/roles'
import { analyzeGaps } from '../src/gap/analysis'
import { gapDraftEndpoint, gapEndpoint } from '../src/gap/endpoints'
import { gapRangeSchema } from '../src/gap/range'
import { createReferences, createRoleUsers, faqData, startPayload, type TestUser } from './helpers'

let payload: Payload
let users: Record<Role, TestUser>
let refs: { category: number | string; source: number | string }

const at = (day: number, time = '10:00') =>
  new Date(`2026-11-${String(day).padStart(2, '0')}T${time}:00+09:00`).toISOString()

beforeAll(async () => {
  payload = await startPayload()
  users = await createRoleUsers(payload)
  refs = await createReferences(payload)
  await payload.create({
    collection: 'faqs',
    data: {
      ...faqData(refs, { slug: 'cert-expiry', reviewBy: '2026-01-31' }),
      _status: 'published',
    } as never,
  })
  const event = (type: string, day: number, extra: Record<string, unknown>, time?: string) =>
    payload.create({ collection: 'site-events', data: { type, at: at(day, time), ...extra } as never })
  // Lost PIN, asked five ways over the month; one of them stored unmasked (as if from an old import).
  for (const [day, query] of [
    [2, '暗証番号 忘れた'],
    [3, '暗証番号 忘れた'],
    [4, '暗証番号を忘れました'],
    [5, '暗証番号 忘れた 山田太郎様 090-1234-5678'],
  ] as const) {
    await event('search', day, { query })
    await event('zero-result', day, { query })
  }
  await event('zero-result', 6, { query: '海外 転出 カード' })
  await event('zero-result', 7, { query: '海外に転出するときのカード' })
  // A search nothing answers in a question (weak match) and no one clicked.
  await event('search', 8, { query: '図書館 カード 予約' })
  // A search that matches a FAQ's question and was followed by a view: neither weak nor unclicked.
  await event('search', 9, { query: '電子証明書 有効期限' }, '10:00')
  await event('faq-view', 9, { faq: 'cert-expiry' }, '10:01')
  await event('helpful', 10, {
    faq: 'cert-expiry',
    helpful: false,
    reason: '暗証番号を忘れた場合が書いていない',
  })
  // Outside the range.
  await event('zero-result', 29, { query: '暗証番号 忘れた' })
  const call = {
    talkEndedAt: at(11, '10:05'),
    channel: 'direct',
    callerType: 'self',
    outcome: 'callback',
    category: refs.category,
  }
  await payload.create({
    collection: 'calls',
    data: {
      ...call,
      talkStartedAt: at(11),
      queries: ['暗証番号 忘れた 再設定'],
      summary: '暗証番号の再設定の相談。',
    } as never,
  })
  const esc = await payload.create({
    collection: 'escalations',
    data: {
      summary: '海外転出の際のカードの扱いについて確認したい。',
      urgency: 'normal',
      createdAt: at(12),
    } as never,
  })
  expect(esc.createdAt).toBe(at(12))
})
afterAll(async () => {
  await payload?.destroy()
})

async function get(user: TestUser | undefined, query: string) {
  const req = await createLocalReq({ user: user ? ({ ...user } as never) : undefined }, payload)
  Object.assign(req, { url: `http://localhost/api/gap${query}` })
  return gapEndpoint.handler(req)
}
async function post(user: TestUser | undefined, body: unknown) {
  const req = await createLocalReq({ user: user ? ({ ...user } as never) : undefined }, payload)
  Object.assign(req, { json: async () => body })
  return gapDraftEndpoint.handler(req)
}
type Analysis = Awaited<ReturnType<typeof analyzeGaps>>

describe('GET /api/gap', () => {
  it('is for supervisors, reviewers, city staff, editors and admins only', async () => {
    expect((await get(undefined, '?from=2026-11-01&to=2026-11-28')).status).toBe(401)
    expect((await get(users.operator, '?from=2026-11-01&to=2026-11-28')).status).toBe(403)
    for (const role of ['supervisor', 'reviewer', 'cityViewer', 'editor', 'admin'] as const)
      expect((await get(users[role], '?from=2026-11-01&to=2026-11-28')).status, role).toBe(200)
  })

  it('refuses a bad range and names the field', async () => {
    for (const q of [
      '?from=2026-11-31&to=2026-12-01',
      '?from=2026-12-01&to=2026-11-01',
      '?from=2025-01-01&to=2026-11-01',
      '?from=yesterday',
    ]) {
      const res = await get(users.supervisor, q)
      expect(res.status, q).toBe(400)
      expect(((await res.json()) as { errors: { field: string }[] }).errors[0]!.field, q).toMatch(/from|to/)
    }
  })

  it('clusters the month’s gaps with the search analyzer, largest first, masked', async () => {
    const res = await get(users.supervisor, '?from=2026-11-01&to=2026-11-28')
    const body = (await res.json()) as Analysis
    const [pin, abroad] = body.clusters
    expect(pin!.volume).toBe(6)
    expect(pin!.byKind).toEqual({ 'zero-result': 4, 'no-faq-call': 1, 'not-helpful': 1 })
    expect(pin!.typicalText).toBe('暗証番号 忘れた')
    expect(pin!.topicNames).toEqual(['更新'])
    expect(abroad!.volume).toBe(3)
    expect(abroad!.byKind).toEqual({ 'zero-result': 2, escalation: 1 })
    const library = body.clusters.find((c) => c.typicalText === '図書館 カード 予約')
    expect(library?.byKind).toEqual({ 'low-score': 1 })
    // The clicked search that matched a question is no gap at all.
    expect(JSON.stringify(body.clusters)).not.toContain('電子証明書')
    expect(JSON.stringify(body)).not.toMatch(/090-1234-5678|山田/)
    expect(body.signals).toBe(4 + 2 + 1 + 1 + 1 + 1)
  })

  it('lists stale FAQs and proposals for the monthly report', async () => {
    const body = (await (await get(users.cityViewer, '?from=2026-11-01&to=2026-11-28')).json()) as Analysis
    expect(body.stale.map((s) => [s.title, s.reasons])).toEqual([
      ['電子証明書の有効期限はいつまでですか？', ['past-review-by']],
    ])
    expect(body.proposals[0]).toMatchObject({
      kind: 'new-faq',
      title: '「暗証番号 忘れた」への回答をFAQに追加する',
      volume: 6,
    })
    expect(body.proposals.at(-1)).toMatchObject({
      kind: 'review-faq',
      title: '「電子証明書の有効期限はいつまでですか？」を見直す',
    })
  })
})

describe('POST /api/gap/draft-faq', () => {
  const range = { from: '2026-11-01', to: '2026-11-28' }
  const firstCluster = async () => (await analyzeGaps(payload, gapRangeSchema.parse(range))).clusters[0]!

  it('refuses operators, read-only city staff and anonymous requests, and bad bodies', async () => {
    const { id } = await firstCluster()
    expect((await post(undefined, { clusterId: id, ...range })).status).toBe(401)
    expect((await post(users.operator, { clusterId: id, ...range })).status).toBe(403)
    expect((await post(users.cityViewer, { clusterId: id, ...range })).status).toBe(403)
    expect((await post(users.supervisor, { clusterId: id, ...range, question: '勝手な質問' })).status).toBe(
      400,
    )
    expect((await post(users.supervisor, { clusterId: 'g00000000', ...range })).status).toBe(404)
    expect((await payload.count({ collection: 'faqs' })).totalDocs).toBe(1)
  })

  it('a supervisor drafts a FAQ from a cluster: a draft, never public; a second click returns the same draft', async () => {
    const cluster = await firstCluster()
    const res = await post(users.supervisor, { clusterId: cluster.id, ...range })
    expect(res.status).toBe(201)
    const { faq, created } = (await res.json()) as { faq: number; created: boolean }
    expect(created).toBe(true)
    const draft = await payload.findByID({ collection: 'faqs', id: faq, draft: true, depth: 0 })
    expect(draft._status).toBe('draft')
    expect(draft.reviewState).toBe('draft')
    expect(draft.question).toBe('暗証番号 忘れた')
    expect(draft.alternatives?.map((a) => a.text)).toEqual([
      '暗証番号 忘れた 再設定',
      '暗証番号 忘れた ［氏名］様 ［電話番号］',
      '暗証番号を忘れた場合が書いていない',
      '暗証番号を忘れました',
    ])
    expect(draft.category).toBe(refs.category)
    expect(draft.operatorNotes).toContain(`ギャップ分析（2026-11-01〜2026-11-28、まとまり ${cluster.id}）`)
    // Not public, not even to operators (drafts are for content writers).
    const anon = await payload.find({ collection: 'faqs', overrideAccess: false, user: undefined, depth: 0 })
    expect(anon.docs.map((d) => d.id)).not.toContain(faq)
    const asOperator = await payload.find({
      collection: 'faqs',
      overrideAccess: false,
      user: users.operator as never,
      depth: 0,
    })
    expect(asOperator.docs.map((d) => d.id)).not.toContain(faq)
    // The audit log names the supervisor.
    const audit = await payload.find({
      collection: 'audit-log' as never,
      where: { userEmail: { equals: users.supervisor.email } },
      depth: 0,
    })
    expect(audit.totalDocs).toBeGreaterThan(0)

    const again = await post(users.supervisor, { clusterId: cluster.id, ...range })
    expect(again.status).toBe(200)
    expect(await again.json()).toEqual({ faq, created: false })
  })
})

describe('synonyms', () => {
  it('the city’s synonym list joins 「パスワード」 searches to the 「暗証番号」 cluster', async () => {
    const range = gapRangeSchema.parse({ from: '2026-11-01', to: '2026-11-28' })
    await payload.create({
      collection: 'site-events',
      data: { type: 'zero-result', at: at(13), query: 'パスワード 忘れた' } as never,
    })
    const apart = (await analyzeGaps(payload, range)).clusters
    expect(apart[0]!.examples.map((e) => e.text)).not.toContain('パスワード 忘れた')
    expect(apart.some((c) => c.typicalText === 'パスワード 忘れた')).toBe(true)

    await payload.updateGlobal({
      slug: 'synonyms',
      data: { groups: [{ terms: ['暗証番号', 'パスワード'] }] } as never,
    })
    const joined = (await analyzeGaps(payload, range)).clusters
    expect(joined[0]!.typicalText).toBe('暗証番号 忘れた')
    expect(joined[0]!.volume).toBe(7)
    expect(joined[0]!.examples.map((e) => e.text)).toContain('パスワード 忘れた')
  })
})

describe('transcripts in the gap analysis', () => {
  it('callers’ questions no FAQ answers join the signals, masked, with their call’s topic: for transcript readers only', async () => {
    const fs = await import('node:fs')
    const os = await import('node:os')
    const path = await import('node:path')
    const { importTranscripts } = await import('../src/transcripts/import')
    await payload.create({
      collection: 'calls',
      data: {
        talkStartedAt: at(20),
        talkEndedAt: at(20, '10:05'),
        channel: 'direct',
        callerType: 'self',
        outcome: 'resolved',
        category: refs.category,
        summary: '対象外の相談。',
        telephonyCallId: 'GAP-TR-1',
      } as never,
    })
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-gap-tr-'))
    try {
      const file = path.join(dir, 'GAP-TR-1.vtt')
      fs.writeFileSync(
        file,
        [
          'WEBVTT',
          '',
          '00:00:01.000 --> 00:00:04.000',
          '<v お客様>山田太郎です。飼い犬の狂犬病の予防注射はどこで受けられますか',
          '',
          '00:00:05.000 --> 00:00:08.000',
          '<v オペレーター>恐れ入りますが、こちらではご案内しておりません。',
          '',
          '00:00:09.000 --> 00:00:12.000',
          '<v お客様>じゃあ犬の狂犬病の注射はどこに聞けばいいですか',
          '',
        ].join('\n'),
      )
      expect((await importTranscripts(payload, { files: [file] })).ok).toBe(true)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
    const range = gapRangeSchema.parse({ from: '2026-11-20', to: '2026-11-20' })
    const as = async (user?: TestUser) =>
      analyzeGaps(
        payload,
        range,
        {},
        await createLocalReq({ user: user ? ({ ...user } as never) : undefined }, payload),
      )
    // Not for those who may not read transcripts (an editor), nor without a user (the monthly report).
    for (const other of [await as(users.editor), await as(undefined)])
      expect(other.clusters.filter((c) => c.byKind['transcript-question'])).toEqual([])
    const analysis = await as(users.supervisor)
    const heard = analysis.clusters.filter((c) => c.byKind['transcript-question'])
    expect(heard.reduce((n, c) => n + c.byKind['transcript-question']!, 0)).toBe(2)
    const text = JSON.stringify(heard)
    expect(text).toContain('狂犬病')
    expect(text).not.toContain('山田太郎')
    expect(heard[0]!.topicNames).toEqual(['更新'])
  })
})
