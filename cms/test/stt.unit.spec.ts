/**
 * The speech-to-text client (src/transcripts/stt.ts) against an in-process server implementing
 * OpenAI-compatible POST /v1/audio/transcriptions on 127.0.0.1:3862. No speech model runs here: the
 * server answers fixed segments; what is tested is the client (request, retries, timeouts, errors,
 * the private-network rule).
 */
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { checkSttHost, isPrivateAddress, sttSettings, transcribeAudio } from '../src/transcripts/stt'

const PORT = 3862
const seen: { path: string; type: string; body: string }[] = []
let mode: 'ok' | 'fail-once' | 'slow' | 'bad-request' = 'ok'
let failures = 0
const server = http.createServer((req, res) => {
  let body = ''
  req.setEncoding('latin1')
  req.on('data', (c: string) => (body += c))
  req.on('end', () => {
    seen.push({ path: req.url ?? '', type: req.headers['content-type'] ?? '', body })
    if (mode === 'fail-once' && failures++ === 0) return void res.writeHead(503).end()
    if (mode === 'bad-request')
      return void res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"bad"}')
    if (mode === 'slow') return void setTimeout(() => res.writeHead(200).end('{}'), 3000)
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        text: 'はい。',
        segments: [{ id: 0, start: 0, end: 1.5, text: 'はい、コールセンターです。' }],
      }),
    )
  })
})
let audio: string
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(PORT, '127.0.0.1', r))
  audio = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-stt-')), 'rec.wav')
  fs.writeFileSync(audio, Buffer.from('RIFF0000WAVEfmt fake audio bytes'))
})
afterAll(async () => {
  fs.rmSync(path.dirname(audio), { recursive: true, force: true })
  await new Promise<void>((r) => server.close(() => r()))
})

const settings = (extra: Record<string, string> = {}) =>
  sttSettings({ KOTAE_STT_URL: `http://127.0.0.1:${PORT}`, ...extra })!

describe('speech-to-text client (no speech model is run: the server is a stand-in)', () => {
  it('is off unless KOTAE_STT_URL is set', () => {
    expect(sttSettings({})).toBeNull()
    expect(() => sttSettings({ KOTAE_STT_URL: 'ftp://x' })).toThrow(/http/)
  })

  it('sends the file as multipart to /v1/audio/transcriptions and returns the segments', async () => {
    mode = 'ok'
    const r = await transcribeAudio(audio, settings())
    expect(r.segments).toEqual([{ id: 0, start: 0, end: 1.5, text: 'はい、コールセンターです。' }])
    const req = seen.at(-1)!
    expect(req.path).toBe('/v1/audio/transcriptions')
    expect(req.type).toMatch(/^multipart\/form-data; boundary=/)
    expect(req.body).toContain('fake audio bytes')
    expect(req.body).toContain('verbose_json')
  })

  it('retries a 503, times out a slow server, and does not retry a 400; each error says what happened', async () => {
    mode = 'fail-once'
    failures = 0
    const before = seen.length
    expect((await transcribeAudio(audio, settings(), { backoffMs: 10 })).segments).toHaveLength(1)
    expect(seen.length - before).toBe(2)
    mode = 'slow'
    await expect(
      transcribeAudio(audio, settings({ KOTAE_STT_TIMEOUT_MS: '1000' }), { retries: 1, backoffMs: 10 }),
    ).rejects.toThrow(/1 秒以内に応答がありません（2 回試しました）/)
    mode = 'bad-request'
    await expect(transcribeAudio(audio, settings(), { backoffMs: 10 })).rejects.toThrow(
      /400 を返しました（再試行しません）/,
    )
  }, 30_000)

  it('refuses a host outside this machine and the private network before any request, unless KOTAE_STT_ALLOW_PUBLIC=1', async () => {
    expect(
      ['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.9', '::1', 'fd00::1'].map(isPrivateAddress),
    ).toEqual([true, true, true, true, true, true])
    expect(['8.8.8.8', '172.32.0.1', '2001:db8::1'].map(isPrivateAddress)).toEqual([false, false, false])
    const before = seen.length
    await expect(
      transcribeAudio(audio, sttSettings({ KOTAE_STT_URL: 'http://203.0.113.7:8000' })!),
    ).rejects.toThrow(/市のネットワークの外/)
    expect(seen.length).toBe(before)
    await expect(
      checkSttHost(sttSettings({ KOTAE_STT_URL: 'http://203.0.113.7:8000', KOTAE_STT_ALLOW_PUBLIC: '1' })!),
    ).resolves.toBeUndefined()
  })
})
