/**
 * One GET of an official page, within limits (docs/decisions/0038): at most `maxBytes` read (a
 * larger Content-Length is refused before a byte of the body is read; a body that grows past it is
 * cut off), at most `maxRedirects` hops (a loop is named as such), one deadline for the whole
 * request, HTML only, and no address inside the city's own network unless allowed (an editor
 * could otherwise make the watch read an internal service). Node's fetch (undici) is used with
 * redirects followed here, so each hop is checked.
 */
import { lookup } from 'node:dns/promises'
import { BlockList, isIP } from 'node:net'

export type FetchLimits = {
  userAgent: string
  timeoutMs: number
  maxBytes: number
  maxRedirects: number
  /** Tests and benches serve pages on loopback; a deployment never needs this. */
  allowPrivateNetwork: boolean
}

export type FailureReason =
  | 'not-found'
  | 'http-status'
  | 'timeout'
  | 'certificate'
  | 'network'
  | 'too-big'
  | 'binary'
  | 'redirects'
  | 'encoding'
  | 'robots'
  | 'private-address'
  | 'empty'

export type Fetched =
  | { ok: true; url: string; status: number; contentType: string | null; bytes: Buffer }
  | { ok: false; reason: FailureReason; detail: string }

const PRIVATE = new BlockList()
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
] as const)
  PRIVATE.addSubnet(net, prefix, 'ipv4')
for (const [net, prefix] of [
  ['::1', 128],
  ['::', 128],
  ['fc00::', 7],
  ['fe80::', 10],
] as const)
  PRIVATE.addSubnet(net, prefix, 'ipv6')

async function isPrivateHost(hostname: string): Promise<boolean> {
  const host = hostname.replace(/^\[|\]$/gu, '')
  const addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await lookup(host, { all: true })
  return addresses.some((a) => PRIVATE.check(a.address, a.family === 6 ? 'ipv6' : 'ipv4'))
}

/** The error code Node puts under a failed fetch (`cause.code`), or the error's name. */
function errorCode(e: unknown): string {
  const cause = (e as { cause?: { code?: unknown; name?: unknown } }).cause
  return String(cause?.code ?? cause?.name ?? (e as Error).name ?? 'Error')
}

function classify(e: unknown): { reason: FailureReason; detail: string } {
  const code = errorCode(e)
  if (
    code === 'TimeoutError' ||
    code === 'AbortError' ||
    code === 'UND_ERR_CONNECT_TIMEOUT' ||
    code === 'UND_ERR_HEADERS_TIMEOUT' ||
    code === 'UND_ERR_BODY_TIMEOUT'
  )
    return { reason: 'timeout', detail: 'no complete answer within the time limit' }
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|HOSTNAME_MISMATCH|ALTNAME/u.test(code))
    return { reason: 'certificate', detail: `TLS certificate refused (${code})` }
  return { reason: 'network', detail: `connection failed (${code})` }
}

const HTML_TYPES = /^(text\/html|application\/xhtml\+xml)\b/iu

/** Reads at most `max` bytes of a body; undefined when it is longer (the rest is not read). */
async function readCapped(body: ReadableStream<Uint8Array>, max: number): Promise<Buffer | undefined> {
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return Buffer.concat(chunks)
    total += value.byteLength
    if (total > max) {
      await reader.cancel()
      return undefined
    }
    chunks.push(value)
  }
}

export async function fetchPage(
  start: string,
  limits: FetchLimits,
  accept: 'html' | 'text' = 'html',
): Promise<Fetched> {
  const signal = AbortSignal.timeout(limits.timeoutMs)
  const seen = new Set<string>()
  let url = start
  try {
    for (let hop = 0; ; hop++) {
      const parsed = new URL(url)
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
        return { ok: false, reason: 'redirects', detail: `redirected to a ${parsed.protocol} address` }
      if (!limits.allowPrivateNetwork && (await isPrivateHost(parsed.hostname)))
        return {
          ok: false,
          reason: 'private-address',
          detail: `${parsed.hostname} is an address inside a private network`,
        }
      seen.add(url)
      const res = await fetch(url, {
        redirect: 'manual',
        signal,
        headers: {
          'user-agent': limits.userAgent,
          accept: accept === 'html' ? 'text/html,application/xhtml+xml' : 'text/plain',
        },
      })
      const location = res.headers.get('location')
      if (res.status >= 300 && res.status < 400 && location) {
        await res.body?.cancel()
        const next = new URL(location, url).href
        if (seen.has(next))
          return { ok: false, reason: 'redirects', detail: `redirect loop after ${hop + 1} hops` }
        if (hop + 1 > limits.maxRedirects)
          return { ok: false, reason: 'redirects', detail: `more than ${limits.maxRedirects} redirects` }
        url = next
        continue
      }
      const contentType = res.headers.get('content-type')
      const fail = async (reason: FailureReason, detail: string): Promise<Fetched> => {
        await res.body?.cancel()
        return { ok: false, reason, detail }
      }
      if (res.status === 404 || res.status === 410) return fail('not-found', `HTTP ${res.status}`)
      if (res.status < 200 || res.status >= 300) return fail('http-status', `HTTP ${res.status}`)
      if (accept === 'html' && contentType && !HTML_TYPES.test(contentType))
        return fail('binary', `not an HTML page (${contentType.split(';')[0]})`)
      const length = Number(res.headers.get('content-length') ?? NaN)
      if (length > limits.maxBytes)
        return fail('too-big', `${length} bytes announced, more than the ${limits.maxBytes} allowed`)
      const bytes = res.body ? await readCapped(res.body, limits.maxBytes) : Buffer.alloc(0)
      if (!bytes)
        return {
          ok: false,
          reason: 'too-big',
          detail: `body longer than the ${limits.maxBytes} bytes allowed`,
        }
      // A page without a Content-Type, or mislabelled, that holds NUL bytes is a file, not a page.
      if (bytes.subarray(0, 4096).includes(0))
        return { ok: false, reason: 'binary', detail: 'binary content' }
      return { ok: true, url, status: res.status, contentType, bytes }
    }
  } catch (e) {
    return { ok: false, ...classify(e) }
  }
}
