/**
 * Optional speech-to-text on a server the city hosts: an audio file is sent to
 * an OpenAI-compatible `POST /v1/audio/transcriptions` and its `verbose_json` answer (segments with
 * start, end, text) comes back for the same import path as any JSON transcript. Off unless
 * KOTAE_STT_URL is set. The host must be this machine or the city's private network (every address
 * it resolves to: 127/8, 10/8, 172.16/12, 192.168/16, ::1, fc00::/7, fe80::/10) unless
 * KOTAE_STT_ALLOW_PUBLIC=1; checked before any request. Timeouts per attempt, retries on network
 * errors, 429 and 5xx (1 s, 2 s), and errors that say what to fix. Kotae ships no speech model.
 */
import { lookup } from 'node:dns/promises'
import fs from 'node:fs/promises'
import { isIP } from 'node:net'
import path from 'node:path'

export interface SttSettings {
  url: URL
  allowPublic: boolean
  model: string
  timeoutMs: number
}

export class SttError extends Error {}

/** The settings from the environment, or null when speech-to-text is off (KOTAE_STT_URL unset). */
export function sttSettings(
  env: Readonly<Record<string, string | undefined>> = process.env,
): SttSettings | null {
  const raw = env.KOTAE_STT_URL
  if (!raw) return null
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new SttError(`KOTAE_STT_URL: URL として読めません（例: http://10.0.0.5:8000）: ${raw}`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new SttError('KOTAE_STT_URL: http:// か https:// で始めてください')
  const timeoutMs = env.KOTAE_STT_TIMEOUT_MS ? Number(env.KOTAE_STT_TIMEOUT_MS) : 120_000
  if (!(timeoutMs >= 1000 && timeoutMs <= 3_600_000))
    throw new SttError('KOTAE_STT_TIMEOUT_MS: 1000～3600000 のミリ秒です')
  return {
    url,
    allowPublic: env.KOTAE_STT_ALLOW_PUBLIC === '1',
    model: env.KOTAE_STT_MODEL || 'whisper-1',
    timeoutMs,
  }
}

const v4 = (ip: string) => ip.split('.').map(Number) as [number, number, number, number]
/** Loopback or private-network address (the city's own network). */
export function isPrivateAddress(ip: string): boolean {
  if (isIP(ip) === 4) {
    const [a, b] = v4(ip)
    return a === 127 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)
  }
  const l = ip.toLowerCase()
  if (l.startsWith('::ffff:') && isIP(l.slice(7)) === 4) return isPrivateAddress(l.slice(7))
  return l === '::1' || /^f[cd][0-9a-f]{2}:/.test(l) || /^fe[89ab][0-9a-f]:/.test(l)
}

/** Refuses a host outside this machine and the private network, unless public hosts are allowed. */
export async function checkSttHost(s: SttSettings): Promise<void> {
  if (s.allowPublic) return
  const host = s.url.hostname.replace(/^\[|\]$/g, '')
  const addresses = isIP(host)
    ? [host]
    : (await lookup(host, { all: true }).catch(() => [])).map((a) => a.address)
  if (!addresses.length) throw new SttError(`KOTAE_STT_URL: ホスト ${host} の名前を解決できません`)
  const outside = addresses.filter((a) => !isPrivateAddress(a))
  if (outside.length)
    throw new SttError(
      `KOTAE_STT_URL: ${host}（${outside.join(', ')}）は市のネットワークの外です。音声は外部に送りません（公開ホストを使う場合のみ KOTAE_STT_ALLOW_PUBLIC=1）`,
    )
}

export interface SttSegment {
  start: number
  end: number
  text: string
  speaker?: string
}

/** Sends one audio file; resolves to its segments. `retries` more attempts after the first. */
export async function transcribeAudio(
  file: string,
  s: SttSettings,
  options: { retries?: number; backoffMs?: number } = {},
): Promise<{ segments: SttSegment[] }> {
  await checkSttHost(s)
  const bytes = await fs.readFile(file)
  const endpoint = new URL('v1/audio/transcriptions', s.url.href.endsWith('/') ? s.url : `${s.url.href}/`)
  const retries = options.retries ?? 2
  let last = ''
  for (let attempt = 0; attempt <= retries; attempt++) {
    if (attempt) await new Promise((r) => setTimeout(r, (options.backoffMs ?? 1000) * 2 ** (attempt - 1)))
    const form = new FormData()
    form.set('file', new Blob([bytes]), path.basename(file))
    form.set('model', s.model)
    form.set('response_format', 'verbose_json')
    form.set('language', 'ja')
    let res: Response
    try {
      res = await fetch(endpoint, {
        method: 'POST',
        body: form,
        signal: AbortSignal.timeout(s.timeoutMs),
        redirect: 'error',
      })
    } catch (e) {
      last =
        (e as Error).name === 'TimeoutError'
          ? `${s.timeoutMs / 1000} 秒以内に応答がありません`
          : `接続できません（${(e as Error).message}）`
      continue
    }
    if (res.status === 429 || res.status >= 500) {
      last = `サーバーが ${res.status} を返しました`
      continue
    }
    if (!res.ok)
      throw new SttError(
        `音声の文字起こしに失敗しました: ${endpoint.origin} が ${res.status} を返しました（再試行しません）`,
      )
    const body = (await res.json().catch(() => null)) as { segments?: unknown } | null
    if (!body || !Array.isArray(body.segments))
      throw new SttError(
        `音声の文字起こしの応答に segments がありません（verbose_json に対応したサーバーか確認してください）`,
      )
    return { segments: body.segments as SttSegment[] }
  }
  throw new SttError(
    `音声の文字起こしに失敗しました: ${endpoint.origin} — ${last}（${retries + 1} 回試しました）`,
  )
}
