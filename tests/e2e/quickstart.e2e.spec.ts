import AxeBuilder from '@axe-core/playwright'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '@kotae/chromium/launch'

import { submitFirstUser } from '../support/adminSignIn'
import { startKotae, type RunningKotae } from '../support/kotaeServer'

let kotae: RunningKotae
let browser: Browser

beforeAll(async () => {
  // The real first run: npm start migrates the empty file and loads the curated content itself.
  kotae = await startKotae({ port: 3191, site: true, firstRun: true })
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await kotae?.stop()
})

describe('README quick start: npm start on a fresh SQLite file', () => {
  it('prints the admin URL and how to sign in', () => {
    expect(kotae.output()).toContain('http://localhost:3191/admin')
    expect(kotae.output()).toContain('create the first user')
    expect(kotae.output()).toContain('first run, loading the curated content')
  })

  it('has loaded the curated content: the public API lists published public FAQs without operator notes', async () => {
    const res = await fetch(`${kotae.url}/api/faqs?limit=500&depth=0`)
    expect(res.status).toBe(200)
    const body = (await res.json()) as { totalDocs: number; docs: Record<string, unknown>[] }
    expect(body.totalDocs).toBeGreaterThanOrEqual(30)
    for (const doc of body.docs) {
      expect(doc.audience).toBe('public')
      expect(doc._status).toBe('published')
      expect(doc).not.toHaveProperty('operatorNotes')
    }
    const guides = (await (await fetch(`${kotae.url}/api/guides?limit=100&depth=0`)).json()) as {
      totalDocs: number
    }
    expect(guides.totalDocs).toBeGreaterThanOrEqual(8)
  })

  it('the first user created in the Japanese admin becomes the admin and sees the seeded FAQs', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    // The admin runs under a per-response script policy: nothing on these pages may be refused.
    const refused: string[] = []
    page.on(
      'console',
      (m) =>
        void (
          m.text().includes('Content Security Policy') &&
          refused.push(`${page.url()}: ${m.text().slice(0, 300)}`)
        ),
    )
    await page.goto(`${kotae.url}/admin`)
    await page.waitForURL(/create-first-user/)
    await expect(page.getByText('最初のユーザーを作成').first().isVisible()).resolves.toBe(true)
    await submitFirstUser(page, 'admin@example.test', 'kotae-admin-pass-1')

    const me = (await page.evaluate(() =>
      fetch('/api/users/me', { credentials: 'include' }).then((r) => r.json()),
    )) as { user: { roles: string[] } }
    expect(me.user.roles).toEqual(['admin'])

    await page.goto(`${kotae.url}/admin/collections/faqs`)
    await page.waitForSelector('table tbody tr')
    const rows = await page.locator('table tbody tr').count()
    expect(rows).toBeGreaterThanOrEqual(10)
    expect(await page.locator('html').getAttribute('lang')).toBe('ja')

    await page.goto(`${kotae.url}/admin/review-due`)
    await expect(page.getByRole('heading', { name: '見直し期限の確認' }).isVisible()).resolves.toBe(true)

    // The operator desk is staff-facing web content: WCAG 2.1 AA, checked by axe.
    await page.goto(`${kotae.url}/admin/desk`)
    await page.waitForSelector('#desk-query')
    // The field takes the focus once the desk has hydrated (later on a loaded machine).
    await page.waitForFunction(() => document.activeElement?.id === 'desk-query', undefined, {
      timeout: 15_000,
    })
    const axe = await new AxeBuilder({ page })
      .include('.kotae-desk')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze()
    expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([])
    expect(refused).toEqual([])
    await context.close()
  })

  it('bounds what an anonymous visitor can make the servers do: deep reads, huge bodies, framing', async () => {
    // depth and limit are capped, not obeyed (a 326 MB answer before); an anonymous page is 25 long.
    const deep = await fetch(`${kotae.url}/api/faqs?depth=1000&limit=100000`)
    expect(deep.status).toBe(200)
    const body = await deep.text()
    expect((JSON.parse(body) as { docs: unknown[] }).docs.length).toBe(25)
    expect(body.length).toBeLessThan(2_000_000)
    expect(deep.headers.get('x-powered-by')).toBeNull()
    expect(deep.headers.get('x-frame-options')).toBe('DENY')
    expect(deep.headers.get('x-content-type-options')).toBe('nosniff')
    const admin = await fetch(`${kotae.url}/admin`, { redirect: 'manual' })
    const policy = admin.headers.get('content-security-policy') ?? ''
    expect(policy).toContain("frame-ancestors 'none'")
    // Scripts only with this response's nonce: a new one each time, never 'unsafe-inline'.
    expect(policy).toMatch(/script-src 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'/)
    expect(policy).not.toContain('unsafe-inline')
    const again = await fetch(`${kotae.url}/admin`, { redirect: 'manual' })
    expect(again.headers.get('content-security-policy')).not.toBe(policy)

    // 8 MB of JSON is refused by its declared length; a chunked body is refused before it is read,
    // at the admin and through the public site's events proxy.
    const big = await fetch(`${kotae.url}/api/calls`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: 'x'.repeat(8 * 1024 * 1024),
    })
    expect(big.status).toBe(413)
    const chunked = (url: string) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        // A body of unknown length (sent chunked); small, so the upload ends before the answer.
        body: new ReadableStream({
          start: (c) => {
            c.enqueue(new TextEncoder().encode('{"events":[]}'))
            c.close()
          },
        }),
        duplex: 'half',
      } as RequestInit).then(
        (r) => r.status,
        () => 'connection closed',
      )
    expect(await chunked(`${kotae.url}/api/events`)).toBe(411)
    expect(await chunked(`http://localhost:3192/api/events`)).toBe(411)
  })

  it('a failed sign-in reads the same for a staff e-mail and an unknown one', async () => {
    const attempt = async (email: string) => {
      const res = await fetch(`${kotae.url}/api/users/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: 'wrong-password-123' }),
      })
      return { status: res.status, body: (await res.json()) as unknown }
    }
    const known = await attempt('admin@example.test')
    expect(known.status).toBe(401)
    expect(await attempt('nobody@example.test')).toEqual(known)
  })
  it('a reset link request reads the same for a staff e-mail and an unknown one, and three per e-mail is the most', async () => {
    const ask = async (email: string) => {
      const started = Date.now()
      const res = await fetch(`${kotae.url}/api/users/forgot-password`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email }),
      })
      return { status: res.status, body: (await res.json()) as unknown, ms: Date.now() - started }
    }
    const known = await ask('admin@example.test')
    const unknown = await ask('nobody@example.test')
    expect(known.status).toBe(200)
    expect(unknown.body).toEqual(known.body)
    expect(Math.min(known.ms, unknown.ms)).toBeGreaterThanOrEqual(390)
    await ask('admin@example.test')
    await ask('admin@example.test')
    expect((await ask('admin@example.test')).status).toBe(429)
  })
})
