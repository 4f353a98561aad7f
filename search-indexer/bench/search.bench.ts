/**
 * npm run bench:search [-- --sizes 300,3000,30000] [--skip-browser]
 *
 * Prints, with dataset sizes:
 *  1. the project's real content as the site would ship it (public FAQs + guides, ja): serialized
 *     index and search documents, raw and gzip;
 *  2. SYNTHETIC FAQ-like documents (bench/synthetic.ts, seeded): build time, serialized index and
 *     search-document sizes (raw and gzip) at 300 and 3,000; query latency p50/p95/max in this
 *     Node process at 300, 3,000 and 30,000 (the operator lookup runs the same code in the CMS);
 *  3. headless Chromium (Debian's /usr/bin/chromium via playwright-core): time from the start of the
 *     index download to the first result, for the serialized index and for the documents the site
 *     ships (built into an index in the page), over loopback and over a throttled link.
 * Timings depend on the machine's load: the load average is printed with them, and query latency
 * also as this process's CPU time per query (which waiting for a busy CPU does not inflate).
 */
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import zlib from 'node:zlib'

import { loadContent } from '@kotae/content'
import { build as esbuild } from 'esbuild'
import { CHROMIUM_INSTALL_HINT, chromiumPath, findChromium } from '@kotae/chromium'
import { launchChromium } from '@kotae/chromium/launch'
import { LOOPBACK, TEN_MBIT, throttle } from '@kotae/chromium/links'

import { contentToDocuments, type SearchDocument } from '../src/engine/document'
import { serializeIndex } from '../src/engine/persist'
import { createSearchIndex, type SearchIndex } from '../src/engine/search-index'
import { syntheticDocs, syntheticQueries } from './synthetic'

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '300,3000,30000' },
    'skip-browser': { type: 'boolean', default: false },
  },
})
const SIZES = values.sizes
  .split(',')
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 0)
const SIZE_LIMIT = 3000 // serialized sizes and browser runs up to this many documents
const QUERY_RUNS = 200
const SYNONYMS = [
  { terms: ['マイナンバーカード', 'マイナ', 'マイナカード'] },
  { terms: ['暗証番号', 'パスワード', 'PIN'] },
  { terms: ['更新', '切り替え', 'こうしん'] },
]

