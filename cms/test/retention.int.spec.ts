import { jstParts, monthRange } from '@kotae/analytics'
import { RETENTION_DEFAULTS } from '@kotae/content'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Sql } from '../src/db/sql'
import type { RetentionReport } from '../src/retention/run'
import type { TestUser } from './helpers'

/**
 * The retention run on a real database (docs/decisions/0029): the city profile's default periods
 * as of NOW. Seeded: a synthetic call center from October 2024 to January 2025 (the calls' cutoff,
 * 2024-12-01, falls inside it, with callers calling again across it), and one hand-made record of
 * every kind on each side of its cutoff, carrying personal strings.
 */
const NOW = new Date('2026-12-06T12:00:00+09:00')
const jst = (s: string) => new Date(`${s}+09:00`).toISOString()
/** The tables retention touches; every row of them is searched for the seeded strings. */
const TABLES = ['calls', 'calls_texts', 'escalations', 'telephony_records', 'site_events', 'audit_log']
/**
 * Strings of records whose period is over: none may be left in any row afterwards. The desk's
 * search words of calls from before 2026-06 are past the search logs' 6 months (新検索語カ too).
 */
const EXPIRED = [
  '旧要旨カ',
  '旧検索語カ',
  '新検索語カ',
  '旧折返太郎',
  '090-7777-0001',
  '旧希望時間カ',
  '旧照会エ',
  '旧回答エ',
  '旧理由サ',
  '旧検索サ',
  '旧無結果サ',
  '旧監査ア',
  'beefbeefbeef',
  '半年前検索語カ',
]
/** Strings of records still inside their period (and the open escalation): all must stay. */
const KEPT = [
  '新要旨カ',
  '最近要旨カ',
  '最近検索語カ',
  '新折返花子',
  '090-7777-0002',
  '未対応エ',
  '新照会エ',
  '新理由サ',
  '新検索サ',
  '新監査ア',
  'cafecafecafe',
  '半年前要旨カ',
]
const MONTHS = [
  { kind: 'month', year: 2024, month: 10 },
  { kind: 'month', year: 2024, month: 11 },
  { kind: 'month', year: 2024, month: 12 },
  { kind: 'year', year: 2024 },
] as const

let payload: Payload
let sql: Sql
let users: Record<string, TestUser>
let mod: {
  runRetention: typeof import('../src/retention/run').runRetention
  loadReport: typeof import('../src/reports/load').loadReport
  canonical: typeof import('../src/backup/reports').canonical
}
let reportsBefore: string[]
let ids: Record<string, number>

/** Each report in the backup's canonical form (decision 0031): rows rewritten in place may be read in another order and add the same fractional seconds in another order (the last bit of a float). */
const reports = async () =>
  Promise.all(MONTHS.map(async (p) => mod.canonical(await mod.loadReport(payload, p))))

/** Every row of the retention tables, as text, in id order. */
async function snapshot(): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const t of TABLES) out[t] = JSON.stringify(await sql.query(`SELECT * FROM ${t} ORDER BY id`))
  return out
}
/** The reports now, against those before any run: the KPI details first (a readable difference), then every byte. */
async function expectReportsUnchanged() {
  const now = await reports()
  const details = (list: string[]) => list.map((r) => JSON.parse(r).report.meta.details)
  expect(details(now)).toEqual(details(reportsBefore))
  expect(now).toEqual(reportsBefore)
}
const hits = (snap: Record<string, string>, strings: string[]) =>
  strings.filter((s) => Object.values(snap).some((rows) => rows.includes(s)))

