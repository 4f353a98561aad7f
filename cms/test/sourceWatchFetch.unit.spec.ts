import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import https from 'node:https'
import os from 'node:os'
import path from 'node:path'

import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { decodePage } from '../src/sourceWatch/decode'
import { extractMainText } from '../src/sourceWatch/extract'
import { fetchPage, type FetchLimits } from '../src/sourceWatch/fetchPage'
import { changedPassages } from '../src/sourceWatch/passages'
import { readRobots } from '../src/sourceWatch/robots'
import { AGENT_TOKEN, userAgent } from '../src/sourceWatch/settings'
import {
  municipalHtml,
  startMunicipalSite,
  streamBody,
  type MunicipalPage,
  type MunicipalSite,
} from './setup/municipalSite'

/**
 * The source watch's parts without a database (decision 0038): the extraction rule, decoding, the
 * fetch limits against a real local HTTP(S) server (ports 3852, 3853), robots.txt, the diff.
 */
const PAGE: MunicipalPage = {
  title: 'マイナンバーカードの有効期限',
  body: [
    'カード本体の有効期限は、発行時に18歳以上の方は発行日から10回目の誕生日まで、18歳未満の方は5回目の誕生日までです。',
    '電子証明書の有効期限は、年齢に関係なく発行日から5回目の誕生日までです。ただし、カード本体の期限の方が早い場合はその日までです。',
    '<ul><li>有効期限通知書は、有効期限の2～3か月前を目安に届きます。</li><li>封書は転送不要郵便です。</li></ul>',
  ],
}
const LIMITS: FetchLimits = {
  userAgent: userAgent('Higashihiroshima City', 'https://kotae.city.example'),
  timeoutMs: 2_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  allowPrivateNetwork: true,
}
const MB = 1024 * 1024

describe('the main-text rule', () => {
  it('reads <main> only: no header, menus, breadcrumb, search form, aside, footer, scripts or hidden parts', () => {
    const { region, sentences } = extractMainText(municipalHtml(PAGE))
    expect(region).toBe('main')
    expect(sentences).toEqual([
      'マイナンバーカードの有効期限',
      'カード本体の有効期限は、発行時に18歳以上の方は発行日から10回目の誕生日まで、18歳未満の方は5回目の誕生日までです。',
      '電子証明書の有効期限は、年齢に関係なく発行日から5回目の誕生日までです。',
      'ただし、カード本体の期限の方が早い場合はその日までです。',
      '有効期限通知書は、有効期限の2~3か月前を目安に届きます。',
      '封書は転送不要郵便です。',
    ])
  })

  it('a change in the footer, the menus or the white space keeps the hash; a change in the body does not', () => {
    const base = extractMainText(municipalHtml(PAGE)).hash
    expect(
      extractMainText(municipalHtml({ ...PAGE, footerNote: '年末年始（12月29日から1月3日）は閉庁します。' }))
        .hash,
    ).toBe(base)
    expect(extractMainText(municipalHtml({ ...PAGE, spread: true })).hash).toBe(base)
    expect(
      extractMainText(municipalHtml({ ...PAGE, body: PAGE.body.map((p) => p.replace('、', '、 \n  ')) }))
        .hash,
    ).toBe(base)
    // Full-width digits are the same text (NFKC).
    expect(
      extractMainText(municipalHtml({ ...PAGE, body: PAGE.body.map((p) => p.replace('10回目', '１０回目')) }))
        .hash,
    ).toBe(base)
    expect(
      extractMainText(
        municipalHtml({ ...PAGE, body: PAGE.body.map((p) => p.replace('2～3か月', '1～2か月')) }),
      ).hash,
    ).not.toBe(base)
  })

  it('without <main>: [role=main], then <article>, then <body> less its header, nav, aside and footer', () => {
    const wrap = (inner: string) =>
      `<html><body><header>市のロゴ</header><nav>メニュー</nav>${inner}<footer>フッター</footer></body></html>`
    expect(extractMainText(wrap('<div role="main"><p>本文です。</p></div><div>欄外</div>'))).toMatchObject({
      region: 'main',
      sentences: ['本文です。'],
    })
    expect(extractMainText(wrap('<div>欄外</div><article><p>記事です。</p></article>'))).toMatchObject({
      region: 'article',
      sentences: ['記事です。'],
    })
    expect(
      extractMainText(wrap('<div id="contents"><p>本文です。</p><aside>関連</aside></div>')),
    ).toMatchObject({ region: 'body', sentences: ['本文です。'] })
  })

  it('splits sentences after 。！？ with their closing brackets, and paragraphs at <br> and block elements', () => {
    expect(
      extractMainText(
        '<main>「申請してください。」と書かれています。窓口は？<br>市民課です<div>二つ目</div></main>',
      ).sentences,
    ).toEqual(['「申請してください。」', 'と書かれています。', '窓口は?', '市民課です', '二つ目'])
  })
})

