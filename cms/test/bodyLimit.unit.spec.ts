import http from 'node:http'
import type { AddressInfo } from 'node:net'
import net from 'node:net'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { admitBody, bodyLimitFor, DISCARD_LIMIT_BYTES } from '../src/http/bodyLimit'

let server: http.Server
let port: number
const handled: string[] = []

beforeAll(async () => {
  // The admin server's shape (scripts/server.ts): the check, then a handler that reads the body.
  server = http.createServer((req, res) => {
    if (!admitBody(req, res)) return
    let bytes = 0
    req.on('data', (c: Buffer) => (bytes += c.length))
    req.on('end', () => {
      handled.push(`${req.url} ${bytes}`)
      res.end(String(bytes))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

const post = (path: string, body: string) =>
  fetch(`http://127.0.0.1:${port}${path}`, { method: 'POST', body })

/** Sends a chunked body of `megabytes` MB over a raw socket; returns the status line and the bytes the socket took before the server answered. */
function chunkedUpload(path: string, megabytes: number): Promise<{ statusLine: string; sent: number }> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    let sent = 0
    let reply = ''
    const chunk = Buffer.alloc(64 * 1024, 'a')
    socket.on('data', (d) => (reply += d.toString()))
    socket.on('error', () => undefined)
    socket.on('close', () => resolve({ statusLine: reply.split('\r\n')[0] ?? '', sent }))
    socket.write(
      `POST ${path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n`,
    )
    const pump = () => {
      while (sent < megabytes * 1024 * 1024 && !socket.destroyed) {
        sent += chunk.length
        if (!socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`))
          return void socket.once('drain', pump)
      }
      if (!socket.destroyed) socket.end('0\r\n\r\n')
    }
    pump()
  })
}

describe('admitBody: request bodies within their route limit, refused before they are read', () => {
  it('has a limit per route, the site events tightest', () => {
    expect(bodyLimitFor('/api/events')).toBe(16 * 1024)
    expect(bodyLimitFor('/api/calls')).toBe(1024 * 1024)
    expect(bodyLimitFor('/admin/collections/faqs/1')).toBe(4 * 1024 * 1024)
  })

  it('passes a body within the limit to the handler whole', async () => {
    const res = await post('/api/calls', 'x'.repeat(1000))
    expect(res.status).toBe(200)
    expect(await res.text()).toBe('1000')
  })

  it('answers 413 to a declared length over the limit without calling the handler', async () => {
    handled.length = 0
    const res = await post('/api/calls', 'x'.repeat(1024 * 1024 + 1))
    expect(res.status).toBe(413)
    expect(((await res.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(
      /1048576 bytes/,
    )
    expect((await post('/api/events', 'x'.repeat(16 * 1024 + 1))).status).toBe(413)
    expect(handled).toEqual([])
  })

  it('answers 411 to a chunked body and cuts the connection instead of reading 400 MB', async () => {
    handled.length = 0
    const { statusLine, sent } = await chunkedUpload('/api/events', 400)
    expect(statusLine).toBe('HTTP/1.1 411 Length Required')
    // The dropped 16 MB and what the socket buffers took before the cut, not the 400 MB.
    expect(sent).toBeGreaterThan(DISCARD_LIMIT_BYTES)
    expect(sent).toBeLessThan(64 * 1024 * 1024)
    expect(handled).toEqual([])
  })

  it('lets a client that sends a few MB too many read its 413 (no reset)', async () => {
    const res = await post('/api/calls', 'x'.repeat(8 * 1024 * 1024))
    expect(res.status).toBe(413)
  })

  it('answers 400 to a Content-Length that is not a number', async () => {
    const reply = await new Promise<string>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () =>
        socket.write('POST /api/calls HTTP/1.1\r\nHost: localhost\r\nContent-Length: -5\r\n\r\n'),
      )
      let text = ''
      socket.on('data', (d) => (text += d.toString()))
      socket.on('close', () => resolve(text))
      socket.on('error', () => resolve(text))
    })
    // Node's parser or the check refuses it; either way the handler never sees it.
    expect(reply).toMatch(/^HTTP\/1\.1 400/)
  })
})
