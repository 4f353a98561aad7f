import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '@kotae/chromium/launch'

import { submitFirstUser } from '../support/adminSignIn'
import { startKotae, type RunningKotae } from '../support/kotaeServer'

let kotae: RunningKotae
let browser: Browser

beforeAll(async () => {
  kotae = await startKotae({ port: 3711 })
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await kotae?.stop()
})

const signIn = (email: string, password: string) =>
  fetch(`${kotae.url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  }).then((r) => r.status)

/** The save's answer from the REST API, as the admin form sent it. */
const save = (page: Page) =>
  Promise.all([
    page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes('/api/users/')),
    page.locator('#action-save').click(),
  ]).then(([r]) => r)

describe('the admin account page asks for the current password to change it', () => {
  it('refuses a new password without the current one (naming the field), takes it with it; the admin form signs in through the guard', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${kotae.url}/admin`)
    await page.waitForURL(/create-first-user/)
    await expect(page.getByText('最初のユーザーを作成').first().isVisible()).resolves.toBe(true)
    await submitFirstUser(page, 'admin@example.test', 'kotae-admin-pass-1')

    await page.goto(`${kotae.url}/admin/account`)
    const current = page.locator('input#field-currentPassword')
    await current.waitFor()
    expect(await current.getAttribute('type')).toBe('password')
    expect(await current.getAttribute('autocomplete')).toBe('current-password')

    await page.locator('#change-password').click()
    await page.locator('input[name="password"]').waitFor()
    // Payload marks the new fields "required" as they appear; a value filled before that lands is
    // overwritten as invalid and the form refuses to submit (no request). A person never types that fast.
    await page.waitForTimeout(1000)
    await page.locator('input[name="password"]').fill('kotae-admin-pass-2')
    await page.locator('input[name="confirm-password"]').fill('kotae-admin-pass-2')
    const refused = await save(page)
    expect(refused.status()).toBe(400)
    // The message renders after the answer arrives (later under load): wait for it rather than look once.
    await page
      .getByText('メールアドレスやパスワードを変更するには、現在のパスワードを入力してください。')
      .first()
      .waitFor({ state: 'visible', timeout: 15_000 })
    expect(await signIn('admin@example.test', 'kotae-admin-pass-2')).toBe(401)

    await current.fill('kotae-admin-pass-1')
    // The form re-checks an edited field on the server before it clears the field's error.
    await page.waitForTimeout(1500)
    const saved = await save(page)
    expect(saved.status()).toBe(200)
    expect(await signIn('admin@example.test', 'kotae-admin-pass-2')).toBe(200)
    expect(await signIn('admin@example.test', 'kotae-admin-pass-1')).toBe(401)
    // The page's own session survived the change.
    const me = (await page.evaluate(() =>
      fetch('/api/users/me', { credentials: 'include' }).then((r) => r.json()),
    )) as { user: { email: string } | null }
    expect(me.user?.email).toBe('admin@example.test')

    // On another user's page the administrator sees no such field: a reset needs none.
    const created = (await page.evaluate(() =>
      fetch('/api/users', {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          email: 'operator@example.test',
          password: 'kotae-operator-pass-1',
          roles: ['operator'],
        }),
      }).then((r) => r.json()),
    )) as { doc: { id: number } }
    await page.goto(`${kotae.url}/admin/collections/users/${created.doc.id}`)
    await page.locator('input[name="email"]').waitFor()
    expect(await page.locator('input#field-currentPassword').count()).toBe(0)
    await context.close()

    // The admin's sign-in form (multipart, the fields in `_payload`) signs in through the guard.
    const login = await (await browser.newContext()).newPage()
    await login.goto(`${kotae.url}/admin/login`)
    await login.locator('input[name="email"]').fill('admin@example.test')
    await login.locator('input[name="password"]').fill('kotae-admin-pass-2')
    await Promise.all([
      login.waitForURL((url) => !url.pathname.includes('/login'), { timeout: 60_000 }),
      login.locator('button[type="submit"]').click(),
    ])
  })
})
