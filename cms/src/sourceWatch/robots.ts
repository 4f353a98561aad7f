/**
 * robots.txt, read once per host per run with robots-parser (the rules Google documents: groups
 * by user agent, longest match, Allow over Disallow on a tie). No robots.txt (4xx) allows
 * everything; one that cannot be read (5xx, timeout, network) stops the host's pages for this run,
 * as Google's crawler does, so a site in trouble is not fetched further.
 */
import robotsParser from 'robots-parser'

import { fetchPage, type FailureReason, type FetchLimits } from './fetchPage'

export type RobotsRules =
  | { ok: true; allows: (url: string) => boolean; crawlDelayMs: number | undefined }
  | { ok: false; reason: FailureReason; detail: string }

/** Google's limit on a robots.txt. */
const ROBOTS_MAX_BYTES = 500 * 1024

export async function readRobots(
  origin: string,
  limits: FetchLimits,
  agentToken: string,
): Promise<RobotsRules> {
  const robotsUrl = `${origin}/robots.txt`
  const got = await fetchPage(robotsUrl, { ...limits, maxBytes: ROBOTS_MAX_BYTES }, 'text')
  if (!got.ok) {
    if (got.reason === 'not-found' || (got.reason === 'http-status' && /HTTP 4\d\d/u.test(got.detail)))
      return { ok: true, allows: () => true, crawlDelayMs: undefined }
    if (got.reason === 'private-address') return got
    return { ok: false, reason: 'robots', detail: `robots.txt could not be read: ${got.detail}` }
  }
  const robots = robotsParser(robotsUrl, got.bytes.toString('utf8'))
  const delay = robots.getCrawlDelay(agentToken)
  return {
    ok: true,
    allows: (url) => robots.isAllowed(url, agentToken) !== false,
    crawlDelayMs: delay === undefined ? undefined : delay * 1000,
  }
}
