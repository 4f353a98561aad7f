/**
 * The network links the benches open pages over, emulated through Chromium's DevTools protocol:
 * loopback, a 10 Mbit/s line and Lighthouse's mobile preset. Shared by the site's search and CLS
 * benches and the search-indexer's browser bench.
 */
import type { BrowserContext, Page } from 'playwright-core'

export type Link = {
  name: string
  net?: { offline: false; latency: number; downloadThroughput: number; uploadThroughput: number }
  /** How many times slower the page's CPU runs. */
  cpu: number
}

export const LOOPBACK: Link = { name: 'loopback', cpu: 1 }
export const TEN_MBIT: Link = {
  name: '10 Mbit/s, 40 ms',
  net: {
    offline: false,
    latency: 40,
    downloadThroughput: (10 * 1024 * 1024) / 8,
    uploadThroughput: (5 * 1024 * 1024) / 8,
  },
  cpu: 1,
}
export const MOBILE: Link = {
  name: 'mobile (1.6 Mbit/s, 150 ms, CPU 4×)',
  net: {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  },
  cpu: 4,
}

/** Slows `page` to `link` (nothing to do on loopback). */
export async function throttle(context: BrowserContext, page: Page, link: Link): Promise<void> {
  if (!link.net && link.cpu <= 1) return
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  if (link.net) await cdp.send('Network.emulateNetworkConditions', link.net)
  if (link.cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: link.cpu })
}