describe('decoding', () => {
  const html = municipalHtml(PAGE)
  it('reads UTF-8, Shift_JIS and EUC-JP, named in the header, in a meta tag, or found by the detector', () => {
    const sjis = iconv.encode(html, 'cp932')
    expect(decodePage(Buffer.from(html), 'text/html; charset=UTF-8')).toMatchObject({
      ok: true,
      encoding: 'utf-8',
      text: html,
    })
    expect(decodePage(sjis, 'text/html; charset=Shift_JIS')).toMatchObject({
      ok: true,
      encoding: 'shift_jis',
      text: html,
    })
    expect(decodePage(sjis, 'text/html')).toMatchObject({ ok: true, encoding: 'shift_jis', text: html })
    expect(
      decodePage(iconv.encode(html.replace('<title>', '<meta charset="EUC-JP"><title>'), 'euc-jp'), null),
    ).toMatchObject({ ok: true, encoding: 'euc-jp' })
    expect(
      decodePage(
        iconv.encode(
          html.replace(
            '<title>',
            '<meta http-equiv="Content-Type" content="text/html; charset=x-sjis"><title>',
          ),
          'cp932',
        ),
        null,
      ),
    ).toMatchObject({ ok: true, encoding: 'shift_jis' })
  })
  it('refuses an unknown charset, bytes no detector places, and bytes that are not the charset named', () => {
    expect(decodePage(Buffer.from(html), 'text/html; charset=x-mac-japanese')).toEqual({
      ok: false,
      detail: expect.stringContaining('x-mac-japanese'),
    })
    expect(
      decodePage(Buffer.from([0x3c, 0x70, 0x3e, 0x82, 0xff, 0xfe, 0x80, 0xfd, 0x3c]), 'text/html'),
    ).toMatchObject({ ok: false })
    expect(decodePage(iconv.encode(html, 'cp932'), 'text/html; charset=UTF-8')).toMatchObject({
      ok: false,
      detail: 'bytes that are not utf-8',
    })
  })
})

describe('changed passages', () => {
  it('groups changed sentences between unchanged ones, old beside new', () => {
    expect(changedPassages(['a', 'b', 'c', 'd', 'e'], ['a', 'B', 'c', 'e', 'f'])).toEqual([
      { old: ['b'], new: ['B'] },
      { old: ['d'], new: [] },
      { old: [], new: ['f'] },
    ])
    expect(changedPassages(['a'], ['a'])).toEqual([])
  })
})

