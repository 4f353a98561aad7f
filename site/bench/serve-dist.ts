/**
 * The built site (`dist`) served over loopback, gzip-encoded at level 6 as common web servers do,
 * each file compressed once; POSTs (anonymous events) answered 202. Shared by the site's benches.
 */
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import zlib from 'node:zlib'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
}

/** Exits with a message when `dist` is not a built site. */
export function requireBuiltSite(dist: string): void {
  if (fs.existsSync(path.join(dist, 'index.html'))) return
  console.error(`${dist} has no index.html: run npm run build -w @kotae/site first`)
  process.exit(1)
}

/** Starts the server on a free loopback port. */
export async function serveDist(dist: string): Promise<{ server: http.Server; base: string }> {
  const cache = new Map<string, Buffer>()
  const file = (pathname: string): { body: Buffer; type: string } | undefined => {
    let f = path.join(dist, pathname)
    if (!f.startsWith(dist)) return undefined
    if (fs.existsSync(f) && fs.statSync(f).isDirectory()) f = path.join(f, 'index.html')
    if (!fs.existsSync(f)) return undefined
    let body = cache.get(f)
    if (!body) cache.set(f, (body = zlib.gzipSync(fs.readFileSync(f), { level: 6 })))
    return { body, type: TYPES[path.extname(f)] ?? 'application/octet-stream' }
  }
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    if (req.method === 'POST') return void res.writeHead(202).end()
    const f = file(decodeURIComponent(url.pathname))
    if (!f) return void res.writeHead(404).end()
    res.writeHead(200, { 'content-type': f.type, 'content-encoding': 'gzip', 'cache-control': 'no-store' }).end(f.body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { server, base: `http://127.0.0.1:${(server.address() as { port: number }).port}` }
}
