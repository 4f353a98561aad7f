/**
 * A search page opened with `?q=` (a shared link, or the home page's form sent before its script
 * woke up) asks for results at once: a few bytes of inline module script start the saved index's
 * download while the page's island is still loading, and the island adopts that download
 * (`takePrefetch`) instead of starting its own. Without `?q=` nothing is fetched before the island
 * asks (first focus or idle), so ordinary page loads stay light.
 */
const KEY = 'kotaeSearchPrefetch'

type Prefetch = { at: number; response: Promise<Response> }

/** The inline script for a search page (its index URL baked in). */
export function prefetchScript(url: string): string {
  return `const q=new URLSearchParams(location.search).get('q');if(q&&q.trim()){const u=new URL(${JSON.stringify(url)},location.href).href;(self.${KEY}=self.${KEY}||new Map).set(u,{at:performance.now(),response:fetch(u)})}`
}

/** The download the inline script started for this (absolute) URL, if any; taken once. */
export function takePrefetch(url: string): Prefetch | undefined {
  const map = (globalThis as unknown as Record<string, Map<string, Prefetch> | undefined>)[KEY]
  const found = map?.get(url)
  map?.delete(url)
  return found
}