beforeAll(async () => {
  const helpers = await import('./helpers')
  const [{ runRetention }, { loadReport }, { insertSynthetic }, { sqlOf }, { canonical }] = await Promise.all(
    [
      import('../src/retention/run'),
      import('../src/reports/load'),
      import('../src/seed/syntheticCalls'),
      import('../src/db/sql'),
      import('../src/backup/reports'),
    ],
  )
  mod = { runRetention, loadReport, canonical }
  payload = await helpers.startPayload()
  sql = sqlOf(payload)
  users = await helpers.createRoleUsers(payload)
  const refs = await helpers.createReferences(payload)
  const faq = await payload.create({ collection: 'faqs', data: helpers.faqData(refs) as never })
  const other = await payload.create({
    collection: 'categories',
    data: { name: '紛失', nameEn: 'Lost', slug: 'lost' } as never,
  })
  // 2024-10-01 to 2025-01-31 JST: 2,400 calls, about 40 % of them from callers who call again.
  await insertSynthetic(sql, {
    start: monthRange(2024, 10).start,
    end: monthRange(2025, 1).end,
    calls: 2400,
    seed: 29,
    categories: [
      { id: Number(refs.category), slug: 'renewal' },
      { id: Number(other.id), slug: 'lost' },
    ],
    faqIds: [Number(faq.id)],
    operatorIds: [Number(users.operator!.id)],
  })

  const call = async (
    at: string,
    tag: string,
    extra: { name?: string; phone?: string; hash?: string } = {},
  ) => {
    const doc = await payload.create({
      collection: 'calls',
      data: {
        talkStartedAt: jst(at),
        talkEndedAt: new Date(Date.parse(jst(at)) + 240_000).toISOString(),
        channel: 'direct',
        callerType: 'self',
        category: refs.category,
        faqsUsed: [faq.id],
        summary: `${tag}要旨カ`,
        queries: [`${tag}検索語カ`],
        outcome: 'callback',
        callback: extra.name
          ? { name: extra.name, phone: extra.phone, preferredTime: `${tag}希望時間カ` }
          : undefined,
        operator: users.operator!.id,
      } as never,
    })
    if (extra.hash) await sql.run('UPDATE calls SET caller_hash = ? WHERE id = ?', [extra.hash, doc.id])
    return Number(doc.id)
  }
  const hash = (head: string) => head.padEnd(64, '0')
  ids = {
    oldCall: await call('2024-11-10T10:00:00', '旧', {
      name: '旧折返太郎',
      phone: '090-7777-0001',
      hash: hash('beefbeefbeef'),
    }),
    newCall: await call('2024-12-10T10:00:00', '新', {
      name: '新折返花子',
      phone: '090-7777-0002',
      hash: hash('cafecafecafe'),
    }),
    halfYearCall: await call('2026-05-10T10:00:00', '半年前'),
    recentCall: await call('2026-06-10T10:00:00', '最近'),
  }
  const tel = (pbx: string, at: string, h: string, callId: number) =>
    sql.run(
      "INSERT INTO telephony_records (pbx_call_id, queue, offered_at, answered_at, ended_at, caller_hash, call_id, updated_at, created_at) VALUES (?, 'mynumber', ?, ?, ?, ?, ?, ?, ?)",
      [pbx, jst(at), jst(at), jst(at), h, callId, jst(at), jst(at)],
    )
  await tel('R-OLD', '2024-11-10T09:59:50', hash('beefbeefbeef'), ids.oldCall!)
  await tel('R-NEW', '2024-12-10T09:59:50', hash('cafecafecafe'), ids.newCall!)

  const escalation = async (
    created: string,
    summary: string,
    status: 'open' | 'answered' | 'closed',
    answer?: string,
  ) => {
    const doc = await payload.create({
      collection: 'escalations',
      data: { summary, urgency: 'normal', status, answer } as never,
    })
    await sql.run('UPDATE escalations SET created_at = ? WHERE id = ?', [jst(created), doc.id])
    return Number(doc.id)
  }
  ids.oldEscalation = await escalation('2024-11-12T10:00:00', '旧照会エ', 'closed', '旧回答エ')
  ids.openEscalation = await escalation('2024-11-13T10:00:00', '未対応エ', 'open')
  ids.newEscalation = await escalation('2024-12-12T10:00:00', '新照会エ', 'answered', '新回答エ')

  // Site events: others expire before 2025-11-01 (13 months), searches before 2026-06-01 (6 months).
  const event = (
    type: string,
    at: string,
    f: { query?: string; reason?: string; faq?: string; helpful?: boolean } = {},
  ) =>
    sql.run(
      'INSERT INTO site_events (type, at, query, reason, faq, helpful, updated_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [
        type,
        jst(at),
        f.query ?? null,
        f.reason ?? null,
        f.faq ?? null,
        f.helpful === undefined ? null : f.helpful,
        jst(at),
        jst(at),
      ],
    )
  await event('helpful', '2025-10-31T23:59:59', { faq: 'card-renewal', helpful: false, reason: '旧理由サ' })
  await event('faq-view', '2025-10-20T10:00:00', { faq: 'card-renewal' })
  await event('helpful', '2025-11-01T00:00:00', { faq: 'card-renewal', helpful: false, reason: '新理由サ' })
  await event('search', '2026-05-31T23:59:59', { query: '旧検索サ' })
  await event('zero-result', '2026-05-20T10:00:00', { query: '旧無結果サ' })
  await event('search', '2026-06-01T00:00:00', { query: '新検索サ' })

  // Audit entries expire before 2021-12-01 (60 months).
  const audit = (at: string, title: string) =>
    sql.run(
      "INSERT INTO audit_log (action, collection_slug, doc_id, title, user_email, updated_at, created_at) VALUES ('update', 'faqs', '1', ?, 'editor@example.test', ?, ?)",
      [title, jst(at), jst(at)],
    )
  await audit('2021-11-30T23:59:59', '旧監査ア')
  await audit('2021-12-01T00:00:00', '新監査ア')

  reportsBefore = await reports()
})
afterAll(async () => {
  await payload?.destroy()
})