describe('fetching within limits (a local server on port 3852)', () => {
  let site: MunicipalSite
  beforeAll(async () => {
    site = await startMunicipalSite(3852)
    site.routes.set('/card.html', { page: PAGE })
    site.routes.set('/old.html', {
      handle: (_q, r) => void r.writeHead(301, { location: '/card.html' }).end(),
    })
    site.routes.set('/loop-a', { handle: (_q, r) => void r.writeHead(302, { location: '/loop-b' }).end() })
    site.routes.set('/loop-b', { handle: (_q, r) => void r.writeHead(302, { location: '/loop-a' }).end() })
    for (let i = 0; i < 30; i++)
      site.routes.set(`/endless/${i}`, {
        handle: (_q, r) => void r.writeHead(302, { location: `/endless/${i + 1}` }).end(),
      })
    site.routes.set('/huge-announced', {
      handle: (_q, r) => streamBody(r, 50 * MB, (n) => site.sent.set('/huge-announced', n), true),
    })
    site.routes.set('/huge-chunked', {
      handle: (_q, r) => streamBody(r, 50 * MB, (n) => site.sent.set('/huge-chunked', n), false),
    })
    site.routes.set('/leaflet.pdf', {
      handle: (_q, r) =>
        void r
          .writeHead(200, { 'content-type': 'application/pdf' })
          .end(Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')),
    })
    site.routes.set('/mislabelled', {
      handle: (_q, r) =>
        void r
          .writeHead(200, { 'content-type': 'text/html' })
          .end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])),
    })
    site.routes.set('/slow', { handle: () => undefined })
  })
  afterAll(async () => site.close())

  it('follows a redirect and names the page it ended on; sends the User-Agent naming the deployment', async () => {
    const got = await fetchPage(site.url('/old.html'), LIMITS)
    expect(got).toMatchObject({ ok: true, url: site.url('/card.html'), status: 200 })
    expect(site.requests.at(-1)!.userAgent).toBe(
      'KotaeSourceWatch/1.0 (+https://kotae.city.example; Higashihiroshima City My Number Card call center; official-source check)',
    )
  })

  it('reports a 404, a redirect loop, an endless redirect, binary content and a timeout', async () => {
    expect(await fetchPage(site.url('/gone.html'), LIMITS)).toEqual({
      ok: false,
      reason: 'not-found',
      detail: 'HTTP 404',
    })
    expect(await fetchPage(site.url('/loop-a'), LIMITS)).toEqual({
      ok: false,
      reason: 'redirects',
      detail: 'redirect loop after 2 hops',
    })
    expect(await fetchPage(site.url('/endless/0'), LIMITS)).toEqual({
      ok: false,
      reason: 'redirects',
      detail: 'more than 5 redirects',
    })
    expect(await fetchPage(site.url('/leaflet.pdf'), LIMITS)).toEqual({
      ok: false,
      reason: 'binary',
      detail: 'not an HTML page (application/pdf)',
    })
    expect(await fetchPage(site.url('/mislabelled'), LIMITS)).toEqual({
      ok: false,
      reason: 'binary',
      detail: 'binary content',
    })
    expect(await fetchPage(site.url('/slow'), { ...LIMITS, timeoutMs: 300 })).toMatchObject({
      ok: false,
      reason: 'timeout',
    })
  })

  it('refuses a 50 MB body: announced, before reading it; streamed, after the first 5 MB', async () => {
    expect(await fetchPage(site.url('/huge-announced'), LIMITS)).toEqual({
      ok: false,
      reason: 'too-big',
      detail: `${50 * MB} bytes announced, more than the ${5 * MB} allowed`,
    })
    expect(await fetchPage(site.url('/huge-chunked'), LIMITS)).toEqual({
      ok: false,
      reason: 'too-big',
      detail: `body longer than the ${5 * MB} bytes allowed`,
    })
    await new Promise((resolve) => setTimeout(resolve, 200))
    // What the server got out before the client closed (socket buffers included), far below 50 MB.
    console.log(
      `50 MB bodies: ${((site.sent.get('/huge-announced') ?? 0) / MB).toFixed(1)} MB sent when announced, ${((site.sent.get('/huge-chunked') ?? 0) / MB).toFixed(1)} MB when streamed`,
    )
    expect(site.sent.get('/huge-announced') ?? 0).toBeLessThan(10 * MB)
    expect(site.sent.get('/huge-chunked') ?? 0).toBeLessThan(10 * MB)
  })

  it('refuses an address inside a private network unless allowed (loopback here)', async () => {
    expect(await fetchPage(site.url('/card.html'), { ...LIMITS, allowPrivateNetwork: false })).toEqual({
      ok: false,
      reason: 'private-address',
      detail: '127.0.0.1 is an address inside a private network',
    })
    expect(
      await readRobots(new URL(site.url('/')).origin, { ...LIMITS, allowPrivateNetwork: false }, AGENT_TOKEN),
    ).toEqual({
      ok: false,
      reason: 'private-address',
      detail: '127.0.0.1 is an address inside a private network',
    })
  })

  it('reads robots.txt: a disallowed path, the Crawl-delay for its agent; no robots.txt allows all', async () => {
    const robots = await readRobots(new URL(site.url('/')).origin, LIMITS, AGENT_TOKEN)
    expect(robots.ok && robots.allows(site.url('/private/memo.html'))).toBe(false)
    expect(robots.ok && robots.allows(site.url('/card.html'))).toBe(true)
    const other = await startMunicipalSite(
      3853,
      `User-agent: *\nDisallow:\n\nUser-agent: ${AGENT_TOKEN}\nCrawl-delay: 3\nDisallow: /kurashi/\n`,
    )
    try {
      const own = await readRobots(new URL(other.url('/')).origin, LIMITS, AGENT_TOKEN)
      expect(own).toMatchObject({ ok: true, crawlDelayMs: 3000 })
      expect(own.ok && own.allows(other.url('/kurashi/a.html'))).toBe(false)
    } finally {
      await other.close()
    }
  })
})

describe('a certificate the machine does not trust (port 3853)', () => {
  let dir: string
  let server: https.Server
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-cert-'))
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-keyout',
        path.join(dir, 'key.pem'),
        '-out',
        path.join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    )
    server = https.createServer(
      { key: fs.readFileSync(path.join(dir, 'key.pem')), cert: fs.readFileSync(path.join(dir, 'cert.pem')) },
      (_q, r) => r.end(municipalHtml(PAGE)),
    )
    await new Promise<void>((resolve) => server.listen(3853, '127.0.0.1', resolve))
  })
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()))
    fs.rmSync(dir, { recursive: true, force: true })
  })
  it('is reported as a certificate failure', async () => {
    expect(await fetchPage('https://127.0.0.1:3853/card.html', LIMITS)).toEqual({
      ok: false,
      reason: 'certificate',
      detail: 'TLS certificate refused (DEPTH_ZERO_SELF_SIGNED_CERT)',
    })
  })
})
