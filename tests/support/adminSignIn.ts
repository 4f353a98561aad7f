import type { Browser, BrowserContextOptions, Page } from 'playwright-core'

/**
 * Waits until React has hydrated the element `selector` names (its props are on the DOM node). The
 * admin's forms are drawn by the server first: text typed and a click made before hydration are lost.
 */
export async function untilHydrated(page: Page, selector: string): Promise<void> {
  await page.waitForFunction(
    (sel) => {
      const el = document.querySelector(sel)
      return !!el && Object.keys(el).some((k) => k.startsWith('__reactProps'))
    },
    selector,
    { timeout: 60_000 },
  )
}

/**
 * Fills and sends the first-user form `page` shows (create-first-user), as the first administrator
 * does, and waits until the admin has taken the account. Under load the form can reset a value typed
 * just after hydration (its field state registers late) and then refuses to send: the values are
 * checked before the click, and the form is filled and sent again if no request left within 15 s.
 */
export async function submitFirstUser(page: Page, email: string, password: string): Promise<void> {
  await untilHydrated(page, 'button[type="submit"]')
  const fields: [string, string][] = [
    ['input[name="email"]', email],
    ['input[name="password"]', password],
    ['input[name="confirm-password"]', password],
  ]
  for (let attempt = 1; ; attempt++) {
    for (const [selector, value] of fields) await page.locator(selector).fill(value)
    for (const [selector, value] of fields) {
      await page.waitForFunction(
        ([sel, want]) => (document.querySelector(sel) as HTMLInputElement | null)?.value === want,
        [selector, value] as const,
        { timeout: 10_000 },
      )
    }
    const sent = page
      .waitForRequest((r) => r.method() === 'POST' && r.url().includes('/api/users/first-register'), {
        timeout: 15_000,
      })
      .then(
        () => true,
        () => false,
      )
    await page.locator('button[type="submit"]').click()
    if ((await sent) || attempt === 3) break
  }
  await page.waitForURL((u) => !u.pathname.includes('create-first-user'), { timeout: 60_000 })
}

/** Signs `page` in through the admin's login form, as a member of staff does, once it has hydrated. */
export async function signInOnPage(page: Page, url: string, email: string, password: string): Promise<void> {
  await page.goto(`${url}/admin/login`)
  await untilHydrated(page, 'button[type="submit"]')
  await page.locator('input[name="email"]').fill(email)
  await page.locator('input[name="password"]').fill(password)
  await page.locator('button[type="submit"]').click()
  await page.waitForURL((u) => !u.pathname.includes('/login'), { timeout: 60_000 })
}

/** A new browser context (Japanese, a desktop window) signed in to the admin through its login form. */
export async function signInToAdmin(
  browser: Browser,
  url: string,
  email: string,
  password: string,
  /** More context options, e.g. `timezoneId` for a staff PC's zone. */
  options: BrowserContextOptions = {},
): Promise<Page> {
  const context = await browser.newContext({
    locale: 'ja-JP',
    viewport: { width: 1400, height: 1000 },
    ...options,
  })
  const page = await context.newPage()
  await signInOnPage(page, url, email, password)
  return page
}
