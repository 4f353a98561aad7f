import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Role } from '../src/access/roles'
import type { TestUser } from './helpers'

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../analytics/test/fixtures')
const SALT = 'telephony-test-salt-0123456789'

let payload: Payload
let users: Record<Role, TestUser>
let importTelephony: typeof import('../src/collections/TelephonyRecords/importTelephony').importTelephony

beforeAll(async () => {
  const helpers = await import('./helpers')
  ;({ importTelephony } = await import('../src/collections/TelephonyRecords/importTelephony'))
  payload = await helpers.startPayload()
  users = await helpers.createRoleUsers(payload)
})
afterAll(async () => {
  await payload?.destroy()
})

// The city's mapping, with the caller column and the PBX agent op-c being operator@example.test.
const mapping = {
  ...JSON.parse(fs.readFileSync(path.join(fixtures, 'telephony-mapping.json'), 'utf8')),
  columns: {
    ...JSON.parse(fs.readFileSync(path.join(fixtures, 'telephony-mapping.json'), 'utf8')).columns,
    caller: '発信者番号',
  },
  agents: { 'op-c': 'operator@example.test' },
}
const CSV = [
  '通話ID,キュー,着信日時,応答日時,放棄日時,終話日時,オペレーターID,後処理終了日時,発信者番号',
  'T001,マイナンバー,2026/10/01 09:00:00,2026/10/01 09:00:10,,2026/10/01 09:05:10,op-a,2026/10/01 09:06:10,090-1234-5678',
  'T002,マイナンバー,2026/10/01 09:15:00,,2026/10/01 09:15:03,2026/10/01 09:15:03,,,非通知',
  'T003,マイナンバー,2026/10/15 23:50:00,2026/10/15 23:50:15,,2026/10/16 00:10:00,op-c,2026/10/16 00:12:00,０９０－１２３４－５６７８',
  'T004,予約専用,2026/10/31 23:55:00,2026/10/31 23:55:08,,2026/11/01 00:20:00,op-a,-,03-1111-2222',
].join('\r\n')
const run = (csv: string | Buffer, m: unknown = mapping) =>
  importTelephony(payload, { mapping: m, open: () => csv, source: 'test.csv', salt: SALT })
const count = async () => (await payload.count({ collection: 'telephony-records' })).totalDocs
const call = (data: Record<string, unknown>) =>
  payload.create({
    collection: 'calls',
    data: { channel: 'direct', callerType: 'self', summary: 'テスト', outcome: 'resolved', ...data } as never,
    overrideAccess: false,
    user: users.operator,
  })

