/**
 * npm run bench:cls -w @kotae/site  (after `npm run build -w @kotae/site`; `--dist <dir>` for another build)
 *
 * Cumulative Layout Shift of the search page opened with `?q=` (a shared link), on a phone-sized
 * screen in headless Chromium (Debian's /usr/bin/chromium via playwright-core): a
 * PerformanceObserver for `layout-shift` entries from the start of the load until the answer has
 * been on screen for two seconds. No input happens, so every shift counts; the score is the
 * largest session window (shifts less than 1 s apart, at most 5 s), as Chrome's CLS. Each run is a
 * fresh context; two links: loopback, and Lighthouse's mobile preset (1.6 Mbit/s, 150 ms, CPU 4×).
 */

import { PHONE_CONTEXT } from '@kotae/chromium'
import { launchChromium } from '@kotae/chromium/launch'
import { type Link, LOOPBACK, MOBILE, throttle } from '@kotae/chromium/links'
import type { Browser } from 'playwright-core'

import { serveDist, siteBenchCommandLine } from './serve-dist'

const { runs: RUNS, dist: DIST } = siteBenchCommandLine(3)
const { server, base } = await serveDist(DIST)

const LINKS = [LOOPBACK, MOBILE]
/** A sure answer, an off-topic question (not sure), a question asked back, an English page. */
const CASES = [
  '/search/?q=受け取り 持ち物',
  '/search/?q=粗大ゴミの出し方',
  '/search/?q=更新したい',
  '/en/search/?q=renew my card',
]

type Shift = { value: number; time: number; sources: string[] }

async function once(browser: Browser, url: string, link: Link): Promise<{ cls: number; shifts: Shift[] }> {
  const context = await browser.newContext(PHONE_CONTEXT)
  try {
    const page = await context.newPage()
    await throttle(context, page, link)
    // No named functions inside: the page would not know tsx's `__name` helper.
    await page.addInitScript(() => {
      const g = globalThis as unknown as { shifts: Shift[] }
      g.shifts = []
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as (PerformanceEntry & {
          value: number
          hadRecentInput: boolean
          sources?: { node: Node | null }[]
        })[]) {
          if (!e.hadRecentInput)
            g.shifts.push({
              value: e.value,
              time: e.startTime,
              sources: (e.sources ?? []).map((s) =>
                s.node instanceof Element
                  ? `${s.node.tagName.toLowerCase()}.${s.node.className}`
                  : (s.node?.parentElement?.tagName.toLowerCase() ?? '?'),
              ),
            })
        }
      }).observe({ type: 'layout-shift', buffered: true })
    })
    await page.goto(`${base}${encodeURI(url)}`)
    await page.waitForFunction(
      () =>
        document.querySelector(
          '[data-testid="search-results"] li, [data-testid="zero-results"], [data-testid="not-sure"]',
        ),
      undefined,
      { timeout: 120_000 },
    )
    await page.waitForTimeout(2000)
    const shifts = await page.evaluate(() => (globalThis as unknown as { shifts: Shift[] }).shifts)
    // Largest session window: shifts under 1 s apart, a window at most 5 s long.
    let best = 0
    let cur = 0
    let start = -Infinity
    let last = -Infinity
    for (const s of shifts) {
      if (s.time - last > 1000 || s.time - start > 5000) {
        cur = 0
        start = s.time
      }
      cur += s.value
      last = s.time
      best = Math.max(best, cur)
    }
    return { cls: best, shifts }
  } finally {
    await context.close()
  }
}

const browser = await launchChromium()
try {
  console.log(`CLS of the search page with ?q=, 390×844, ${RUNS} fresh contexts per row — ${DIST}`)
  for (const c of CASES) {
    for (const link of LINKS) {
      const runs = []
      for (let i = 0; i < RUNS; i++) runs.push(await once(browser, c, link))
      const worst = runs.reduce((a, b) => (b.cls > a.cls ? b : a))
      const sources = [...new Set(worst.shifts.flatMap((s) => s.sources))].slice(0, 6).join(', ')
      console.log(
        `${c.padEnd(34)} ${link.name.padEnd(36)} CLS max ${worst.cls.toFixed(3)} (runs: ${runs.map((r) => r.cls.toFixed(3)).join(' ')})${sources ? `  shifted: ${sources}` : ''}`,
      )
    }
  }
} finally {
  await browser.close()
  server.close()
}