const kb = (b: number) =>
  b >= 1024 * 1024 ? `${(b / 1024 / 1024).toFixed(2)} MB` : `${(b / 1024).toFixed(0)} KB`
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)} ms`
const gz = (s: string) => zlib.gzipSync(s).length
const load = () => os.loadavg()[0]?.toFixed(1) ?? '?'
const row = (cells: (string | number)[], widths: number[]) =>
  cells.map((c, i) => String(c).padEnd(widths[i] ?? 12)).join(' ')

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0
}

function buildIndex(docs: SearchDocument[], synonyms = SYNONYMS): { index: SearchIndex; ms: number } {
  const t = performance.now()
  const index = createSearchIndex({ audience: 'public', synonyms })
  for (const d of docs) index.add(d)
  return { index, ms: performance.now() - t }
}

const documentsJson = (docs: SearchDocument[], synonyms = SYNONYMS) =>
  JSON.stringify({ documents: docs, synonyms })

console.log(
  `Kotae search bench — Node ${process.version}, ${os.cpus().length} CPUs, load average ${load()} at start (machine shared with other work)`,
)

// 1. Real content, as the site ships it.
{
  const content = await loadContent()
  const publicFaqs = content.faqs
    .filter((f) => f.locale === 'ja' && f.audience === 'public' && f.status !== 'draft')
    .map((f) => ({ ...f, operatorNotes: undefined }))
  const docs = contentToDocuments(
    { faqs: publicFaqs, guides: content.guides.filter((g) => g.locale === 'ja') },
    { audience: 'public', kinds: ['faq', 'guide'] },
  )
  const synonyms = content.synonyms.map((g) => ({ terms: [...g.terms] }))
  const { index, ms: buildMs } = buildIndex(docs, synonyms)
  const raw = serializeIndex(index)
  const json = documentsJson(docs, synonyms)
  console.log(
    `\nREAL CONTENT: ${publicFaqs.length} public FAQs + ${docs.length - publicFaqs.length} guides (ja), ${synonyms.length} synonym groups; build ${ms(buildMs)}`,
  )
  console.log(
    `  serialized index ${kb(raw.length)} raw, ${kb(gz(raw))} gzip; search documents ${kb(json.length)} raw, ${kb(gz(json))} gzip`,
  )
}

// 2. Synthetic documents in Node.
const queries = syntheticQueries(QUERY_RUNS)
const corpus = syntheticDocs(Math.max(...SIZES))
const avgChars = Math.round(
  corpus
    .slice(0, 300)
    .reduce(
      (s, d) =>
        s +
        d.question.length +
        (d.alternatives ?? []).join('').length +
        (d.body?.length ?? 0) +
        (d.shortAnswer?.length ?? 0),
      0,
    ) / 300,
)
console.log(
  `\nSYNTHETIC FAQ-like documents (seeded generator, not real content): ~${avgChars} characters each; ${queries.length} queries per size, after 20 warm-up queries`,
)
const W = [8, 11, 10, 11, 20, 20, 11, 11, 11, 20, 6]
console.log(
  row(
    [
      'docs',
      'build',
      'per doc',
      'serialize',
      'index raw / gzip',
      'documents raw / gzip',
      'query p50',
      'query p95',
      'query max',
      'CPU p50 / p95',
      'load',
    ],
    W,
  ),
)
const payloads = new Map<number, { index: string; documents: string }>()
for (const n of SIZES) {
  const docs = corpus.slice(0, n)
  const { index, ms: buildMs } = buildIndex(docs)
  let sizes = ['-', '-', '-']
  if (n <= SIZE_LIMIT) {
    const t = performance.now()
    const raw = serializeIndex(index)
    const serMs = performance.now() - t
    const json = documentsJson(docs)
    payloads.set(n, { index: raw, documents: json })
    sizes = [ms(serMs), `${kb(raw.length)} / ${kb(gz(raw))}`, `${kb(json.length)} / ${kb(gz(json))}`]
  }
  for (const q of queries.slice(0, 20)) index.search(q)
  const times: number[] = []
  const cpu: number[] = []
  for (const q of queries) {
    const c = process.cpuUsage()
    const t = performance.now()
    index.search(q, { limit: 10 })
    times.push(performance.now() - t)
    const used = process.cpuUsage(c)
    cpu.push((used.user + used.system) / 1000)
  }
  times.sort((a, b) => a - b)
  cpu.sort((a, b) => a - b)
  console.log(
    row(
      [
        n,
        ms(buildMs),
        ms(buildMs / n),
        ...sizes,
        ms(percentile(times, 50)),
        ms(percentile(times, 95)),
        ms(times[times.length - 1] ?? 0),
        `${ms(percentile(cpu, 50))} / ${ms(percentile(cpu, 95))}`,
        load(),
      ],
      W,
    ),
  )
}

// 3. Headless Chromium: from the start of the download to the first result.
if (!values['skip-browser']) {
  if (!findChromium()) {
    console.log(`\nBROWSER: skipped, no Chromium at ${chromiumPath()} (${CHROMIUM_INSTALL_HINT})`)
  } else {
    await browserBench()
  }
}

async function browserBench(): Promise<void> {
  const bundle = await esbuild({
    entryPoints: [path.join(import.meta.dirname, 'browser-entry.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'silent',
  })
  const js = bundle.outputFiles[0]?.text ?? ''
  // Files served gzip-encoded, as a static host would; the browser decodes them.
  const files = new Map<string, { body: Buffer; type: string }>()
  files.set('/', {
    body: zlib.gzipSync(
      '<!doctype html><meta charset="utf-8"><title>bench</title><script type="module" src="/bench.js"></script>',
    ),
    type: 'text/html; charset=utf-8',
  })
  files.set('/bench.js', { body: zlib.gzipSync(js), type: 'text/javascript; charset=utf-8' })
  for (const [n, p] of payloads) {
    files.set(`/index-${n}.json`, { body: zlib.gzipSync(p.index), type: 'application/json' })
    files.set(`/documents-${n}.json`, { body: zlib.gzipSync(p.documents), type: 'application/json' })
  }
  const server = http.createServer((req, res) => {
    const f = files.get(req.url ?? '')
    if (!f) return res.writeHead(404).end()
    res
      .writeHead(200, { 'content-type': f.type, 'content-encoding': 'gzip', 'cache-control': 'no-store' })
      .end(f.body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as { port: number }).port
  const browser = await launchChromium()
  const query = 'マイナンバーカードの暗証番号を忘れた'
  const links = [LOOPBACK, TEN_MBIT]
  try {
    console.log(
      `\nBROWSER: headless Chromium ${browser.version()}, bundle ${kb(js.length)} minified / ${kb(gz(js))} gzip; query "${query}"; median of 3 fresh pages`,
    )
    const BW = [8, 11, 22, 13, 13, 13, 13, 6]
    console.log(
      row(['docs', 'payload', 'link', 'download', 'load/build', 'first search', 'to result', 'load'], BW),
    )
    for (const [n] of payloads) {
      for (const mode of ['index', 'documents'] as const) {
        for (const link of links) {
          const runs: { downloadMs: number; loadMs: number; firstSearchMs: number; totalMs: number }[] = []
          for (let r = 0; r < 3; r++) {
            const context = await browser.newContext()
            const page = await context.newPage()
            await throttle(context, page, link)
            await page.goto(`http://127.0.0.1:${port}/`)
            await page.waitForFunction(() => 'kotaeBench' in globalThis)
            const url = `/${mode === 'index' ? 'index' : 'documents'}-${n}.json`
            const t = await page.evaluate(
              ([u, m, q]) =>
                (
                  globalThis as unknown as {
                    kotaeBench: (
                      u: string,
                      m: string,
                      q: string,
                    ) => Promise<{
                      downloadMs: number
                      loadMs: number
                      firstSearchMs: number
                      totalMs: number
                    }>
                  }
                ).kotaeBench(u, m, q),
              [url, mode, query] as const,
            )
            runs.push(t)
            await context.close()
          }
          runs.sort((a, b) => a.totalMs - b.totalMs)
          const m = runs[1] ?? runs[0]
          if (!m) continue
          const p = payloads.get(n)
          const bytes = gz(mode === 'index' ? (p?.index ?? '') : (p?.documents ?? ''))
          console.log(
            row(
              [
                n,
                `${mode === 'index' ? 'index' : 'docs'} ${kb(bytes)}`,
                link.name,
                ms(m.downloadMs),
                ms(m.loadMs),
                ms(m.firstSearchMs),
                ms(m.totalMs),
                load(),
              ],
              BW,
            ),
          )
        }
      }
    }
  } finally {
    await browser.close()
    server.close()
  }
}
