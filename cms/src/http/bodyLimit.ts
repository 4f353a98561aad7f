import type { IncomingMessage, ServerResponse } from 'node:http'

import { MAX_EVENT_BODY_BYTES } from '@kotae/content/contracts/events'

/**
 * The most bytes a request body may have, by path prefix (first match wins). Node's HTTP parser
 * never hands on more body than Content-Length says, so checking that header before the first byte
 * is read bounds the memory a request can take. Figures: the site's event batch is capped by its
 * schema; the largest API write, an FAQ with its rich-text answer, is tens of KB; the admin's own
 * form-state posts stay well under 1 MB.
 */
const BODY_LIMITS: readonly { prefix: string; bytes: number }[] = [
  { prefix: '/api/events', bytes: MAX_EVENT_BODY_BYTES },
  { prefix: '/api/', bytes: 1024 * 1024 },
  { prefix: '/', bytes: 4 * 1024 * 1024 },
]

export const bodyLimitFor = (pathname: string): number =>
  BODY_LIMITS.find((l) => pathname.startsWith(l.prefix))?.bytes ?? 0

/** How much of a refused body is read and dropped, so an ordinary client sees the answer rather than a reset; past it the connection is cut. */
export const DISCARD_LIMIT_BYTES = 16 * 1024 * 1024

/**
 * Lets a request through when its body cannot exceed its path's limit; otherwise answers it (411 for
 * a body of unknown length, 413 for a declared length over the limit) before reading the body. A
 * body without a length (chunked) is refused rather than counted, because Next.js reads the request
 * stream itself: the browser, `curl -d` and reverse proxies (nginx buffers by default) all send
 * Content-Length.
 */
export function admitBody(req: IncomingMessage, res: ServerResponse): boolean {
  const pathname = (req.url ?? '/').split('?')[0] ?? '/'
  const limit = bodyLimitFor(pathname)
  const declared = req.headers['content-length']
  if (req.headers['transfer-encoding'] !== undefined && declared === undefined)
    return refuse(req, res, 411, 'A request body needs a Content-Length header.')
  const length = declared === undefined ? 0 : Number(declared)
  if (!Number.isSafeInteger(length) || length < 0)
    return refuse(req, res, 400, 'Content-Length is not a number of bytes.')
  if (length > limit) return refuse(req, res, 413, `The request body is over ${limit} bytes for ${pathname}.`)
  return true
}

/**
 * Answers at once, then reads and drops what the client is still sending (nothing is kept, so
 * memory stays flat) up to DISCARD_LIMIT_BYTES, and cuts the connection past that: a 400 MB upload
 * costs 16 MB of reading, and a client sending a few MB too many gets a clean 413.
 */
export function refuse(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  message: string,
  headers: Record<string, string> = {},
): false {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...headers,
  })
  res.end(JSON.stringify({ errors: [{ message }] }))
  let dropped = 0
  req.on('data', (chunk: Buffer) => {
    dropped += chunk.length
    if (dropped > DISCARD_LIMIT_BYTES) req.socket.destroy()
  })
  req.resume()
  return false
}
