/**
 * One run of the official-source watch (docs/decisions/0038): every source's page is fetched
 * (robots.txt and a per-host delay respected, within the fetch limits), its main text extracted and
 * compared with the last good check. A changed text opens a source change naming every FAQ and
 * guide that cites the source (their review flag). A page that cannot be fetched, read or decoded
 * is reported and recorded as a failed check: its last good text stays, and nothing is flagged.
 */
import type { Payload, RequiredDataFromCollectionSlug } from 'payload'

import { decodePage } from './decode'
import { extractMainText } from './extract'
import { fetchPage, type FailureReason } from './fetchPage'
import { changedPassages } from './passages'
import { readRobots } from './robots'
import { AGENT_TOKEN, type WatchSettings } from './settings'

export type SourceOutcome =
  | { source: number | string; url: string; outcome: 'first' | 'unchanged' }
  | {
      source: number | string
      url: string
      outcome: 'changed'
      passages: number
      faqs: (number | string)[]
      guides: (number | string)[]
    }
  | { source: number | string; url: string; outcome: 'failed'; reason: FailureReason; detail: string }

export type WatchReport = { ranAt: string; seconds: number; hosts: number; outcomes: SourceOutcome[] }

type SourceRow = { id: number; url: string; title: string }
type CheckRow = { id: number | string; hash?: string | null; text?: string | null }

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Runs `work` on each item, at most `limit` at a time. */
async function pool<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < items.length) await work(items[next++]!)
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
}

/** The FAQs and guides whose latest saved version (draft or published) cites the source. */
async function citing(payload: Payload, source: number | string) {
  const ids = async (collection: 'faqs' | 'guides') =>
    (
      await payload.find({
        collection,
        where: { sources: { in: [source] } },
        depth: 0,
        pagination: false,
        select: {},
        overrideAccess: true,
      })
    ).docs.map((d) => d.id)
  return { faqs: await ids('faqs'), guides: await ids('guides') }
}

/** Checks every source, or those in `only` (ids). */
export async function checkSources(
  payload: Payload,
  settings: WatchSettings,
  now: () => Date = () => new Date(),
  only?: (number | string)[],
): Promise<WatchReport> {
  const started = performance.now()
  const ranAt = now().toISOString()
  const sources = (
    await payload.find({
      collection: 'sources',
      where: only ? { id: { in: only } } : undefined,
      depth: 0,
      pagination: false,
      sort: 'id',
      select: { url: true, title: true },
      overrideAccess: true,
    })
  ).docs as unknown as SourceRow[]
  const byHost = new Map<string, SourceRow[]>()
  for (const s of sources) {
    const origin = new URL(s.url).origin
    byHost.set(origin, [...(byHost.get(origin) ?? []), s])
  }
  const outcomes: SourceOutcome[] = []
  // Database writes one at a time: SQLite takes one writer, and the order of the report stays readable.
  let writes = Promise.resolve()
  const serially = <T>(fn: () => Promise<T>): Promise<T> => {
    const result = writes.then(fn)
    writes = result.then(
      () => undefined,
      () => undefined,
    )
    return result
  }

  const record = async (
    source: SourceRow,
    result: Awaited<ReturnType<typeof examine>>,
  ): Promise<SourceOutcome> => {
    const checkedAt = now().toISOString()
    const previous = (
      await payload.find({
        collection: 'source-checks',
        where: { source: { equals: source.id } },
        depth: 0,
        limit: 1,
        overrideAccess: true,
      })
    ).docs[0] as CheckRow | undefined
    const save = async (data: Omit<RequiredDataFromCollectionSlug<'source-checks'>, 'source'>) => {
      if (previous)
        await payload.update({ collection: 'source-checks', id: previous.id, data, overrideAccess: true })
      else
        await payload.create({
          collection: 'source-checks',
          data: { source: source.id, ...data },
          overrideAccess: true,
        })
    }
    if (!result.ok) {
      await save({
        url: source.url,
        status: 'failed',
        checkedAt,
        failure: `${result.reason}: ${result.detail}`.slice(0, 500),
      })
      return {
        source: source.id,
        url: source.url,
        outcome: 'failed',
        reason: result.reason,
        detail: result.detail,
      }
    }
    const base = {
      url: source.url,
      status: 'ok' as const,
      checkedAt,
      failure: null,
      hash: result.hash,
      text: result.sentences.join('\n'),
      encoding: result.encoding,
    }
    if (!previous?.hash) {
      await save({ ...base, changedAt: checkedAt })
      return { source: source.id, url: source.url, outcome: 'first' }
    }
    if (previous.hash === result.hash) {
      await save(base)
      return { source: source.id, url: source.url, outcome: 'unchanged' }
    }
    const passages = changedPassages((previous.text ?? '').split('\n').filter(Boolean), result.sentences)
    const cited = await citing(payload, source.id)
    await payload.create({
      collection: 'source-changes',
      data: {
        source: source.id,
        title: source.title,
        detectedAt: checkedAt,
        passageCount: passages.length,
        passages,
        faqs: cited.faqs,
        guides: cited.guides,
      },
      overrideAccess: true,
    })
    await save({ ...base, changedAt: checkedAt })
    return { source: source.id, url: source.url, outcome: 'changed', passages: passages.length, ...cited }
  }

  await pool([...byHost], settings.hostConcurrency, async ([origin, list]) => {
    const robots = await readRobots(origin, settings.limits, AGENT_TOKEN)
    const delay = Math.max(
      settings.hostDelayMs,
      Math.min(robots.ok ? (robots.crawlDelayMs ?? 0) : 0, settings.maxCrawlDelayMs),
    )
    for (const source of list) {
      let result: Awaited<ReturnType<typeof examine>>
      if (!robots.ok) result = { ok: false, reason: robots.reason, detail: robots.detail }
      else if (!robots.allows(source.url))
        result = {
          ok: false,
          reason: 'robots',
          detail: 'robots.txt disallows this page for KotaeSourceWatch',
        }
      else {
        // The pause after robots.txt, and between pages of one host.
        await sleep(delay)
        result = await examine(source.url, settings)
      }
      outcomes.push(await serially(() => record(source, result)))
    }
  })
  await writes
  return { ranAt, seconds: (performance.now() - started) / 1000, hosts: byHost.size, outcomes }
}

/** Fetch, decode, extract: the page's sentences and hash, or why not. */
async function examine(url: string, settings: WatchSettings) {
  const got = await fetchPage(url, settings.limits)
  if (!got.ok) return got
  const decoded = decodePage(got.bytes, got.contentType)
  if (!decoded.ok) return { ok: false as const, reason: 'encoding' as const, detail: decoded.detail }
  const extracted = extractMainText(decoded.text)
  if (extracted.sentences.length === 0)
    return {
      ok: false as const,
      reason: 'empty' as const,
      detail: 'no main text found (a page drawn by scripts?)',
    }
  return { ok: true as const, encoding: decoded.encoding, ...extracted }
}

export const countBy = (outcomes: SourceOutcome[]) => {
  const counts = { first: 0, unchanged: 0, changed: 0, failed: 0 }
  for (const o of outcomes) counts[o.outcome]++
  return counts
}
