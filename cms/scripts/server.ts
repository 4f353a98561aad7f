/**
 * The admin's HTTP server, started by scripts/start.ts in its own process: Next.js's request handler
 * behind a check that refuses oversized or unsized bodies before any byte of them is read
 * (src/http/bodyLimit.ts). `next start` offers no such check (its middleware body limit truncates
 * instead of refusing). Every response carries src/http/securityHeaders.ts.
 */
import http from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { JST_TIME_ZONE } from '@kotae/analytics'
import next from 'next'

import { readEnv } from '../src/env'
import { refuseEventsOverLimit } from '../src/events/earlyRefusal'
import { drainSiteEventQueues } from '../src/events/queue'
import { admitBody } from '../src/http/bodyLimit'
import { CLIENT_ADDRESS_HEADER, clientAddress } from '../src/http/clientAddress'
import { adminScriptPolicy, securityHeaders } from '../src/http/securityHeaders'

// Japan time for every date Payload formats on the server (the version's breadcrumb and title), whatever
// the machine's zone: they showed UTC beside the browser's JST. Node re-reads the zone when TZ is set.
process.env.TZ = JST_TIME_ZONE

const cmsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const { PORT: port, KOTAE_HOST: host, KOTAE_SERVER_URL, KOTAE_TRUSTED_PROXIES } = readEnv()
/** How long open requests may run after a stop signal before their connections are cut. */
const SHUTDOWN_GRACE_MS = 3000
const headers = Object.entries(securityHeaders(KOTAE_SERVER_URL))

const app = next({ dev: false, dir: cmsDir, port, hostname: 'localhost' })
const handle = app.getRequestHandler()

app
  .prepare()
  .then(() => {
    const server = http.createServer((req, res) => {
      for (const [name, value] of headers) res.setHeader(name, value)
      // Set on the request too (whatever a client sent there), where Next.js takes the nonce from.
      const { policy } = adminScriptPolicy()
      req.headers['content-security-policy'] = policy
      res.setHeader('content-security-policy', policy)
      // The only client address the app reads; X-Forwarded-For counts from trusted proxies only.
      req.headers[CLIENT_ADDRESS_HEADER] = clientAddress(
        req.socket.remoteAddress,
        req.headers['x-forwarded-for'],
        KOTAE_TRUSTED_PROXIES,
      )
      if (admitBody(req, res) && !refuseEventsOverLimit(req, res)) void handle(req, res)
    })
    server.listen(port, host, () => console.log(`✓ Ready on ${host} port ${port}`))
    // On stop: no new connections, open ones end after their response (at most a few seconds),
    // then the site events still queued are written (src/events/queue.ts) before the process ends.
    let stopping = false
    const stop = async () => {
      if (stopping) return
      stopping = true
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeIdleConnections()
        setTimeout(() => {
          server.closeAllConnections()
          resolve()
        }, SHUTDOWN_GRACE_MS).unref()
      })
      try {
        await drainSiteEventQueues()
      } catch (error) {
        console.error(error)
      }
      process.exit(0)
    }
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop())
  })
  .catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
