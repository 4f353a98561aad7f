import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { loadValidContent } from '@kotae/content'
import { createLocalReq, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Role } from '../src/access/roles'
import { healthEndpoint } from '../src/health/endpoint'
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

async function health(user?: TestUser): Promise<{ status: number; body: Record<string, any> }> {
  const req = await createLocalReq({ user: user ? ({ ...user } as never) : undefined }, payload)
  const res = await healthEndpoint.handler(req)
  return { status: res.status, body: (await res.json()) as Record<string, any> }
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
    expect(before.database).toMatchObject({ ok: true, kind: process.env.DATABASE_URL ? 'postgres' : 'sqlite' })
    expect(before.site).toEqual({ enabled: true, builtAt: null, ageSeconds: null })

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
    expect(Date.parse(after.site.builtAt)).toBeGreaterThan(Date.now() - 60_000)
  })
})
