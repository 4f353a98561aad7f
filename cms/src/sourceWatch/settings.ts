/**
 * The source watch's switch and limits (docs/decisions/0038). KOTAE_SOURCE_WATCH=on turns it on:
 * it is the one part of Kotae that fetches pages from outside the city's machines, so it is off
 * unless the city asks for it (and off in every test, which passes its own limits).
 */
import type { Payload } from 'payload'

import type { FetchLimits } from './fetchPage'

export const sourceWatchOn = (env: NodeJS.ProcessEnv = process.env) => env.KOTAE_SOURCE_WATCH === 'on'

/** The product token in the User-Agent, and the one robots.txt groups are matched against. */
export const AGENT_TOKEN = 'KotaeSourceWatch'

export type WatchSettings = {
  limits: FetchLimits
  /** The pause between two requests to one host; a longer robots.txt Crawl-delay wins, up to maxCrawlDelayMs. */
  hostDelayMs: number
  maxCrawlDelayMs: number
  /** Hosts fetched at the same time (each host itself one request at a time). */
  hostConcurrency: number
}

export const DEFAULT_LIMITS = { timeoutMs: 20_000, maxBytes: 5 * 1024 * 1024, maxRedirects: 5 } as const
export const DEFAULT_HOST_DELAY_MS = 1_000
export const MAX_CRAWL_DELAY_MS = 10_000
export const HOST_CONCURRENCY = 4

/**
 * `KotaeSourceWatch/1.0 (+https://kotae.city.example; Higashihiroshima City My Number Card call
 * center; official-source check)`: who runs it and where to reach them, from the city profile and
 * KOTAE_SERVER_URL. Header values are Latin-1, so the English name is used.
 */
export function userAgent(cityNameEn: string, serverUrl: string): string {
  const name =
    cityNameEn
      .replace(/[^\x20-\x7e]/gu, '')
      .replace(/[();]/gu, '')
      .trim() || 'Kotae'
  return `${AGENT_TOKEN}/1.0 (+${serverUrl}; ${name} My Number Card call center; official-source check)`
}

export async function deploymentSettings(payload: Payload, serverUrl: string): Promise<WatchSettings> {
  const city = (await payload.findGlobal({ slug: 'city-profile', depth: 0 })) as { nameEn?: string | null }
  return {
    limits: {
      ...DEFAULT_LIMITS,
      userAgent: userAgent(city.nameEn ?? '', serverUrl),
      allowPrivateNetwork: false,
    },
    hostDelayMs: DEFAULT_HOST_DELAY_MS,
    maxCrawlDelayMs: MAX_CRAWL_DELAY_MS,
    hostConcurrency: HOST_CONCURRENCY,
  }
}
