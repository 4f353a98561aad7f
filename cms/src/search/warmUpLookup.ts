import { WARMUP_HEADER } from './warmup'

/**
 * Called by scripts/start.ts once `next start` is ready: one request that initializes Payload in
 * the server and builds the operator index and usage prior, so the first operator's lookup is as
 * fast as the rest. A failure is reported and never stops the server (the first lookup builds).
 */
export async function warmUpLookup(
  baseUrl: string,
  token: string,
  log: (line: string) => void,
): Promise<void> {
  for (let attempt = 1; attempt <= 5; attempt++) {
    try {
      const res = await fetch(`${baseUrl}/api/lookup`, {
        headers: { [WARMUP_HEADER]: token },
        signal: AbortSignal.timeout(300_000),
      })
      if (!res.ok) throw new Error(`HTTP ${res.status}`)
      const body = (await res.json()) as { documents: number; calls: number; ms: number }
      log(
        `lookup index ready: ${body.documents} documents, usage prior from ${body.calls} calls (${body.ms} ms)`,
      )
      return
    } catch (error) {
      if (attempt === 5)
        log(`lookup warm-up failed (${(error as Error).message}); the first lookup will build the index`)
      else await new Promise((r) => setTimeout(r, 500 * attempt))
    }
  }
}
