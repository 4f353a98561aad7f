/**
 * POST /api/transcript-upload (src/transcripts/upload.ts): the admin's upload runs the CLI's import
 * on a real database: admins and supervisors only; every bad file and line listed and nothing
 * written; the same files again change nothing; an oversized request refused before it is read.
 */
import { createLocalReq, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Role } from '../src/access/roles'
import type { TestUser } from './helpers'

let payload: Payload
let users: Record<Role, TestUser>
let endpoint: typeof import('../src/transcripts/upload')

beforeAll(async () => {
  const helpers = await import('./helpers')
  endpoint = await import('../src/transcripts/upload')
  payload = await helpers.startPayload()
  users = await helpers.createRoleUsers(payload)
  await payload.create({
    collection: 'calls',
    data: {
      channel: 'direct',
      callerType: 'self',
      summary: 'テスト',
      outcome: 'resolved',
      talkStartedAt: '2026-10-01T00:00:12.000Z',
      talkEndedAt: '2026-10-01T00:05:10.000Z',
      telephonyCallId: 'U-100',
    } as never,
    overrideAccess: false,
    user: users.operator,
  })
})
afterAll(async () => {
  await payload?.destroy()
})

const VTT = `WEBVTT

00:00:01.000 --> 00:00:04.000
<v オペレーター>お電話ありがとうございます。

00:00:04.500 --> 00:00:09.000
<v お客様>山田太郎です。電話番号は090-4821-7365です。
`
const file = (name: string, text: string) => new File([text], name)

async function upload(user: TestUser | undefined, files: File[], contentLength?: number) {
  const form = new FormData()
  for (const f of files) form.append('files', f)
  const size = contentLength ?? files.reduce((n, f) => n + f.size, 0) + 200
  const req = await createLocalReq({ user: user ? ({ ...user } as never) : undefined }, payload)
  Object.assign(req, {
    headers: new Headers({ 'content-length': String(size) }),
    formData: async () => form,
  })
  return endpoint.transcriptUploadEndpoint.handler(req)
}
const stored = async () =>
  (
    await payload.find({
      collection: 'transcripts',
      depth: 0,
      pagination: false,
      overrideAccess: true,
      sort: 'transcriptKey',
    })
  ).docs

describe('POST /api/transcript-upload', () => {
  it('is for admins and supervisors only', async () => {
    expect((await upload(undefined, [file('U-100.vtt', VTT)])).status).toBe(401)
    for (const role of ['editor', 'reviewer', 'operator', 'cityViewer'] as const)
      expect([role, (await upload(users[role], [file('U-100.vtt', VTT)])).status]).toEqual([role, 403])
    expect(await stored()).toEqual([])
  })

  it('a bad file among good ones: every file and line named, nothing written', async () => {
    const res = await upload(users.supervisor, [
      file('U-100.vtt', VTT),
      file('U-101.vtt', 'WEBVTT\n\n00:00:05.000 --> 00:00:02.000\n<v お客様>あの\n'),
      file('notes.txt', 'メモ\n'),
      file('empty.vtt', ''),
    ])
    expect(res.status).toBe(422)
    const body = (await res.json()) as {
      ok: boolean
      errors: { file: string; line: number | null; code: string }[]
    }
    expect(body.ok).toBe(false)
    expect(body.errors.map((e) => [e.file, e.line, e.code])).toEqual([
      ['U-101.vtt', 3, 'end-before-start'],
      ['empty.vtt', null, 'empty-file'],
      ['notes.txt', 1, 'unknown-format'],
    ])
    expect(await stored()).toEqual([])
  })

  it('two files of the same name, a file over 20 MB, or a request over 50 MB: refused, nothing written', async () => {
    const dup = await upload(users.admin, [file('U-100.vtt', VTT), file('dir/U-100.vtt', VTT)])
    expect(dup.status).toBe(422)
    expect(((await dup.json()) as { errors: { file: string; code: string }[] }).errors).toMatchObject([
      { file: 'U-100.vtt', code: 'duplicate-file-name' },
    ])
    const big = await upload(users.admin, [file('big.vtt', `WEBVTT\n\n${'x'.repeat(21 * 1024 * 1024)}`)])
    expect(big.status).toBe(422)
    expect(((await big.json()) as { errors: { file: string; code: string }[] }).errors).toMatchObject([
      { file: 'big.vtt', code: 'too-large' },
    ])
    const huge = await upload(users.admin, [file('U-100.vtt', VTT)], 51 * 1024 * 1024)
    expect(huge.status).toBe(413)
    expect(await stored()).toEqual([])
  })

  it('good files are imported masked; the same files again change nothing', async () => {
    const res = await upload(users.supervisor, [file('U-100.vtt', VTT)])
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ ok: true, transcripts: 1, inserted: 1, links: { byCallId: 1 } })
    const before = await stored()
    expect(before.map((d) => [d.transcriptKey, d.linkMethod, d.importedFrom])).toEqual([
      ['U-100', 'call-id', 'U-100.vtt'],
    ])
    expect(JSON.stringify(before)).not.toMatch(/山田太郎|090-4821-7365/)
    const again = await upload(users.admin, [file('U-100.vtt', VTT)])
    expect(await again.json()).toMatchObject({ ok: true, inserted: 0, updated: 0, unchanged: 1 })
    expect(await stored()).toEqual(before)
  })
})
