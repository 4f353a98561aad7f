import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { loadValidContent } from '@kotae/content'
import { createLocalReq, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ROLES, type Role } from '../src/access/roles'
import { attentionOf, SITE_BEHIND_AFTER_MS, type HealthDetails } from '../src/health/details'
import { healthEndpoint } from '../src/health/endpoint'
import { healthPage, healthPageData } from '../src/health/page'
import { warmOperatorIndex } from '../src/search/operatorIndex'
import { seedContent } from '../src/seed/seedContent'
import { createRoleUsers, startPayload, type TestUser } from './helpers'

let payload: Payload
let users: Record<Role, TestUser>
const siteDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-health-'))

beforeAll(async () => {
  process.env.KOTAE_SITE_DIR = siteDir
  payload = await startPayload()
  users = await createRoleUsers(payload)
  await seedContent(payload, await loadValidContent())
})
afterAll(async () => {
  delete process.env.KOTAE_SITE_DIR
  await payload?.destroy()
})

/** The endpoint's JSON: `{ status }` for most, the details for an administrator. */
async function health(user?: TestUser): Promise<{ status: number; body: HealthDetails }> {
  const req = await createLocalReq({ user: user ? ({ ...user } as never) : undefined }, payload)
  const res = await healthEndpoint.handler(req)
  return { status: res.status, body: (await res.json()) as HealthDetails }
}

describe('GET /api/health', () => {
  it('tells anyone only whether Kotae is up', async () => {
    for (const user of [undefined, users.operator, users.cityViewer]) {
      const { status, body } = await health(user)
      expect(status).toBe(200)
      expect(body).toEqual({ status: 'ok' })
    }
  })

  it("tells an administrator the database, this server's operator index and the site build, with their ages", async () => {
    const before = (await health(users.admin)).body
    expect(before.database).toMatchObject({
      ok: true,
      kind: process.env.DATABASE_URL ? 'postgres' : 'sqlite',
    })
    expect(before.site).toMatchObject({ enabled: true, builtAt: null, ageSeconds: null })
    // No index yet, no site build: 注意, with both reasons.
    expect(before.state).toBe('attention')
    expect(before.attention).toEqual(['index-not-built', 'site-not-built'])

    await warmOperatorIndex(payload)
    const build = path.join(siteDir, 'builds', 'b1')
    fs.mkdirSync(build, { recursive: true })
    fs.writeFileSync(path.join(build, 'index.html'), '<!doctype html>')
    fs.symlinkSync(build, path.join(siteDir, 'current'))

    const after = (await health(users.admin)).body
    expect(after.status).toBe('ok')
    expect(after.operatorIndex.built).toBe(true)
    expect(after.operatorIndex.documents).toBeGreaterThan(100)
    expect(after.operatorIndex.ageSeconds).toBeGreaterThanOrEqual(0)
    expect(after.site.enabled).toBe(true)
    expect(Date.parse(after.site.builtAt!)).toBeGreaterThan(Date.now() - 60_000)
    expect(after.state).toBe('ok')
    expect(after.attention).toEqual([])
  })

  it('is 注意 when the published content changed after the live build and no rebuild came within five minutes', async () => {
    const faq = (
      await payload.find({
        collection: 'faqs',
        where: { slug: { equals: 'pin-forgot' } },
        limit: 1,
        depth: 0,
      })
    ).docs[0]!
    const build = fs.realpathSync(path.join(siteDir, 'current'))
    const past = new Date(Date.now() - 60_000)
    fs.utimesSync(build, past, past)
    await payload.update({
      collection: 'faqs',
      id: faq.id,
      data: { shortAnswer: '稼働状況の試験で公開した答えです。', _status: 'published' } as never,
      overrideAccess: true,
    })
    const details = (await health(users.admin)).body as HealthDetails
    expect(Date.parse(details.site.contentChangedAt!)).toBeGreaterThan(Date.parse(details.site.builtAt!))
    // Just published: the rebuild still has time.
    expect(details.attention).toEqual([])
    // The same details five minutes on, with no newer build: the site is behind.
    expect(
      attentionOf(details, Date.parse(details.site.contentChangedAt!) + SITE_BEHIND_AFTER_MS + 1_000),
    ).toEqual(['site-behind'])
    // A build after the change: not behind, however late.
    const now = new Date()
    fs.utimesSync(build, now, now)
    const rebuilt = (await health(users.admin)).body as HealthDetails
    expect(attentionOf(rebuilt, Date.now() + SITE_BEHIND_AFTER_MS * 10)).toEqual([])
  })
})

describe('/admin/health (稼働状況)', () => {
  const pageFor = async (user: TestUser) =>
    healthPageData(await createLocalReq({ user: { ...user } as never }, payload))

  it('shows administrators the state, database latency, index and site build in Japanese; no other role gets anything', async () => {
    for (const role of ROLES.filter((r) => r !== 'admin'))
      expect([role, await pageFor(users[role])]).toEqual([role, null])
    const page = (await pageFor(users.admin))!
    expect(page.stateLabel).toBe('正常')
    expect(page.messages).toEqual(['すべての項目に問題はありません。'])
    expect(page.rows.map((r) => r.item)).toEqual([
      'データベース',
      '応対デスクの検索索引（このサーバー）',
      '公開サイトのビルド',
      '公開内容の最終変更',
    ])
    expect(page.rows[0]!.value).toMatch(
      new RegExp(`^${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'}、応答時間 \\d+ ミリ秒$`),
    )
    expect(page.rows[1]!.value).toMatch(/^\d+ 件、作成 \d+ (秒|分)前（/)
    expect(page.rows[2]!.value).toMatch(/^\d+ (秒|分)前（\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}）$/)
  })

  it('words each reason for 注意', async () => {
    const details = (await health(users.admin)).body as HealthDetails
    const down = healthPage({
      ...details,
      status: 'down',
      state: 'attention',
      attention: ['database-down', 'index-not-built', 'site-behind'],
      database: { ...details.database, ok: false },
    })
    expect(down.stateLabel).toBe('注意')
    expect(down.messages).toEqual([
      'データベースが応答していません。データベースサーバーの稼働と接続設定（DATABASE_URL）を確認してください。',
      'このサーバーの応対デスク用の検索索引がまだ作られていません。最初の検索に時間がかかります。',
      '公開サイトが最新の公開内容を反映していません（最後の変更から 5 分以上たっています）。サーバーのログでサイトのビルドを確認してください。',
    ])
    expect(down.rows[0]!.value).toMatch(/、応答なし（\d+ ミリ秒で失敗）$/)
    expect(
      healthPage({
        ...details,
        state: 'attention',
        attention: ['database-slow'],
        database: { ...details.database, ms: 812 },
      }).messages,
    ).toEqual(['データベースの応答に時間がかかっています（812 ミリ秒。目安は 500 ミリ秒未満です）。'])
    const off = healthPage({
      ...details,
      site: { enabled: false, builtAt: null, ageSeconds: null, contentChangedAt: null },
    })
    expect(off.rows.at(-1)).toEqual({
      item: '公開サイトのビルド',
      value: 'このサーバーでは公開サイトを配信していません（KOTAE_SITE=off）',
    })
  })
})
