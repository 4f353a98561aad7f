import { eventBatchSchema } from '@kotae/content/contracts/events'
import { beforeEach, describe, expect, it, vi } from 'vitest'

/** A minimal browser: listeners, document language, sendBeacon that records bodies. */
function fakeBrowser() {
  const listeners: Record<string, (() => void)[]> = {}
  const on = (t: string, f: () => void) => {
    listeners[t] ??= []
    listeners[t].push(f)
  }
  const sent: { url: string; body: string; type: string }[] = []
  const doc = { documentElement: { lang: 'ja' }, visibilityState: 'visible', addEventListener: on }
  vi.stubGlobal('window', { addEventListener: on })
  vi.stubGlobal('document', doc)
  vi.stubGlobal('navigator', {
    sendBeacon: (url: string, blob: Blob) => {
      void blob.text().then((body) => sent.push({ url, body, type: blob.type }))
      return true
    },
  })
  const fire = (t: string) => {
    for (const f of listeners[t] ?? []) f()
  }
  return { sent, fire, doc }
}

const settle = () => new Promise((r) => setTimeout(r, 0))
/** The events sent, each request checked against the CMS's own schema (the one contract). */
const events = (sent: { body: string }[]) =>
  sent.flatMap((s) => {
    const body = JSON.parse(s.body) as { events: Record<string, unknown>[] }
    expect(eventBatchSchema.safeParse(body).error).toBeUndefined()
    return body.events
  })

describe('events', () => {
  beforeEach(() => {
    vi.resetModules()
    vi.unstubAllGlobals()
    vi.useFakeTimers()
  })

  it('batches events and sends them as text/plain after a short delay, with no id', async () => {
    const b = fakeBrowser()
    const { track } = await import('../src/lib/events')
    track({ type: 'faq-view', faqId: 'pin-forgot' })
    track({ type: 'search', query: '  暗証番号  ', results: 3 })
    expect(b.sent).toHaveLength(0)
    vi.advanceTimersByTime(4000)
    vi.useRealTimers()
    await settle()
    expect(b.sent).toHaveLength(1)
    expect(b.sent[0]!.url).toBe('/api/events')
    expect(b.sent[0]!.type).toMatch(/^text\/plain/)
    const [view, search] = events(b.sent)
    expect(view).toMatchObject({ type: 'faq-view', faqId: 'pin-forgot', locale: 'ja' })
    expect(search).toMatchObject({ type: 'search', query: '暗証番号', results: 3 })
    expect(Object.keys(search!).sort()).toEqual(['at', 'locale', 'query', 'results', 'type'])
  })

  it('a held vote goes out once, with its reason, when released; or as it is when the page is left', async () => {
    const b = fakeBrowser()
    const { hold, release } = await import('../src/lib/events')
    hold('vote', { type: 'helpful', faqId: 'a', helpful: false })
    vi.advanceTimersByTime(10_000)
    expect(b.sent).toHaveLength(0)
    release('vote', { type: 'helpful', faqId: 'a', helpful: false, reason: 'x'.repeat(600) })
    hold('vote', { type: 'helpful', faqId: 'b', helpful: true })
    b.fire('pagehide')
    vi.useRealTimers()
    await settle()
    const got = events(b.sent)
    expect(got.map((e) => e.faqId)).toEqual(['a', 'b'])
    expect(String(got[0]!.reason)).toHaveLength(500)
  })

  it('keeps each request under the server’s 16 KB and 50 events, and cuts queries to 200 characters', async () => {
    const b = fakeBrowser()
    const { track, flush } = await import('../src/lib/events')
    for (let i = 0; i < 45; i++) track({ type: 'search', query: `${i}あ`.padEnd(300, 'い') })
    flush()
    vi.useRealTimers()
    await settle()
    const all = events(b.sent)
    expect(all).toHaveLength(45)
    for (const s of b.sent) {
      expect(new TextEncoder().encode(s.body).length).toBeLessThanOrEqual(16 * 1024)
      expect((JSON.parse(s.body) as { events: unknown[] }).events.length).toBeLessThanOrEqual(50)
    }
    expect(all.every((e) => String(e.query).length === 200)).toBe(true)
  })

  it('ignores empty searches', async () => {
    const b = fakeBrowser()
    const { track, flush } = await import('../src/lib/events')
    track({ type: 'search', query: '   ' })
    flush()
    vi.useRealTimers()
    await settle()
    expect(b.sent).toHaveLength(0)
  })

  it('a facet choice goes out as its two ids and the page language, nothing else; odd ids are dropped', async () => {
    const b = fakeBrowser()
    const { track, flush } = await import('../src/lib/events')
    track({ type: 'facet-choice', dimension: 'what', value: 'certificate' })
    track({ type: 'facet-choice', dimension: 'what', value: '<script>' })
    track({ type: 'facet-choice', dimension: 'x'.repeat(41), value: 'card' })
    flush()
    vi.useRealTimers()
    await settle()
    const got = events(b.sent)
    expect(got).toHaveLength(1)
    expect(got[0]).toMatchObject({
      type: 'facet-choice',
      dimension: 'what',
      value: 'certificate',
      locale: 'ja',
    })
    expect(Object.keys(got[0]!).sort()).toEqual(['at', 'dimension', 'locale', 'type', 'value'])
  })
})
