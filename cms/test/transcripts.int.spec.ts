/**
 * npm run import:transcripts (src/transcripts/import.ts) on a real database: linking by call id, by
 * the PBX record's call and by agent and time; only masked text stored; the same files twice change
 * nothing; any bad file fails the whole run with every file and line named; who may read a
 * transcript; a transcript goes with its call.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import iconv from 'iconv-lite'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Role } from '../src/access/roles'
import type { TestUser } from './helpers'

let payload: Payload
let users: Record<Role, TestUser>
let otherOperator: TestUser
let importTranscripts: typeof import('../src/transcripts/import').importTranscripts
let tmp: string

beforeAll(async () => {
  const helpers = await import('./helpers')
  ;({ importTranscripts } = await import('../src/transcripts/import'))
  payload = await helpers.startPayload()
  users = await helpers.createRoleUsers(payload)
  const other = await payload.create({
    collection: 'users',
    data: {
      email: 'operator2@example.test',
      password: 'correct horse battery',
      roles: ['operator'],
      name: 'op2',
    },
  })
  otherOperator = { id: other.id, email: other.email, roles: ['operator'], collection: 'users' }
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-transcripts-int-'))
})
afterAll(async () => {
  await payload?.destroy()
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true })
})

const write = (dir: string, name: string, content: string | Buffer) => {
  fs.mkdirSync(path.join(tmp, dir), { recursive: true })
  const f = path.join(tmp, dir, name)
  fs.writeFileSync(f, content)
  return f
}
const call = (data: Record<string, unknown>, user: TestUser = users.operator) =>
  payload.create({
    collection: 'calls',
    data: { channel: 'direct', callerType: 'self', summary: 'テスト', outcome: 'resolved', ...data } as never,
    overrideAccess: false,
    user,
  })
const stored = async () =>
  (
    await payload.find({
      collection: 'transcripts',
      depth: 0,
      limit: 0,
      pagination: false,
      overrideAccess: true,
      sort: 'transcriptKey',
    })
  ).docs

const VTT = `WEBVTT

00:00:01.000 --> 00:00:04.000
<v オペレーター>お電話ありがとうございます。マイナンバーカードコールセンターです。

00:00:04.500 --> 00:00:09.000
<v お客様>山田太郎です。電話番号は090-4821-7365です。暗証番号を忘れてしまって

00:00:09.500 --> 00:00:14.000
<v オペレーター>暗証番号の再設定は、お住まいの市区町村の窓口でできます。
`
let callA: number | string
let callB: number | string
let callC: number | string

describe('import:transcripts', () => {
  it('links by call id, through the PBX record, and by agent and time; keeps an unlinked one visible; stores only masked text', async () => {
    callA = (
      await call({
        talkStartedAt: '2026-10-01T00:00:12.000Z',
        talkEndedAt: '2026-10-01T00:05:10.000Z',
        telephonyCallId: 'P-100',
      })
    ).id
    callB = (
      await call({ talkStartedAt: '2026-10-01T01:00:00.000Z', talkEndedAt: '2026-10-01T01:04:00.000Z' })
    ).id
    callC = (
      await call(
        { talkStartedAt: '2026-10-01T02:00:30.000Z', talkEndedAt: '2026-10-01T02:06:00.000Z' },
        otherOperator,
      )
    ).id
    // The PBX record P-200 is linked to call B; P-300 is known to the PBX but not linked to any call.
    await payload.db.create({
      collection: 'telephony-records',
      data: {
        pbxCallId: 'P-200',
        queue: 'q',
        offeredAt: '2026-10-01T00:59:50.000Z',
        call: callB,
        linkMethod: 'agent-time',
      },
    })
    await payload.db.create({
      collection: 'telephony-records',
      data: { pbxCallId: 'P-300', queue: 'q', offeredAt: '2026-10-01T03:00:00.000Z' },
    })
    write('good', 'P-100.vtt', VTT)
    write(
      'good',
      'P-200.json',
      JSON.stringify({
        segments: [
          { start: 0, end: 3, text: 'はい、コールセンターです', speaker: 'agent' },
          { start: 3.5, end: 6, text: 'カードの更新について', speaker: 'customer' },
        ],
      }),
    )
    // No call id: the agent op-c (operator2 by the mapping? no: op-c is operator@) and the start time.
    write(
      'good',
      'rec-1.json',
      JSON.stringify({
        agent: 'op-z',
        started_at: '2026-10-01 11:00:20',
        segments: [{ start: 0, end: 2, text: 'お待たせしました', speaker: 'operator' }],
      }),
    )
    write(
      'good',
      'day.csv',
      'call_id,speaker,start,end,text\nP-300,operator,0,2,はい\nP-300,caller,2.5,5,ミナミカワ ハルエ様の件です\n',
    )
    const r = await importTranscripts(payload, {
      files: fs
        .readdirSync(path.join(tmp, 'good'))
        .sort()
        .map((f) => path.join(tmp, 'good', f)),
      mapping: { agents: { 'op-z': 'operator2@example.test' } },
    })
    expect(r).toMatchObject({
      ok: true,
      files: 4,
      transcripts: 4,
      inserted: 4,
      updated: 0,
      unchanged: 0,
      links: { byCallId: 2, byAgentTime: 1, unlinked: 1 },
      unlinkedKeys: ['P-300'],
    })
    const docs = await stored()
    expect(docs.map((d) => [d.transcriptKey, d.call, d.linkMethod])).toEqual([
      ['P-100', callA, 'call-id'],
      ['P-200', callB, 'call-id'],
      ['P-300', null, 'unlinked'],
      ['op-z@2026-10-01T02:00:20.000Z', callC, 'agent-time'],
    ])
    const a = docs[0]!.segments as { speaker: string; text: string }[]
    expect(a.map((s) => s.speaker)).toEqual(['operator', 'caller', 'operator'])
    expect(a[1]!.text).toContain('［電話番号］')
    expect(JSON.stringify(docs)).not.toMatch(/山田太郎|090-4821-7365|ミナミカワ/)
    expect(docs[0]!.audioUri).toBeNull()
  })

  it('the same files again change nothing', async () => {
    const before = await stored()
    const r = await importTranscripts(payload, {
      files: fs
        .readdirSync(path.join(tmp, 'good'))
        .sort()
        .map((f) => path.join(tmp, 'good', f)),
      mapping: { agents: { 'op-z': 'operator2@example.test' } },
    })
    expect(r).toMatchObject({ ok: true, inserted: 0, updated: 0, unchanged: 4 })
    expect(await stored()).toEqual(before)
  })

  it('any bad file fails the run: every file and line named, nothing written (not even the good file beside them)', async () => {
    const files = [
      write('bad', 'P-500.vtt', VTT),
      write('bad', 'notes.txt', 'メモ：折り返し希望\n'),
      write('bad', 'P-501.vtt', 'WEBVTT\n\n00:00:05.000 --> 00:00:02.000\n<v お客様>あの\n'),
      write(
        'bad',
        'P-502.srt',
        '1\n00:00:01,000 --> 00:00:05,000\nお客様: えっと\n\n2\n00:00:03,000 --> 00:00:06,000\nお客様: はい\n',
      ),
      write('bad', 'P-999.json', JSON.stringify({ segments: [{ start: 0, end: 1, text: 'はい' }] })),
      write(
        'bad',
        'P-503.vtt',
        Buffer.concat([
          Buffer.from(
            'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v お客様>こんにちは\n\n00:00:03.000 --> 00:00:04.000\n',
          ),
          iconv.encode('<v お客様>更新です\n', 'cp932'),
        ]),
      ),
      write('bad', 'empty.vtt', ''),
    ]
    const big = write('bad', 'P-504.vtt', '')
    fs.truncateSync(big, 200 * 1024 * 1024)
    const count = (await stored()).length
    const r = await importTranscripts(payload, { files: [...files, big] })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.errors.map((e) => [e.file, e.line, e.code])).toEqual([
      ['P-501.vtt', 3, 'end-before-start'],
      ['P-502.srt', 6, 'overlap'],
      ['P-503.vtt', 4, 'mixed-encoding'],
      ['P-504.vtt', null, 'too-large'],
      ['empty.vtt', null, 'empty-file'],
      ['notes.txt', 1, 'unknown-format'],
    ])
    expect((await stored()).length).toBe(count)
    // The unknown call id is found once the files themselves are good.
    const r2 = await importTranscripts(payload, { files: [files[0]!, files[4]!] })
    expect(r2.ok ? [] : r2.errors.map((e) => [e.file, e.line, e.code, e.value])).toEqual([
      ['P-500.vtt', 1, 'unknown-call-id', 'P-500'],
      ['P-999.json', 1, 'unknown-call-id', 'P-999'],
    ])
    expect((await stored()).length).toBe(count)
  })

  it('readable by supervisors, the city roles and the call’s own operator only', async () => {
    const keys = async (user: TestUser) =>
      (
        await payload.find({
          collection: 'transcripts',
          overrideAccess: false,
          user,
          depth: 0,
          sort: 'transcriptKey',
        })
      ).docs.map((d) => d.transcriptKey)
    const all = ['P-100', 'P-200', 'P-300', 'op-z@2026-10-01T02:00:20.000Z']
    for (const role of ['admin', 'supervisor', 'reviewer', 'cityViewer'] as const)
      expect([role, await keys(users[role])]).toEqual([role, all])
    expect(await keys(users.operator)).toEqual(['P-100', 'P-200'])
    expect(await keys(otherOperator)).toEqual(['op-z@2026-10-01T02:00:20.000Z'])
    await expect(keys(users.editor)).rejects.toThrow(/許可されていません/)
    await expect(
      payload.create({
        collection: 'transcripts',
        data: {
          transcriptKey: 'x',
          linkMethod: 'unlinked',
          format: 'vtt',
          segments: [],
          segmentCount: 0,
          durationSeconds: 0,
          contentHash: 'x',
        },
        overrideAccess: false,
        user: users.supervisor,
      }),
    ).rejects.toThrow()
  })

  it('a transcript is deleted with its call', async () => {
    await payload.delete({ collection: 'calls', id: callA, overrideAccess: false, user: users.admin })
    expect((await stored()).map((d) => d.transcriptKey)).toEqual([
      'P-200',
      'P-300',
      'op-z@2026-10-01T02:00:20.000Z',
    ])
  })

  it('the retention run deletes transcripts past the period (3 months) from their call’s start; an unlinked one from its import', async () => {
    const { runRetention } = await import('../src/retention/run')
    const dry = await runRetention(payload, { now: new Date('2027-02-10T00:00:00Z'), dryRun: true })
    expect(dry.counts.transcriptsDeleted).toBe(2)
    const r = await runRetention(payload, { now: new Date('2027-02-10T00:00:00Z') })
    expect(r.counts.transcriptsDeleted).toBe(2)
    expect((await stored()).map((d) => d.transcriptKey)).toEqual(['P-300'])
  })
})