describe('retention run', () => {
  let first: RetentionReport
  let before: Record<string, string>

  it('the seeded strings are all stored before the run (so the scans below can fail)', async () => {
    before = await snapshot()
    expect(hits(before, EXPIRED)).toEqual(EXPIRED)
    expect(hits(before, KEPT)).toEqual(KEPT)
  })

  it('a dry run counts per kind and changes nothing', async () => {
    const dry = await mod.runRetention(payload, { now: NOW, dryRun: true })
    expect(dry.dryRun).toBe(true)
    expect(dry.auditEntryId).toBeNull()
    expect(dry.counts.callsAnonymized).toBeGreaterThan(1000)
    expect(dry.counts.siteEventsDeleted).toBe(2)
    expect(dry.counts.searchEventsDeleted).toBe(2)
    expect(dry.counts.auditEntriesDeleted).toBe(1)
    expect(dry.counts.escalationsKeptOpen).toBeGreaterThanOrEqual(1)
    expect(await snapshot()).toEqual(before)
    first = dry
  })

  it('anonymizes and deletes what expired, leaves the rest, and the dry run said exactly what it would do', async () => {
    const dryCounts = first.counts
    first = await mod.runRetention(payload, { now: NOW })
    expect(first.skipped).toBe(false)
    expect(first.counts).toEqual(dryCounts)
    expect(first.cutoffs.calls).toEqual({
      months: 24,
      before: jst('2024-12-01T00:00:00'),
      lastMonth: '2024-11',
    })
    expect(first.cutoffs.searchLogs.lastMonth).toBe('2026-05')
    expect(first.cutoffs.siteEvents.lastMonth).toBe('2025-10')
    expect(first.cutoffs.auditLog.lastMonth).toBe('2021-11')
    expect(first.retention).toEqual(RETENTION_DEFAULTS)

    const after = await snapshot()
    expect(hits(after, EXPIRED)).toEqual([])
    expect(hits(after, KEPT)).toEqual(KEPT)

    // Every expired call: personal fields cleared, what the reports read unchanged.
    const [expiredLeft] = await sql.query<{ n: unknown }>(
      "SELECT COUNT(*) AS n FROM calls WHERE talk_started_at < ? AND (summary <> '' OR callback_name IS NOT NULL OR callback_phone IS NOT NULL OR anonymized_at IS NULL)",
      [first.cutoffs.calls.before],
    )
    expect(Number(expiredLeft!.n)).toBe(0)
    const [untouched] = await sql.query<{ n: unknown }>(
      "SELECT COUNT(*) AS n FROM calls WHERE talk_started_at >= ? AND (summary = '' OR anonymized_at IS NOT NULL)",
      [first.cutoffs.calls.before],
    )
    expect(Number(untouched!.n)).toBe(0)
    const [old] = await sql.query<Record<string, unknown>>(
      'SELECT summary, callback_name, callback_phone, callback_preferred_time, caller_hash, outcome, category_id, anonymized_at FROM calls WHERE id = ?',
      [ids.oldCall],
    )
    expect(old).toMatchObject({
      summary: '',
      callback_name: null,
      callback_phone: null,
      callback_preferred_time: null,
      outcome: 'callback',
    })
    expect(String(old!.caller_hash)).toMatch(/^anon:[0-9a-f]{32}$/)
    expect(old!.anonymized_at).not.toBeNull()
    // The half-year-old call keeps its summary but not its search words.
    expect(
      await sql.query("SELECT text FROM calls_texts WHERE path = 'queries' AND parent_id = ?", [
        ids.halfYearCall,
      ]),
    ).toEqual([])

    const escalations = await sql.query<{
      id: unknown
      summary: string
      answer: string | null
      status: string
    }>('SELECT id, summary, answer, status FROM escalations WHERE id IN (?, ?, ?) ORDER BY id', [
      ids.oldEscalation,
      ids.openEscalation,
      ids.newEscalation,
    ])
    expect(escalations.map((e) => [e.summary, e.answer, e.status])).toEqual([
      ['', null, 'closed'],
      ['未対応エ', null, 'open'],
      ['新照会エ', '新回答エ', 'answered'],
    ])
    const tel = await sql.query<{ pbx: string; h: string | null }>(
      "SELECT pbx_call_id AS pbx, caller_hash AS h FROM telephony_records WHERE pbx_call_id IN ('R-OLD', 'R-NEW') ORDER BY pbx_call_id",
    )
    expect(tel).toEqual([
      { pbx: 'R-NEW', h: 'cafecafecafe'.padEnd(64, '0') },
      { pbx: 'R-OLD', h: null },
    ])
  })

  it('the reports of past months and of the fiscal year read exactly the same afterwards', async () => {
    // The 一次完了 check matters here: callers who called again across the cutoff were held.
    expect(first.counts.callerPseudonymsHeld).toBeGreaterThan(0)
    expect(first.counts.callerPseudonymsReplaced).toBeGreaterThan(500)
    // November 2024, the last month before the cutoff: some of its calls are repeated in December.
    expect(JSON.parse(reportsBefore[1]!).report.meta.details.repeatDisqualified).toBeGreaterThan(0)
    await expectReportsUnchanged()
  })

  it('writes one audit entry: counts per kind and the months reached, no personal data', async () => {
    const { docs } = await payload.find({
      collection: 'audit-log',
      where: { action: { equals: 'retention' } },
      depth: 0,
    })
    expect(docs.map((d) => d.id)).toEqual([first.auditEntryId])
    const entry = docs[0]!
    expect(entry).toMatchObject({
      collectionSlug: 'retention',
      docId: '2026-12-06',
      userEmail: 'system',
      user: null,
    })
    expect(entry.title).toMatch(/^保存期間の経過による削除・匿名化（計\d+件）$/)
    const lines = String(entry.changedFields).split('\n')
    expect(lines).toHaveLength(8)
    expect(lines[0]).toBe(
      `問い合わせ記録（2024-11以前）: ${first.counts.callsAnonymized}件の要旨・折り返し先を消去、発信者の仮名${first.counts.callerPseudonymsReplaced}件を置換（${first.counts.callerPseudonymsHeld}件は再入電の確認期間のため保留）`,
    )
    expect(lines).toContain('サイトの検索記録（2026-05以前）: 2件を削除')
    expect(lines).toContain('操作履歴（2021-11以前）: 1件を削除')
    expect(lines.find((l) => l.startsWith('エスカレーション'))).toMatch(/（未対応\d+件は保持）$/)
  })

  it('a second run the same day changes nothing and writes no audit entry', async () => {
    const before = await snapshot()
    const again = await mod.runRetention(payload, { now: NOW })
    expect(again.auditEntryId).toBeNull()
    expect(again.counts).toMatchObject({
      callsAnonymized: 0,
      callerPseudonymsReplaced: 0,
      callSearchWordsCleared: 0,
      escalationsAnonymized: 0,
      telephonyRecordsAnonymized: 0,
      siteEventsDeleted: 0,
      searchEventsDeleted: 0,
      auditEntriesDeleted: 0,
    })
    // Still waiting: the held pseudonyms and the open escalation.
    expect(again.counts.callerPseudonymsHeld).toBe(first.counts.callerPseudonymsHeld)
    expect(again.counts.escalationsKeptOpen).toBe(first.counts.escalationsKeptOpen)
    expect(await snapshot()).toEqual(before)
  })

  it('a month later, December is anonymized too, pseudonyms held only where a repeat still reaches the cutoff, every report the same', async () => {
    const next = await mod.runRetention(payload, { now: new Date('2027-01-06T12:00:00+09:00') })
    expect(next.cutoffs.calls.lastMonth).toBe('2024-12')
    expect(next.counts.callsAnonymized).toBeGreaterThan(500)
    expect(next.counts.callerPseudonymsReplaced).toBeGreaterThan(500)
    // What is still a real hash before the cutoff is exactly what this run held.
    const [real] = await sql.query<{ n: unknown }>(
      "SELECT COUNT(*) AS n FROM calls WHERE talk_started_at < ? AND caller_hash IS NOT NULL AND caller_hash NOT LIKE 'anon:%'",
      [next.cutoffs.calls.before],
    )
    expect(Number(real!.n)).toBe(next.counts.callerPseudonymsHeld)
    // …and every one of them has a call of its caller on its category within 7 days after the cutoff.
    const same = sql.dialect === 'postgres' ? 'IS NOT DISTINCT FROM' : 'IS'
    const until = new Date(Date.parse(next.cutoffs.calls.before) + 7 * 86_400_000).toISOString()
    const [unexplained] = await sql.query<{ n: unknown }>(
      `SELECT COUNT(*) AS n FROM calls x WHERE x.talk_started_at < ? AND x.caller_hash IS NOT NULL AND x.caller_hash NOT LIKE 'anon:%'
        AND NOT EXISTS (SELECT 1 FROM calls y WHERE y.caller_hash = x.caller_hash AND y.category_id ${same} x.category_id AND y.talk_started_at >= ? AND y.talk_started_at <= ?)`,
      [next.cutoffs.calls.before, next.cutoffs.calls.before, until],
    )
    expect(Number(unexplained!.n)).toBe(0)
    expect(hits(await snapshot(), ['新要旨カ', '新折返花子', '090-7777-0002', 'cafecafecafe'])).toEqual([])
    await expectReportsUnchanged()
  })
})

