/** A phone-sized browser context (an iPhone-class screen, touch, no stored state). */
import { PHONE_CONTEXT } from '@kotae/chromium'
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core'

export function phoneContext(browser: Browser, extra: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({ ...PHONE_CONTEXT, ...extra })
}
