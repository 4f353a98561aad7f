/**
 * A tiny static file server for the built public site (site/dist) on a loopback port, for the
 * site's end-to-end tests. It also answers `POST /api/events` (202) and keeps what it received,
 * so a test can check what the site sent without starting the CMS.
 */
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const SITE_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../site/dist')

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
}

export type ReceivedEvent = { type: string; [k: string]: unknown }

export type StaticSite = {
  url: string
  /** Every event posted to /api/events, in order. */
  events: ReceivedEvent[]
  /** Raw request info for each events POST (content type, cookie header, body). */
  eventRequests: { contentType?: string; cookie?: string; body: string }[]
  stop(): Promise<void>
}

export async function serveSite(root = SITE_DIST): Promise<StaticSite> {
  if (!fs.existsSync(path.join(root, 'index.html'))) throw new Error(`${root} has no index.html: run npm run build -w @kotae/site first`)
  const events: ReceivedEvent[] = []
  const eventRequests: StaticSite['eventRequests'] = []
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    if (req.method === 'POST' && url.pathname === '/api/events') {
      let body = ''
      req.setEncoding('utf8')
      req.on('data', (c: string) => (body += c))
      req.on('end', () => {
        eventRequests.push({ contentType: req.headers['content-type'], cookie: req.headers.cookie, body })
        try {
          events.push(...((JSON.parse(body) as { events: ReceivedEvent[] }).events ?? []))
          res.writeHead(202).end()
        } catch {
          res.writeHead(400).end()
        }
      })
      return
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405).end()
    let file = path.join(root, decodeURIComponent(url.pathname))
    if (!file.startsWith(root)) return void res.writeHead(403).end()
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html')
    const found = fs.existsSync(file)
    const target = found ? file : path.join(root, '404.html')
    if (!fs.existsSync(target)) return void res.writeHead(404).end('not found')
    res.writeHead(found ? 200 : 404, { 'Content-Type': TYPES[path.extname(target)] ?? 'application/octet-stream' })
    fs.createReadStream(target).pipe(res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    events,
    eventRequests,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
