/**
 * `npm run bench:sources` — the official-source watch over 120 sources served locally
 * (docs/decisions/0038): 4 sites (127.0.0.1–127.0.0.4, port BENCH_PORT, default 3854) of 30
 * municipal pages each, the deployment's settings (1 s between two requests to one host, 4 hosts
 * at a time, 5 MB, 5 redirects, 20 s), on a throwaway SQLite file with 240 FAQs citing them.
 * Run 1 stores every page; then 12 pages change in the body, 12 only in the footer and 12 only in
 * white space; run 2 must flag exactly the 36 FAQs citing the 12 changed bodies (each page is cited by 3). Prints each run's
 * time, the counts and whether the flags are exact. Target: a run ≤ 60 s.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { lexical } from '../test/setup/lexical'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-bench-sources-'))
delete process.env.DATABASE_URL
process.env.KOTAE_SQLITE_PATH = path.join(dir, 'kotae.db')
process.env.PAYLOAD_SECRET ??= 'kotae-bench-secret-0123456789'
process.env.KOTAE_DISABLE_JOBS = '1'

const PORT = Number(process.env.BENCH_PORT ?? 3854)
const HOSTS = ['127.0.0.1', '127.0.0.2', '127.0.0.3', '127.0.0.4']
const PER_HOST = 30
const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')

async function main(): Promise<void> {
  const { getMigratedPayload } = await import('../src/lib/payload')
  const { startMunicipalSite } = await import('../test/setup/municipalSite')
  const { checkSources, countBy } = await import('../src/sourceWatch/run')
  const { DEFAULT_HOST_DELAY_MS, DEFAULT_LIMITS, HOST_CONCURRENCY, MAX_CRAWL_DELAY_MS, userAgent } =
    await import('../src/sourceWatch/settings')

  const site = await startMunicipalSite(PORT, 'User-agent: *\nDisallow: /private/\n', HOSTS)
  const payload = await getMigratedPayload()
  try {
    const page = (n: number, variant = 0) => ({
      title: `マイナンバーカードの手続き（${n}）`,
      body: [
        `この案内は手続き${n}についてのものです。`,
        'カード本体の有効期限は、発行時に18歳以上の方は発行日から10回目の誕生日までです。',
        variant === 1
          ? '電子証明書の有効期限は、発行日から5回目の誕生日までです（年齢による違いはありません）。'
          : '電子証明書の有効期限は、年齢に関係なく発行日から5回目の誕生日までです。',
        '<ul><li>有効期限通知書は、有効期限の2～3か月前を目安に届きます。</li><li>封書は転送不要郵便です。</li></ul>',
      ],
      charset: n % 3 === 0 ? ('shift_jis' as const) : ('utf-8' as const),
    })
    const category = await payload.create({
      collection: 'categories',
      data: { name: '更新', nameEn: 'Renewal', slug: 'renewal' },
    })
    const sources: { id: number; n: number; host: string; path: string }[] = []
    for (const [h, host] of HOSTS.entries()) {
      for (let i = 0; i < PER_HOST; i++) {
        const n = h * PER_HOST + i
        const p = `/kurashi/mynumber/${n}.html`
        site.routes.set(p, { page: page(n) })
        const doc = await payload.create({
          collection: 'sources',
          data: {
            title: `出典${n}`,
            publisher: '東広島市',
            url: site.url(p, host),
            checkedAt: '2026-11-24',
            slug: `bench-source-${n}`,
          },
        })
        sources.push({ id: doc.id, n, host, path: p })
      }
    }
    // Two FAQs per source: one citing it alone, one citing it and the next source.
    const citing = new Map<string, Set<string>>()
    for (const [i, s] of sources.entries()) {
      for (const cited of [[s], [s, sources[(i + 1) % sources.length]!]]) {
        const faq = await payload.create({
          collection: 'faqs',
          data: {
            question: `質問${s.n}-${cited.length}`,
            shortAnswer: '答えです。',
            answer: lexical('答えです。'),
            category: category.id,
            sources: cited.map((c) => c.id),
            slug: `bench-faq-${s.n}-${cited.length}`,
            reviewBy: '2027-05-31',
            audience: 'public',
            locale: 'ja',
            _status: 'published',
          },
        })
        for (const c of cited)
          citing.set(String(c.id), (citing.get(String(c.id)) ?? new Set()).add(String(faq.id)))
      }
    }
    const settings = {
      limits: {
        ...DEFAULT_LIMITS,
        userAgent: userAgent('Higashihiroshima City', 'http://localhost:3000'),
        allowPrivateNetwork: true,
      },
      hostDelayMs: DEFAULT_HOST_DELAY_MS,
      maxCrawlDelayMs: MAX_CRAWL_DELAY_MS,
      hostConcurrency: HOST_CONCURRENCY,
    }
    console.log(
      `bench:sources: ${sources.length} sources on ${HOSTS.length} local hosts (${PER_HOST} each, a third Shift_JIS), 240 FAQs; per-host delay ${settings.hostDelayMs} ms, ${settings.hostConcurrency} hosts at a time; load average ${loadAverage()}`,
    )
    const first = await checkSources(payload, settings)
    console.log(
      `  run 1 (first check): ${first.seconds.toFixed(1)} s, ${JSON.stringify(countBy(first.outcomes))}`,
    )

    // 12 body changes, 12 footer-only, 12 white-space-only, spread over the hosts.
    const pick = (k: number) => sources.filter((s) => s.n % 10 === k)
    for (const s of pick(0)) site.routes.set(s.path, { page: page(s.n, 1) })
    for (const s of pick(3))
      site.routes.set(s.path, {
        page: { ...page(s.n), footerNote: '年末年始（12月29日から1月3日）は閉庁します。' },
      })
    for (const s of pick(6)) site.routes.set(s.path, { page: { ...page(s.n), spread: true } })
    const second = await checkSources(payload, settings)
    const counts = countBy(second.outcomes)
    const expected = new Set(pick(0).flatMap((s) => [...citing.get(String(s.id))!]))
    const flagged = new Set(
      second.outcomes.flatMap((o) => (o.outcome === 'changed' ? o.faqs.map(String) : [])),
    )
    const exact = expected.size === flagged.size && [...expected].every((id) => flagged.has(id))
    const changedSources = second.outcomes
      .filter((o) => o.outcome === 'changed')
      .map((o) => String(o.source))
      .sort()
    console.log(
      `  run 2 (12 body, 12 footer-only, 12 white-space-only changes): ${second.seconds.toFixed(1)} s, ${JSON.stringify(counts)}`,
    )
    console.log(
      `  changed sources: ${changedSources.length} (expected 12, ${
        changedSources.join(',') ===
        pick(0)
          .map((s) => String(s.id))
          .sort()
          .join(',')
          ? 'exactly the body changes'
          : 'NOT the body changes'
      }); flagged FAQs: ${flagged.size} (expected ${expected.size}: ${exact ? 'exact' : 'NOT exact'})`,
    )
    console.log(
      `  target: a run ≤ 60 s: ${Math.max(first.seconds, second.seconds) <= 60 ? 'met' : 'MISSED'}; load average ${loadAverage()}`,
    )
    if (!exact || counts.changed !== 12 || counts.failed !== 0) process.exitCode = 1
  } finally {
    await payload.destroy()
    await site.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
