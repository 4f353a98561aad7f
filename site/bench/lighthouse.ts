/**
 * npm run bench:lighthouse  (after `npm run build -w @kotae/site`; `--runs 3`, `--port <n>` (default:
 * a free one), `--dist <dir>`, `--json <dir>` to keep each run's full report)
 *
 * Lighthouse (the npm package, its default mobile preset: a phone-sized screen, simulated slow 4G
 * and a 4× slower CPU) on home, an FAQ page, the checker and /en/, with 「ふりがな」 on, against
 * the built site served on loopback (serve-dist.ts: gzip level 6, as the benches serve it).
 * Chromium is Debian's (`CHROME_PATH`, default /usr/bin/chromium), started by puppeteer-core
 * with @kotae/chromium's flags so nothing is fetched from outside. 「ふりがな」 on: the choice is written
 * to localStorage before each page's own scripts run (Lighthouse clears storage before it loads
 * the page), and the run checks that the page shows the readings. Prints each page's four
 * category scores (the median of the runs), every audit that cost a page points, and the load
 * average: performance moves with the machine's load, the other three do not. Figures only: the
 * exit code says whether the run worked, not whether a page reached the bar.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { chromiumLaunchOptions } from '@kotae/chromium'
import lighthouse from 'lighthouse'
import puppeteer from 'puppeteer-core'

import { serveDist, siteBenchCommandLine } from './serve-dist'

const {
  own,
  runs: RUNS,
  dist: DIST,
} = siteBenchCommandLine(3, { port: { type: 'string', default: '0' }, json: { type: 'string' } })
const PORT = Number(own.port)
const JSON_DIR = own.json ? path.resolve(own.json) : undefined
/** The pages held to Lighthouse ≥ 95: home, an FAQ (one with a やさしい日本語 version), the checker, /en/. */
const PAGES = ['/', '/faq/pin-forgot/', '/checker/', '/en/']
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const
const BAR = 95

const { server, base } = await serveDist(DIST, PORT)

type Scores = Record<(typeof CATEGORIES)[number], number>
/** `benchmarkIndex`: Lighthouse's own measure of the CPU it ran on (lower: slower or busier). */
type Run = { scores: Scores; lost: string[]; furigana: boolean; version: string; benchmarkIndex: number }

const browser = await puppeteer.launch({ ...chromiumLaunchOptions(), headless: true })

/** One Lighthouse run of `url` in a fresh tab, 「ふりがな」 on. */
async function once(url: string): Promise<Run> {
  const page = await browser.newPage()
  try {
    // Japanese pages read the choice in an inline script at the top of <head>; English pages ignore it.
    await page.evaluateOnNewDocument(() => localStorage.setItem('kotae-furigana', 'on'))
    const result = await lighthouse(
      url,
      { output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] },
      undefined,
      page,
    )
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`)
    const { lhr } = result
    if (JSON_DIR) {
      fs.mkdirSync(JSON_DIR, { recursive: true })
      const name = `${new URL(url).pathname.replaceAll('/', '_') || '_'}-${Date.now()}.json`
      fs.writeFileSync(path.join(JSON_DIR, name), JSON.stringify(lhr))
    }
    const scores = Object.fromEntries(
      CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]),
    ) as Scores
    // The audits that cost points: weighted in a category and not passed.
    const lost = CATEGORIES.flatMap((c) =>
      (lhr.categories[c]?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0)
        .flatMap((ref) => {
          const a = lhr.audits[ref.id]
          return a && a.score !== null && a.score < 1 ? [`${c}: ${a.id} (${a.displayValue ?? a.score})`] : []
        }),
    )
    const furigana = await page.evaluate(() => document.documentElement.classList.contains('furigana'))
    return {
      scores,
      lost,
      furigana,
      version: lhr.lighthouseVersion,
      benchmarkIndex: lhr.environment.benchmarkIndex,
    }
  } finally {
    await page.close()
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')

let failed = 0
let version = '?'
try {
  console.log(
    `Lighthouse, mobile preset, ${RUNS} run(s) a page, 「ふりがな」 on — ${DIST} served at ${base}; ${os.cpus().length} cores, load ${load()}`,
  )
  console.log(`page\t${CATEGORIES.join('\t')}\t(runs: performance)\tfurigana\tbenchmarkIndex`)
  for (const p of PAGES) {
    const runs: Run[] = []
    for (let i = 0; i < RUNS; i++) runs.push(await once(`${base}${p}`))
    version = runs[0]?.version ?? version
    const scores = CATEGORIES.map((c) => median(runs.map((r) => r.scores[c])))
    const furigana = p.startsWith('/en/') ? 'n/a' : runs.every((r) => r.furigana) ? 'on' : 'OFF'
    console.log(
      `${p}\t${scores.join('\t')}\t(${runs.map((r) => r.scores.performance).join(' ')})\t${furigana}\t${median(runs.map((r) => r.benchmarkIndex))}`,
    )
    for (const audit of new Set(runs.flatMap((r) => r.lost))) console.log(`  lost: ${audit}`)
    if (scores.some((s) => s < BAR) || furigana === 'OFF') failed += 1
  }
  console.log(`load average after: ${load()}; Lighthouse ${version}`)
  console.log(
    failed === 0
      ? `every page ≥ ${BAR} in every category`
      : `${failed} page(s) under ${BAR} in some category (or without furigana)`,
  )
} finally {
  await browser.close()
  server.close()
}