describe('telephony import (npm run import:telephony)', () => {
  it('upserts every record, stores the caller only as a salted hash and links records to call logs by id or by agent and time', async () => {
    const byId = await call({
      talkStartedAt: '2026-10-01T00:00:12.000Z',
      talkEndedAt: '2026-10-01T00:05:10.000Z',
      telephonyCallId: 'T001',
    })
    // No id: the PBX's op-c is this operator (mapping.agents), and the talk starts 20 s after the answer.
    const byTime = await call({
      talkStartedAt: '2026-10-15T14:50:35.000Z',
      talkEndedAt: '2026-10-15T15:10:00.000Z',
    })
    // Another operator's call at the same time is not op-c's.
    await payload.create({
      collection: 'calls',
      data: {
        channel: 'direct',
        callerType: 'self',
        summary: '別の人',
        outcome: 'resolved',
        talkStartedAt: '2026-10-15T14:50:20.000Z',
        talkEndedAt: '2026-10-15T14:55:00.000Z',
        operator: users.supervisor.id,
      } as never,
    })

    const r = await run(CSV)
    expect(r).toMatchObject({
      ok: true,
      rows: 4,
      inserted: 4,
      updated: 0,
      unchanged: 0,
      links: { byCallId: 1, byAgentTime: 1, unlinked: 2 },
    })
    expect(await count()).toBe(4)

    const docs = (
      await payload.find({ collection: 'telephony-records', sort: 'pbxCallId', depth: 0, limit: 10 })
    ).docs
    expect(docs.map((d) => [d.pbxCallId, d.call ?? null, d.linkMethod ?? null])).toEqual([
      ['T001', byId.id, 'call-id'],
      ['T002', null, null],
      ['T003', byTime.id, 'agent-time'],
      ['T004', null, null],
    ])
    expect(docs[0]).toMatchObject({
      queue: 'マイナンバー',
      offeredAt: '2026-10-01T00:00:00.000Z',
      answeredAt: '2026-10-01T00:00:10.000Z',
      agent: 'op-a',
      importedFrom: 'test.csv',
    })
    // The same caller however written; 非通知 has no hash; no digits of the number anywhere in a row.
    expect(docs[0]!.callerHash).toMatch(/^[0-9a-f]{64}$/)
    expect(docs[2]!.callerHash).toBe(docs[0]!.callerHash)
    expect(docs[1]!.callerHash ?? null).toBeNull()
    expect(docs[3]!.callerHash).not.toBe(docs[0]!.callerHash)
    expect(JSON.stringify(docs)).not.toMatch(/1234|5678|1111-2222/)
    // Each linked call log carries its record's hash (for the report's repeat check); the rest none.
    const { sqlOf } = await import('../src/db/sql')
    const stored = await sqlOf(payload).query<{ id: number; h: string | null }>(
      'SELECT id, caller_hash AS h FROM calls ORDER BY id',
    )
    expect(stored.map((c) => [Number(c.id), c.h])).toEqual([
      [byId.id, docs[0]!.callerHash],
      [byTime.id, docs[2]!.callerHash],
      [expect.any(Number), null],
    ])
    // The migration that added the column back-fills it from the links (run again on a dropped column).
    const pg = payload.db.name === 'postgres'
    const migration = pg
      ? await import('../src/migrations/postgres/20261130_045242_calls_caller_hash')
      : await import('../src/migrations/sqlite/20261130_045238_calls_caller_hash')
    // The report rollups' index (migration report_rollups) covers the column: out of the way, then back.
    await sqlOf(payload).query('DROP INDEX calls_caller_category_time_idx')
    await sqlOf(payload).query('ALTER TABLE calls DROP COLUMN caller_hash')
    await migration.up({
      db: (payload.db as unknown as { drizzle: unknown }).drizzle,
      payload,
      req: {},
    } as never)
    await sqlOf(payload).query(
      'CREATE INDEX calls_caller_category_time_idx ON calls (caller_hash, category_id, talk_started_at)',
    )
    expect(await sqlOf(payload).query('SELECT id, caller_hash AS h FROM calls ORDER BY id')).toEqual(stored)
  })

  it('the same file twice adds and changes nothing; a corrected row is updated in place', async () => {
    const before = (await payload.find({ collection: 'telephony-records', sort: 'pbxCallId', depth: 0 })).docs
    expect(await run(CSV)).toMatchObject({
      ok: true,
      rows: 4,
      inserted: 0,
      updated: 0,
      unchanged: 4,
      links: { changed: 0 },
    })
    const again = (await payload.find({ collection: 'telephony-records', sort: 'pbxCallId', depth: 0 })).docs
    expect(again.map((d) => d.updatedAt)).toEqual(before.map((d) => d.updatedAt))

    const corrected = CSV.replace('T004,予約専用', 'T004,マイナンバー')
    expect(await run(corrected)).toMatchObject({ ok: true, inserted: 0, updated: 1, unchanged: 3 })
    expect(await count()).toBe(4)
    expect(
      (await payload.find({ collection: 'telephony-records', where: { pbxCallId: { equals: 'T004' } } }))
        .docs[0]?.queue,
    ).toBe('マイナンバー')
  })

  it('a file with bad rows imports nothing and names every bad row', async () => {
    const bad = fs.readFileSync(path.join(fixtures, 'telephony-bad.utf8.csv'))
    const r = await run(
      bad,
      JSON.parse(fs.readFileSync(path.join(fixtures, 'telephony-mapping.json'), 'utf8')),
    )
    expect(r.ok).toBe(false)
    if (r.ok) return
    const rows = new Set(r.errors.map((e) => e.row))
    expect([...rows].length).toBeGreaterThanOrEqual(3)
    expect(r.errors.map((e) => e.code)).toEqual(
      expect.arrayContaining(['bad-time', 'answer-before-offer', 'end-before-answer']),
    )
    // Duplicates found in the staging table: the same list, in the same order, as the in-memory reader's.
    const { parseTelephonyCsv } = await import('@kotae/analytics/telephony.node')
    const inMemory = await parseTelephonyCsv(
      bad,
      JSON.parse(fs.readFileSync(path.join(fixtures, 'telephony-mapping.json'), 'utf8')),
    )
    expect(!inMemory.ok && [inMemory.errors, inMemory.errorCount]).toEqual([r.errors, r.errorCount])
    expect(await count()).toBe(4)
    expect(
      (await payload.find({ collection: 'telephony-records', where: { pbxCallId: { equals: 'B01' } } }))
        .totalDocs,
    ).toBe(0)
  })

  it('a missing mapped column, an unknown encoding or a bad mapping: nothing imported', async () => {
    const noCaller = CSV.replace(',発信者番号', ',電話').replace(/\r\n/g, '\n')
    expect(await run(noCaller)).toMatchObject({
      ok: false,
      errors: [expect.objectContaining({ code: 'missing-column', column: '発信者番号' })],
    })
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CSV, 'utf16le')])
    expect(await run(utf16)).toMatchObject({ ok: false })
    expect(await run(CSV, { columns: { offeredAt: '着信日時' } })).toMatchObject({
      ok: false,
      errors: [expect.objectContaining({ code: 'bad-mapping' })],
    })
    expect(await count()).toBe(4)
  })

  it('a Shift_JIS export is read too', async () => {
    const r = await run(
      fs.readFileSync(path.join(fixtures, 'telephony-good.sjis.csv')),
      JSON.parse(fs.readFileSync(path.join(fixtures, 'telephony-mapping.json'), 'utf8')),
    )
    expect(r).toMatchObject({ ok: true, rows: 5, inserted: 5, encoding: 'shift_jis' })
    expect(await count()).toBe(9)
  })

  it('duplicate call ids are found in the staging table, also beside other bad rows; nothing imported', async () => {
    const dup = [
      CSV,
      'T001,マイナンバー,2026/10/02 09:00:00,,,,,,',
      'T002,マイナンバー,2026/10/02 25:00:00,,,,,,',
      'T002,マイナンバー,2026/10/02 10:00:00,,,,,,',
    ].join('\r\n')
    const r = await run(dup)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.errors.map((e) => [e.row, e.code, e.value])).toEqual([
      [6, 'duplicate-call-id', 'T001'],
      [7, 'bad-time', '2026/10/02 25:00:00'],
      [7, 'duplicate-call-id', 'T002'],
      [8, 'duplicate-call-id', 'T002'],
    ])
    expect(r.errors[0]).toMatchObject({
      column: '通話ID',
      field: 'callId',
      message: expect.stringContaining('2 行目と同じ'),
    })
    expect(r.errorCount).toBe(4)
    expect(await count()).toBe(9)
  })

  it('a PBX without call ids: ids from queue and offer time, numbered in file order; the same file again changes nothing', async () => {
    const noIds = {
      columns: { queue: 'キュー', offeredAt: '着信日時', answeredAt: '応答日時' },
      timestamps: { format: 'yyyy/MM/dd HH:mm:ss' },
    }
    const text =
      'キュー,着信日時,応答日時\nq,2026/10/03 09:00:00,\nq,2026/10/03 09:00:00,2026/10/03 09:00:04\nq,2026/10/03 09:01:00,\n'
    expect(await run(text, noIds)).toMatchObject({ ok: true, rows: 3, inserted: 3 })
    expect(await run(text, noIds)).toMatchObject({ ok: true, rows: 3, inserted: 0, updated: 0, unchanged: 3 })
    const docs = (
      await payload.find({
        collection: 'telephony-records',
        where: { queue: { equals: 'q' } },
        sort: 'pbxCallId',
        depth: 0,
      })
    ).docs
    expect(docs.map((d) => [d.pbxCallId, d.answeredAt ?? null])).toEqual([
      ['q@2026-10-03T00:00:00.000Z', null],
      ['q@2026-10-03T00:00:00.000Z#2', '2026-10-03T00:00:04.000Z'],
      ['q@2026-10-03T00:01:00.000Z', null],
    ])
    await payload.delete({ collection: 'telephony-records', where: { queue: { equals: 'q' } } })
  })

  it('cells with tabs, backslashes, quotes and line breaks are stored as written (COPY escaping)', async () => {
    const odd = [
      '通話ID,キュー,着信日時,応答日時',
      'X\\1,"改行\nと\tタブ",2026/10/04 09:00:00,',
      '"X""2",\\N,2026/10/04 09:00:01,',
    ].join('\n')
    const m = {
      columns: { callId: '通話ID', queue: 'キュー', offeredAt: '着信日時', answeredAt: '応答日時' },
      timestamps: { format: 'yyyy/MM/dd HH:mm:ss' },
    }
    expect(await run(odd, m)).toMatchObject({ ok: true, inserted: 2 })
    expect(await run(odd, m)).toMatchObject({ ok: true, inserted: 0, unchanged: 2 })
    const docs = (
      await payload.find({
        collection: 'telephony-records',
        where: { pbxCallId: { in: ['X\\1', 'X"2'] } },
        sort: 'pbxCallId',
        depth: 0,
      })
    ).docs
    expect(docs.map((d) => [d.pbxCallId, d.queue])).toEqual([
      ['X"2', '\\N'],
      ['X\\1', '改行\nと\tタブ'],
    ])
    await payload.delete({ collection: 'telephony-records', where: { pbxCallId: { in: ['X\\1', 'X"2'] } } })
  })

  it('report readers read telephony records; operators and editors do not; nobody writes them through the API', async () => {
    for (const role of ['supervisor', 'cityViewer', 'reviewer', 'admin'] as const)
      expect(
        (await payload.find({ collection: 'telephony-records', overrideAccess: false, user: users[role] }))
          .totalDocs,
        role,
      ).toBe(9)
    for (const role of ['operator', 'editor'] as const)
      await expect(
        payload.find({ collection: 'telephony-records', overrideAccess: false, user: users[role] }),
        role,
      ).rejects.toThrow()
    await expect(
      payload.create({
        collection: 'telephony-records',
        data: { pbxCallId: 'X', queue: 'q', offeredAt: '2026-10-01T00:00:00.000Z' },
        overrideAccess: false,
        user: users.supervisor,
      }),
    ).rejects.toThrow()
  })

  it("a linked call carries its record's caller hash for the report, never over the API, and loses it with the link", async () => {
    const { sqlOf } = await import('../src/db/sql')
    const { handleEndpoints } = await import('payload')
    const stored = async (id: unknown) =>
      (
        await sqlOf(payload).query<{ h: string | null }>('SELECT caller_hash AS h FROM calls WHERE id = ?', [
          Number(id),
        ])
      )[0]?.h ?? null
    const [t1] = (
      await payload.find({
        collection: 'telephony-records',
        where: { pbxCallId: { equals: 'T001' } },
        depth: 0,
      })
    ).docs
    expect(t1!.callerHash).toMatch(/^[0-9a-f]{64}$/)
    expect(await stored(t1!.call)).toBe(t1!.callerHash)

    // Never returned: GET /api/calls/:id and the list as admin, the local API with access.
    const { token } = await payload.login({
      collection: 'users',
      data: { email: users.admin.email, password: 'correct horse battery' },
    })
    const get = (url: string) =>
      handleEndpoints({
        config: payload.config,
        request: new Request(`http://localhost${url}`, { headers: { Authorization: `JWT ${token}` } }),
      })
    const one = await get(`/api/calls/${t1!.call}`)
    expect(one.status).toBe(200)
    const body = (await one.json()) as Record<string, unknown>
    expect(body.id).toBe(t1!.call)
    expect(body).not.toHaveProperty('callerHash')
    const list = await get('/api/calls?limit=100&depth=0')
    expect(list.status).toBe(200)
    const listed = await list.text()
    expect(listed).toContain(`"id":${t1!.call}`)
    expect(listed).not.toContain(t1!.callerHash!)
    expect(listed).not.toContain('callerHash')
    const local = await payload.findByID({
      collection: 'calls',
      id: t1!.call as number,
      overrideAccess: false,
      user: users.admin,
    })
    expect(local).not.toHaveProperty('callerHash')

    // Not writable through the API, and an edit keeps it.
    await payload.update({
      collection: 'calls',
      id: t1!.call as number,
      data: { summary: '編集しました', callerHash: 'forged' } as never,
      overrideAccess: false,
      user: users.admin,
    })
    expect(await stored(t1!.call)).toBe(t1!.callerHash)

    // The link goes (the call log's id no longer matches): the hash goes; it comes back with the link.
    await payload.update({
      collection: 'calls',
      id: t1!.call as number,
      data: { telephonyCallId: 'T999' } as never,
      overrideAccess: true,
    })
    expect(await run(CSV)).toMatchObject({ ok: true })
    expect(
      (
        await payload.find({
          collection: 'telephony-records',
          where: { pbxCallId: { equals: 'T001' } },
          depth: 0,
        })
      ).docs[0]?.call ?? null,
    ).toBeNull()
    expect(await stored(t1!.call)).toBeNull()
    await payload.update({
      collection: 'calls',
      id: t1!.call as number,
      data: { telephonyCallId: 'T001' } as never,
      overrideAccess: true,
    })
    expect(await run(CSV)).toMatchObject({ ok: true })
    expect(await stored(t1!.call)).toBe(t1!.callerHash)

    // A record deleted by an admin takes its hash off the call.
    await payload.delete({
      collection: 'telephony-records',
      id: t1!.id,
      overrideAccess: false,
      user: users.admin,
    })
    expect(await stored(t1!.call)).toBeNull()
    const after = await payload.findByID({
      collection: 'calls',
      id: t1!.call as number,
      overrideAccess: true,
      depth: 0,
    })
    expect(after).toMatchObject({ summary: '編集しました', telephonyCallId: 'T001' })
  })
})
