/**
 * npm run bench -w @kotae/site  (after `npm run build -w @kotae/site`)
 *
 * The built site's search in headless Chromium (Debian's /usr/bin/chromium via playwright-core):
 * the time from the start of the page load of /search/?q=… (and /en/search/?q=…; or /search/ with
 * the query typed as soon as the box exists) to the first result on screen, with the saved index's download and restore inside it. Every file is served
 * gzip-encoded, as a static host or CDN would; each run is a fresh browser context (cold cache).
 * Three links: loopback; 10 Mbit/s with 40 ms RTT; and Lighthouse's mobile preset (1.6 Mbit/s,
 * 150 ms RTT, CPU slowed 4×). Prints the saved indexes' sizes and the load average with the timings.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'

import { CHROMIUM_INSTALL_HINT, chromiumPath, findChromium, PHONE_CONTEXT } from '@kotae/chromium'
import { launchChromium } from '@kotae/chromium/launch'
import { type Link, LOOPBACK, MOBILE, TEN_MBIT, throttle } from '@kotae/chromium/links'
import type { Browser } from 'playwright-core'

import { serveDist, siteBenchCommandLine } from './serve-dist'

const { runs: RUNS, dist: DIST } = siteBenchCommandLine(5)

const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`
const ms = (x: number) => (Number.isFinite(x) ? `${Math.round(x)} ms` : '-')
const load = () => os.loadavg()[0]?.toFixed(1) ?? '?'
const pad = (cells: string[], widths: number[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 14)).join(' ')

if (!findChromium()) {
  console.error(`no Chromium at ${chromiumPath()} (${CHROMIUM_INSTALL_HINT})`)
  process.exit(1)
}

const { server, base } = await serveDist(DIST)

// Sizes of what the search downloads (`--dist` may name an older build that shipped /search-data.json).
const payloads = ['search-index/ja.json', 'search-index/en.json', 'search-data.json']
  .filter((f) => fs.existsSync(path.join(DIST, f)))
  .map((f) => {
    const raw = fs.readFileSync(path.join(DIST, f))
    const json = JSON.parse(raw.toString('utf8')) as { keys?: string[]; documents?: unknown[] }
    return {
      file: f,
      docs: json.keys?.length ?? json.documents?.length ?? 0,
      raw: raw.length,
      gzip: zlib.gzipSync(raw, { level: 6 }).length,
      gzip9: zlib.gzipSync(raw, { level: 9 }).length,
    }
  })
const worker = fs.readdirSync(path.join(DIST, '_astro')).find((f) => f.startsWith('worker-'))
const workerGz = worker ? zlib.gzipSync(fs.readFileSync(path.join(DIST, '_astro', worker))).length : 0
const built = fs.statSync(path.join(DIST, 'index.html')).mtime.toISOString()
console.log(
  `Kotae site search bench — ${DIST} (built ${built}), Node ${process.version}, ${os.cpus().length} CPUs, load average ${load()} at start (machine shared with other work)`,
)
for (const s of payloads)
  console.log(
    `  /${s.file}: ${s.docs} documents, ${kb(s.raw)} raw, ${kb(s.gzip)} gzip (${kb(s.gzip9)} at gzip -9)`,
  )
console.log(`  search worker (engine): ${kb(workerGz)} gzip`)

type Run = {
  result: number
  loadEvent: number
  start: number
  ready: number
  downloadMs: number
  restoreMs: number
}

const LINKS = [LOOPBACK, TEN_MBIT, MOBILE]
/** `?q=` in the address (a shared link; the page prefetches the index), or typed as soon as the box is there. */
const CASES = [
  { path: '/search/', query: 'マイナの暗証番号わすれた', typed: false },
  { path: '/search/', query: 'マイナの暗証番号わすれた', typed: true },
  { path: '/en/search/', query: 'renew my card', typed: false },
]

async function once(browser: Browser, url: string, typed: string | undefined, link: Link): Promise<Run> {
  const context = await browser.newContext(PHONE_CONTEXT)
  try {
    const page = await context.newPage()
    await throttle(context, page, link)
    // The moment the first result is in the document, on the page's clock (0 = navigation start).
    await page.addInitScript(() => {
      new MutationObserver((_, obs) => {
        if (document.querySelector('[data-testid="search-results"] li')) {
          ;(globalThis as unknown as { firstResult: number }).firstResult = performance.now()
          obs.disconnect()
        }
      }).observe(document, { childList: true, subtree: true })
    })
    if (typed === undefined) await page.goto(url)
    else {
      await page.goto(url, { waitUntil: 'domcontentloaded' })
      await page.locator('input[type="search"]').fill(typed)
    }
    await page.waitForFunction(() => 'firstResult' in globalThis, undefined, { timeout: 120_000 })
    return await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined
      // The island's mark when the saved index is ready, with the worker's download and restore times.
      const ready = performance.getEntriesByName('kotae-search-ready')[0] as PerformanceMark | undefined
      const detail = (ready?.detail ?? {}) as { downloadMs?: number; restoreMs?: number }
      return {
        result: (globalThis as unknown as { firstResult: number }).firstResult,
        loadEvent: nav?.loadEventEnd ?? Number.NaN,
        start: performance.getEntriesByName('kotae-search-start')[0]?.startTime ?? Number.NaN,
        ready: ready?.startTime ?? Number.NaN,
        downloadMs: detail.downloadMs ?? Number.NaN,
        restoreMs: detail.restoreMs ?? Number.NaN,
      }
    })
  } finally {
    await context.close()
  }
}

const browser = await launchChromium()
try {
  console.log(
    `\nHeadless Chromium ${browser.version()}, phone-sized page, median of ${RUNS} fresh contexts: page load start → first result (query in ?q=, or typed into the box as soon as it is there)`,
  )
  const W = [34, 36, 11, 11, 12, 19, 26, 6]
  console.log(
    pad(
      [
        'page and query',
        'link',
        'load event',
        'search on',
        'index ready',
        'download / restore',
        'first result (min–max)',
        'load',
      ],
      W,
    ),
  )
  for (const c of CASES) {
    for (const link of LINKS) {
      const runs: Run[] = []
      const url = c.typed ? `${base}${c.path}` : `${base}${c.path}?q=${encodeURIComponent(c.query)}`
      for (let i = 0; i < RUNS; i++) runs.push(await once(browser, url, c.typed ? c.query : undefined, link))
      runs.sort((a, b) => a.result - b.result)
      const m = runs[Math.floor(runs.length / 2)]!
      const span = `${ms(runs[0]!.result)}–${ms(runs.at(-1)!.result)}`
      console.log(
        pad(
          [
            `${c.path} ${c.typed ? 'typed' : '?q='} “${c.query}”`,
            link.name,
            ms(m.loadEvent),
            ms(m.start),
            ms(m.ready),
            `${ms(m.downloadMs)} / ${ms(m.restoreMs)}`,
            `${ms(m.result)} (${span})`,
            load(),
          ],
          W,
        ),
      )
    }
  }
} finally {
  await browser.close()
  server.close()
}
