import { afterEach, describe, expect, it, vi } from 'vitest'

import { prefetchScript, takePrefetch } from '../src/lib/search/prefetch'

/** Runs the inline script as the page would, with this address. */
function runOnPage(href: string): ReturnType<typeof vi.fn> {
  const fetch = vi.fn(() => Promise.resolve(new Response('{}')))
  vi.stubGlobal('location', new URL(href))
  vi.stubGlobal('fetch', fetch)
  vi.stubGlobal('self', globalThis)
  new Function(prefetchScript('/search-index/en.json'))()
  return fetch
}

afterEach(() => {
  vi.unstubAllGlobals()
  delete (globalThis as Record<string, unknown>).kotaeSearchPrefetch
})

describe('the search page’s index prefetch', () => {
  it('starts the download when the page was opened with ?q=, and the island takes it once', () => {
    const fetch = runOnPage('https://faq.example.test/en/search/?q=renew%20my%20card')
    expect(fetch).toHaveBeenCalledTimes(1)
    expect(fetch).toHaveBeenCalledWith('https://faq.example.test/search-index/en.json')
    expect(takePrefetch('https://faq.example.test/search-index/en.json')?.response).toBeInstanceOf(Promise)
    expect(takePrefetch('https://faq.example.test/search-index/en.json')).toBeUndefined()
  })

  it('fetches nothing without a query (the island loads the index on focus or idle)', () => {
    expect(runOnPage('https://faq.example.test/en/search/')).not.toHaveBeenCalled()
    expect(runOnPage('https://faq.example.test/en/search/?q=%20')).not.toHaveBeenCalled()
    expect(takePrefetch('https://faq.example.test/search-index/en.json')).toBeUndefined()
  })
})
