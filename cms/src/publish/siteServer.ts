import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import zlib from 'node:zlib'

import { admitBody } from '../http/bodyLimit'
import { securityHeaders } from '../http/securityHeaders'
import { liveBuild, type SiteFolder } from './buildSite'
import { BUILDING_PAGE } from './strings'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
}

/** HSTS is left to the city's https proxy in front of the site, which knows its public origin. */
const SITE_HEADERS = securityHeaders('')

/** Text types worth compressing (images here are already compressed or tiny). */
const COMPRESSIBLE = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.svg',
  '.txt',
  '.xml',
  '.webmanifest',
])

/**
 * Compressed copies of the live build's files, made on first request. Builds are immutable folders
 * (a publish swaps in a new one), so a file's real path names its bytes for good; the cache is
 * dropped whenever the live build changes. Brotli at quality 9 and gzip at level 9: the saved search
 * index (≈560 KB) goes out as ≈90–140 KB, and each file is compressed once per build.
 */
class CompressedFiles {
  private build: string | undefined
  private readonly files = new Map<string, Buffer>()

  get(live: string, file: string, encoding: 'br' | 'gzip'): Buffer {
    if (live !== this.build) {
      this.build = live
      this.files.clear()
    }
    const key = `${encoding}:${file}`
    let body = this.files.get(key)
    if (!body) {
      const raw = fs.readFileSync(file)
      body =
        encoding === 'br'
          ? zlib.brotliCompressSync(raw, {
              params: {
                [zlib.constants.BROTLI_PARAM_QUALITY]: 9,
                [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
              },
            })
          : zlib.gzipSync(raw, { level: 9 })
      this.files.set(key, body)
    }
    return body
  }
}

/** The encoding to answer with: brotli when the browser takes it, else gzip, else none. */
export function pickEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | undefined {
  const accepted = new Map<string, number>()
  for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';')
    if (!name) continue
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    accepted.set(name, q ? Number(q.slice(2)) || 0 : 1)
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0
  return ok('br') ? 'br' : ok('gzip') ? 'gzip' : undefined
}

const { title, heading, body } = BUILDING_PAGE
const BUILDING_HTML = `<!doctype html><html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta http-equiv="refresh" content="5"><title>${title}</title></head><body><main><h1>${heading}</h1><p>${body}</p></main></body></html>`

/** The file a URL path names inside `root` (a folder means its index.html), or undefined. */
function fileIn(root: string, pathname: string): string | undefined {
  const file = path.join(root, pathname)
  if (file !== root && !file.startsWith(root + path.sep)) return undefined
  try {
    const stat = fs.statSync(file)
    if (stat.isFile()) return file
    if (stat.isDirectory() && fs.statSync(path.join(file, 'index.html')).isFile())
      return path.join(file, 'index.html')
  } catch {
    return undefined
  }
  return undefined
}

/**
 * Serves the live build (`current`, resolved once per request, so a request never mixes two
 * builds). Hashed assets missing from the live build come from the previous one, for pages opened
 * just before a swap. `POST /api/events` is passed to the CMS, so the site sends its events to its
 * own origin (no CORS) and the CMS's rate limit sees each visitor's address, not ours.
 */
export async function serveSiteFolder(options: {
  folder: SiteFolder
  port: number
  host?: string
  cmsUrl: string
}): Promise<{ url: string; close: () => Promise<void> }> {
  const { folder, cmsUrl } = options
  const compressed = new CompressedFiles()
  const server = http.createServer((req, res) => {
    let pathname: string
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://site').pathname)
    } catch {
      return void res.writeHead(400).end()
    }
    if (req.method === 'POST' && pathname === '/api/events') {
      // The same limit as the CMS's, checked here too, so an oversized body is never read or passed on.
      if (!admitBody(req, res)) return
      const target = new URL('/api/events', cmsUrl)
      const upstream = http.request(target, {
        method: 'POST',
        headers: {
          'content-type': req.headers['content-type'] ?? 'text/plain',
          ...(req.headers['content-length'] ? { 'content-length': req.headers['content-length'] } : {}),
          'x-forwarded-for': req.socket.remoteAddress ?? 'unknown',
        },
      })
      upstream.on('response', (r) => {
        res.writeHead(r.statusCode ?? 502, {
          'content-type': r.headers['content-type'] ?? 'application/json',
          'cache-control': 'no-store',
        })
        r.pipe(res)
      })
      upstream.on('error', () => res.headersSent || res.writeHead(502).end())
      return void req.pipe(upstream)
    }
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return void res.writeHead(405, { allow: 'GET, HEAD' }).end()

    const live = liveBuild(folder)
    if (!live)
      return void res
        .writeHead(503, {
          'content-type': 'text/html; charset=utf-8',
          'retry-after': '10',
          'cache-control': 'no-store',
        })
        .end(BUILDING_HTML)
    let file = fileIn(live, pathname)
    if (!file && pathname.startsWith('/_astro/')) {
      const previous = fs.existsSync(folder.previous) ? fs.realpathSync(folder.previous) : undefined
      file = previous ? fileIn(previous, pathname) : undefined
    }
    const status = file ? 200 : 404
    file ??= fileIn(live, '/404.html')
    if (!file) return void res.writeHead(404).end('not found')
    const ext = path.extname(file)
    const headers: http.OutgoingHttpHeaders = {
      'content-type': TYPES[ext] ?? 'application/octet-stream',
      // Hashed assets never change; pages and the search data do on every publish.
      'cache-control': pathname.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      // Not framed, not sniffed, referrers kept on the site (the admin sends the same: ../http/securityHeaders.ts).
      ...SITE_HEADERS,
    }
    const encoding = COMPRESSIBLE.has(ext) ? pickEncoding(req.headers['accept-encoding']) : undefined
    if (COMPRESSIBLE.has(ext)) headers.vary = 'Accept-Encoding'
    if (encoding) {
      const bytes = compressed.get(live, file, encoding)
      res.writeHead(status, { ...headers, 'content-encoding': encoding, 'content-length': bytes.length })
      return void res.end(req.method === 'HEAD' ? undefined : bytes)
    }
    res.writeHead(status, headers)
    if (req.method === 'HEAD') return void res.end()
    fs.createReadStream(file).pipe(res)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(
              `Kotae cannot start: the public site's port ${options.port} is in use; set KOTAE_SITE_PORT to a free port, or KOTAE_SITE=off to serve the admin only.`,
            )
          : error,
      ),
    )
    server.listen(options.port, options.host, resolve)
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://localhost:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
