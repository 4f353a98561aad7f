/**
 * A child process for crash tests: Payload's REST handler (`handleEndpoints`, what Kotae's server
 * hands /api requests to) on loopback at PORT, without Next.js (no build needed in CI). Creates the
 * operator CRASH_TEST_OPERATOR (email:password) when missing, then prints "ready".
 * Static imports only (see scripts/seed.ts).
 */
import http from 'node:http'

import { handleEndpoints } from 'payload'

import { getMigratedPayload } from '../../src/lib/payload'

async function main(): Promise<void> {
  const payload = await getMigratedPayload()
  const [email, password] = (process.env.CRASH_TEST_OPERATOR ?? '').split(':')
  if (
    email &&
    password &&
    !(await payload.count({ collection: 'users', where: { email: { equals: email } }, overrideAccess: true }))
      .totalDocs
  ) {
    await payload.create({
      collection: 'users',
      data: { email, password, roles: ['operator'], name: 'crash-test operator' } as never,
      overrideAccess: true,
    })
  }
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const headers = new Headers()
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v)
      const request = new Request(`http://localhost${req.url}`, {
        method: req.method,
        headers,
        body: chunks.length ? Buffer.concat(chunks) : undefined,
      })
      handleEndpoints({ config: payload.config, request })
        .then(async (r) => {
          res.writeHead(r.status, { 'content-type': r.headers.get('content-type') ?? 'application/json' })
          res.end(Buffer.from(await r.arrayBuffer()))
        })
        .catch((e: unknown) => {
          console.error(e)
          res.writeHead(500).end()
        })
    })
  })
  server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('ready'))
}

main().catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
