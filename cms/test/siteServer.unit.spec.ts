import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { BASE_POLICY } from '../src/http/securityHeaders'
import { siteFolder } from '../src/publish/buildSite'
import { pickEncoding, serveSiteFolder } from '../src/publish/siteServer'

/** One GET without any automatic decompression: status, headers and the bytes as sent. */
function get(
  url: string,
  acceptEncoding?: string,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(
        url,
        { headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
          )
        },
      )
      .on('error', reject)
  })
}

describe('public site server: compression', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-site-server-'))
  const folder = siteFolder(root)
  const index = JSON.stringify({
    docs: Array.from({ length: 2000 }, (_, i) => ({ id: `faq-${i}`, text: 'マイナンバーカードの更新' })),
  })
  let site: { url: string; close: () => Promise<void> }

  const writeBuild = (name: string, html: string) => {
    const dir = path.join(folder.builds, name)
    fs.mkdirSync(path.join(dir, 'search-index'), { recursive: true })
    fs.writeFileSync(path.join(dir, 'index.html'), html)
    fs.writeFileSync(path.join(dir, 'search-index', 'ja.json'), index)
    fs.writeFileSync(path.join(dir, 'icon.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]))
    fs.rmSync(folder.current, { force: true })
    fs.symlinkSync(dir, folder.current)
  }

  beforeAll(async () => {
    writeBuild('b1', '<!doctype html><title>一</title>')
    site = await serveSiteFolder({ folder, port: 0, host: '127.0.0.1', cmsUrl: 'http://127.0.0.1:9' })
  })
  afterAll(async () => {
    await site.close()
    fs.rmSync(root, { recursive: true, force: true })
  })

  it('sends the search index brotli- or gzip-compressed as the browser accepts, and plain to one that accepts neither', async () => {
    const br = await get(`${site.url}search-index/ja.json`, 'gzip, deflate, br')
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers.vary).toBe('Accept-Encoding')
    expect(Number(br.headers['content-length'])).toBe(br.body.length)
    expect(br.body.length).toBeLessThan(index.length / 10)
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(index)

    const gz = await get(`${site.url}search-index/ja.json`, 'gzip')
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(zlib.gunzipSync(gz.body).toString()).toBe(index)

    const plain = await get(`${site.url}search-index/ja.json`)
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body.toString()).toBe(index)
    const refused = await get(`${site.url}search-index/ja.json`, 'br;q=0, gzip;q=0')
    expect(refused.headers['content-encoding']).toBeUndefined()
  })

  it('refuses framing and sniffing on every file, as the admin does', async () => {
    for (const file of ['/', '/search-index/ja.json', '/icon.png']) {
      const { headers } = await get(`${site.url.replace(/\/$/, '')}${file}`)
      expect(headers['x-frame-options'], file).toBe('DENY')
      expect(headers['content-security-policy'], file).toBe(BASE_POLICY)
      expect(headers['x-content-type-options'], file).toBe('nosniff')
      expect(headers['referrer-policy'], file).toBe('same-origin')
    }
  })

  it('leaves images alone', async () => {
    const png = await get(`${site.url}icon.png`, 'br')
    expect(png.headers['content-encoding']).toBeUndefined()
    expect(png.body.length).toBe(7)
  })

  it('serves the new build after a swap, not a compressed copy of the old one', async () => {
    expect(zlib.brotliDecompressSync((await get(site.url, 'br')).body).toString()).toContain('一')
    writeBuild('b2', '<!doctype html><title>二</title>')
    expect(zlib.brotliDecompressSync((await get(site.url, 'br')).body).toString()).toContain('二')
  })

  it('reads Accept-Encoding with q-values and *', () => {
    expect(pickEncoding('gzip, br')).toBe('br')
    expect(pickEncoding('br;q=0, gzip')).toBe('gzip')
    expect(pickEncoding('*')).toBe('br')
    expect(pickEncoding('identity')).toBeUndefined()
    expect(pickEncoding(undefined)).toBeUndefined()
  })
})