describe('two runs at once (two app servers on one database)', () => {
  it('do the work once: one audit entry, nothing done twice', async () => {
    const now = new Date('2027-02-06T12:00:00+09:00')
    const dry = await mod.runRetention(payload, { now, dryRun: true })
    expect(dry.counts.callsAnonymized).toBeGreaterThan(0)
    const runs = await Promise.all([mod.runRetention(payload, { now }), mod.runRetention(payload, { now })])
    const written = runs.filter((r) => r.auditEntryId !== null)
    expect(written).toHaveLength(1)
    expect(written[0]!.counts).toEqual(dry.counts)
    const other = runs.find((r) => r.auditEntryId === null)!
    // The other one either found the lock taken (PostgreSQL) or, after it, nothing left to do.
    if (!other.skipped)
      expect(other.counts).toMatchObject({
        callsAnonymized: 0,
        callerPseudonymsReplaced: 0,
        telephonyRecordsAnonymized: 0,
      })
    await expectReportsUnchanged()
  })

  it.runIf(Boolean(process.env.DATABASE_URL))(
    'PostgreSQL: a run that finds the lock taken does nothing',
    async () => {
      const pg = (await import('pg')).default
      const holder = new pg.Client({ connectionString: process.env.DATABASE_URL })
      await holder.connect()
      try {
        await holder.query('BEGIN')
        await holder.query('SELECT pg_advisory_xact_lock(4202900029)')
        const before = await snapshot()
        const r = await mod.runRetention(payload, { now: new Date('2027-06-06T12:00:00+09:00') })
        expect(r).toMatchObject({ skipped: true, auditEntryId: null })
        expect(await snapshot()).toEqual(before)
      } finally {
        await holder.query('ROLLBACK')
        await holder.end()
      }
    },
  )
})

