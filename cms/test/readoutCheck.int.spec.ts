/**
 * 読み上げ確認 (GET /api/readout-check, src/transcripts/readoutCheck.ts) on a real database: a call
 * whose transcript has the operator say a count different from the FAQ marked used is listed with
 * the operator's line and the FAQ's; a call read out correctly is not; supervisors,
 * 承認者 and admins only (市職員 reads no call logs).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { createLocalReq, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ROLES, type Role } from '../src/access/roles'
import type { TestUser } from './helpers'

let payload: Payload
let users: Record<Role, TestUser>
let readoutCheckEndpoint: typeof import('../src/transcripts/readoutCheck').readoutCheckEndpoint
let tmp: string
let wrongCall: number | string
let faqId: number | string

const vtt = (operatorLine: string) => `WEBVTT

00:00:01.000 --> 00:00:04.000
<v お客様>電子証明書はいつまで使えますか

00:00:04.500 --> 00:00:09.000
<v オペレーター>${operatorLine}
`

beforeAll(async () => {
  const helpers = await import('./helpers')
  ;({ readoutCheckEndpoint } = await import('../src/transcripts/readoutCheck'))
  const { importTranscripts } = await import('../src/transcripts/import')
  payload = await helpers.startPayload()
  users = await helpers.createRoleUsers(payload)
  const refs = await helpers.createReferences(payload)
  faqId = (
    await payload.create({
      collection: 'faqs',
      data: { ...helpers.faqData(refs), _status: 'published' } as never,
    })
  ).id
  const call = async (telephonyCallId: string, minute: number) =>
    (
      await payload.create({
        collection: 'calls',
        data: {
          channel: 'direct',
          callerType: 'self',
          summary: 'テスト',
          outcome: 'resolved',
          faqsUsed: [faqId],
          talkStartedAt: `2026-11-02T01:${String(minute).padStart(2, '0')}:00.000Z`,
          talkEndedAt: `2026-11-02T01:${String(minute + 3).padStart(2, '0')}:00.000Z`,
          telephonyCallId,
        } as never,
        overrideAccess: false,
        user: users.operator,
      })
    ).id
  wrongCall = await call('R-1', 0)
  await call('R-2', 10)
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-readout-int-'))
  fs.writeFileSync(path.join(tmp, 'R-1.vtt'), vtt('はい、発行日から3回目の誕生日までです。'))
  fs.writeFileSync(path.join(tmp, 'R-2.vtt'), vtt('はい、発行日から5回目の誕生日までです。'))
  const r = await importTranscripts(payload, { files: ['R-1.vtt', 'R-2.vtt'].map((f) => path.join(tmp, f)) })
  expect(r.ok).toBe(true)
})
afterAll(async () => {
  await payload?.destroy()
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true })
})

async function get(user: TestUser | undefined, query = '?from=2026-11-01&to=2026-11-30') {
  const req = await createLocalReq({ user: user ? ({ ...user } as never) : undefined }, payload)
  Object.assign(req, { searchParams: new URL(`http://localhost/api/readout-check${query}`).searchParams })
  return readoutCheckEndpoint.handler(req)
}

describe('GET /api/readout-check', () => {
  it('lists the call whose operator said another count than the FAQ, with both lines; not the call read out right', async () => {
    const res = await get(users.supervisor)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
      checked: 2,
      rows: [
        {
          call: { id: wrongCall, talkStartedAt: '2026-11-02T01:00:00.000Z' },
          faq: { id: faqId, question: '電子証明書の有効期限はいつまでですか？' },
          kind: 'count',
          operatorLine: 'はい、発行日から3回目の誕生日までです。',
          faqLine: '発行日から5回目の誕生日までです。',
          said: '3回',
          expected: ['5回'],
        },
      ],
    })
    expect(
      ((await (await get(users.admin, '?from=2026-10-01&to=2026-10-31')).json()) as { rows: [] }).rows,
    ).toEqual([])
    expect((await get(users.admin, '?from=2026-13-01')).status).toBe(400)
  })

  // Access-matrix cells for this endpoint: every role, and nobody signed in.
  for (const who of [...ROLES, 'anonymous'] as const) {
    const status = who === 'anonymous' ? 401 : ['admin', 'supervisor', 'reviewer'].includes(who) ? 200 : 403
    it(`readout check by ${who}: ${status}`, async () => {
      expect((await get(who === 'anonymous' ? undefined : users[who])).status).toBe(status)
    })
  }
})
