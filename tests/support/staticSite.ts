/**
 * The built public site (site/dist) served by sirv on a loopback port, for the site's end-to-end
 * tests; a path with no file gets the site's 404 page. It also answers `POST /api/events` (202) and
 * keeps what it received, so a test can check what the site sent without starting the CMS.
 */
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import sirv from 'sirv'

export const SITE_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../site/dist')

type ReceivedEvent = { type: string; [k: string]: unknown }

export type StaticSite = {
  url: string
  /** Every event posted to /api/events, in order. */
  events: ReceivedEvent[]
  /** Raw request info for each events POST (content type, cookie header, body). */
  eventRequests: { contentType?: string; cookie?: string; body: string }[]
  stop(): Promise<void>
}

export async function serveSite(root = SITE_DIST): Promise<StaticSite> {
  if (!fs.existsSync(path.join(root, 'index.html')))
    throw new Error(`${root} has no index.html: run npm run build -w @kotae/site first`)
  const events: ReceivedEvent[] = []
  const eventRequests: StaticSite['eventRequests'] = []
  const notFound = path.join(root, '404.html')
  const files = sirv(root, {
    onNoMatch: (_req, res) => {
      if (!fs.existsSync(notFound)) return void res.writeHead(404).end('not found')
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' })
      fs.createReadStream(notFound).pipe(res)
    },
  })
  const server = http.createServer((req, res) => {
    if (req.method === 'POST' && req.url?.split('?')[0] === '/api/events') {
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
    files(req, res)
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