describe('the periods (自治体情報 → 保存期間, content retentionSchema)', () => {
  const cityRetention = async () =>
    (
      (await payload.findGlobal({ slug: 'city-profile', depth: 0 })) as {
        retentionMonths?: Record<string, unknown>
      }
    ).retentionMonths

  beforeAll(async () => {
    // A city profile as the seed writes it, with no retention periods (every one at its default).
    await payload.updateGlobal({
      slug: 'city-profile',
      data: {
        name: '東広島市',
        nameEn: 'Higashihiroshima City',
        localGovernmentCode: '000000',
        hours: [{ label: '平日', weekdays: ['1', '2', '3', '4', '5'], opens: '08:30', closes: '17:15' }],
      } as never,
    })
  })

  it('the form refuses a period outside 1–120 whole months, naming the field', async () => {
    for (const bad of [0, -3, 121, 2.5]) {
      const error = await payload
        .updateGlobal({ slug: 'city-profile', data: { retentionMonths: { calls: bad } } as never })
        .then(
          () => null,
          (e: unknown) => e as { data?: { errors?: { path: string; message: string }[] } },
        )
      expect(error?.data?.errors, String(bad)).toEqual([
        expect.objectContaining({
          path: 'retentionMonths.calls',
          message: expect.stringContaining('1～120の整数'),
        }),
      ])
    }
    expect((await cityRetention())?.calls ?? null).toBeNull()
  })

  it('only administrators change them; the run reads what they set, blank fields at their defaults', async () => {
    await payload.updateGlobal({
      slug: 'city-profile',
      data: { nameEn: 'Higashi-Hiroshima City', retentionMonths: { calls: 1 } } as never,
      overrideAccess: false,
      user: users.reviewer,
    })
    expect((await payload.findGlobal({ slug: 'city-profile' })).nameEn).toBe('Higashi-Hiroshima City')
    expect((await cityRetention())?.calls ?? null).toBeNull()
    await payload.updateGlobal({
      slug: 'city-profile',
      data: { retentionMonths: { calls: 36, searchLogs: 3 } } as never,
      overrideAccess: false,
      user: users.admin,
    })
    const dry = await mod.runRetention(payload, { now: NOW, dryRun: true })
    expect(dry.retention).toEqual({ ...RETENTION_DEFAULTS, calls: 36, searchLogs: 3 })
    expect(dry.cutoffs.calls.lastMonth).toBe('2023-11')
    await payload.updateGlobal({
      slug: 'city-profile',
      data: { retentionMonths: { calls: null, searchLogs: null } } as never,
    })
    expect((await mod.runRetention(payload, { now: NOW, dryRun: true })).retention).toEqual(
      RETENTION_DEFAULTS,
    )
  })

  it('a stored period the schema refuses (written around the form) stops the run before it changes anything, naming the field', async () => {
    const { RetentionSettingsError } = await import('../src/retention/settings')
    await sql.run('UPDATE city_profile SET retention_months_site_events = ?', [-5])
    try {
      const before = await snapshot()
      const error = await mod
        .runRetention(payload, { now: new Date('2030-01-06T12:00:00+09:00') })
        .catch((e: unknown) => e)
      expect(error).toBeInstanceOf(RetentionSettingsError)
      expect(String((error as Error).message)).toContain(
        'retentionMonths.siteEvents: must be at least 1 month',
      )
      expect(await snapshot()).toEqual(before)
    } finally {
      await sql.run('UPDATE city_profile SET retention_months_site_events = NULL')
    }
  })
})

