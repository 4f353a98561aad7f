/**
 * The built site (`dist`) served over loopback by sirv, gzip-encoded at level 6 as common web
 * servers do: each text file is compressed once, into a temporary copy that sirv serves
 * precompressed and that is removed when the server closes. POSTs (anonymous events) are answered
 * 202. Shared by the site's benches.
 */
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import zlib from 'node:zlib'

import sirv from 'sirv'

const TEXT = /\.(html|js|mjs|css|json|svg|txt|xml|webmanifest)$/

/**
 * The command line of a site bench: `--runs` (at least 1, else `runs`), `--dist` (the built site;
 * without one the bench exits with a message) and the bench's own string options `extra` (in `own`).
 */
export function siteBenchCommandLine(
  runs: number,
  extra: Record<string, { type: 'string'; default?: string }> = {},
) {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: String(runs) },
      dist: { type: 'string', default: path.resolve(import.meta.dirname, '../dist') },
      ...extra,
    },
  })
  const dist = path.resolve(values.dist)
  if (!fs.existsSync(path.join(dist, 'index.html'))) {
    console.error(`${dist} has no index.html: run npm run build -w @kotae/site first`)
    process.exit(1)
  }
  const own: Record<string, string | undefined> = values
  return { own, runs: Math.max(1, Number(values.runs) || runs), dist }
}

/** Starts the server on a loopback port: `port`, or a free one. */
export async function serveDist(dist: string, port = 0): Promise<{ server: http.Server; base: string }> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-site-bench-'))
  fs.cpSync(dist, root, { recursive: true })
  for (const name of fs.readdirSync(root, { recursive: true, encoding: 'utf8' })) {
    const file = path.join(root, name)
    if (TEXT.test(name) && fs.statSync(file).isFile())
      fs.writeFileSync(`${file}.gz`, zlib.gzipSync(fs.readFileSync(file), { level: 6 }))
  }
  const serve = sirv(root, { gzip: true, setHeaders: (res) => res.setHeader('cache-control', 'no-store') })
  const server = http.createServer((req, res) =>
    req.method === 'POST' ? void res.writeHead(202).end() : serve(req, res),
  )
  server.on('close', () => fs.rmSync(root, { recursive: true, force: true }))
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  return { server, base: `http://127.0.0.1:${(server.address() as { port: number }).port}` }
}