describe('the nightly schedule', () => {
  it('Payload schedules the run on its own queue for 03:30, once, and a scheduled job runs it', async () => {
    const { cronAtJst, RETENTION_CRON, RETENTION_QUEUE } = await import('../src/retention/task')
    const zone = (offsetMinutes: number) => ({ getTimezoneOffset: () => offsetMinutes }) as Date
    expect([
      cronAtJst(3, 30, zone(-540)),
      cronAtJst(3, 30, zone(0)),
      cronAtJst(3, 30, zone(300)),
      cronAtJst(0, 15, zone(0)),
    ]).toEqual(['30 3 * * *', '30 18 * * *', '30 13 * * *', '15 15 * * *'])
    const task = payload.config.jobs.tasks?.find((t) => t.slug === 'retention')
    expect(task?.schedule).toEqual([{ cron: RETENTION_CRON, queue: RETENTION_QUEUE }])
    // Every app server's job runner looks at that queue; tests and benchmarks (KOTAE_DISABLE_JOBS) schedule nothing.
    expect(payload.config.jobs.autoRun).toEqual(
      expect.arrayContaining([expect.objectContaining({ queue: RETENTION_QUEUE, disableScheduling: true })]),
    )

    expect((await payload.jobs.handleSchedules({ queue: RETENTION_QUEUE })).queued).toHaveLength(1)
    expect((await payload.jobs.handleSchedules({ queue: RETENTION_QUEUE })).queued).toHaveLength(0)
    const { docs } = await payload.find({
      collection: 'payload-jobs',
      where: { taskSlug: { equals: 'retention' } },
      depth: 0,
    })
    expect(docs).toHaveLength(1)
    // 03:30 JST, whatever the server's time zone.
    const waitUntil = jstParts(Date.parse(docs[0]!.waitUntil!))
    expect([waitUntil.hour, waitUntil.minute]).toEqual([3, 30])

    // Due now: the runner takes it, and it completes.
    await payload.update({
      collection: 'payload-jobs',
      id: docs[0]!.id,
      data: { waitUntil: new Date(Date.now() - 1000).toISOString() },
    })
    await payload.jobs.run({ queue: RETENTION_QUEUE })
    const left = await payload.find({
      collection: 'payload-jobs',
      where: { and: [{ taskSlug: { equals: 'retention' } }, { hasError: { equals: true } }] },
      depth: 0,
    })
    expect(left.docs).toEqual([])
    const done = await payload.find({
      collection: 'payload-jobs',
      where: { taskSlug: { equals: 'retention' } },
      depth: 0,
    })
    expect(done.docs.every((d) => d.completedAt)).toBe(true)
  })
})
