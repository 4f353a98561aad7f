/**
 * An in-process HTTP server standing in for a city's and a ministry's web sites, for the source
 * watch's tests and bench: pages laid out as Japanese municipal CMSs lay them out (skip link,
 * header with logo and global menu, breadcrumb, main content, local menu aside, inquiry footer,
 * site footer, scripts), in UTF-8, Shift_JIS or EUC-JP, plus the bad answers a real site gives
 * (404, a redirect, an endless redirect, a 50 MB body, binary content, an unknown charset).
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

import iconv from 'iconv-lite'

export type PageCharset = 'utf-8' | 'shift_jis' | 'euc-jp'

export type MunicipalPage = {
  title: string
  /** The content's paragraphs (HTML allowed). */
  body: string[]
  /** The site footer's extra line (a change here must not count). */
  footerNote?: string
  /** Whether the breadcrumbs' and menus' markup is indented and spread over lines (a whitespace-only change). */
  spread?: boolean
  charset?: PageCharset
  /** Where the charset is named: the Content-Type header (default), the meta tag only, or nowhere. */
  declare?: 'header' | 'meta' | 'none'
}

export function municipalHtml(page: MunicipalPage): string {
  const nl = page.spread ? '\n        ' : ''
  const meta =
    page.declare === 'meta'
      ? `<meta charset="${page.charset === 'shift_jis' ? 'Shift_JIS' : page.charset === 'euc-jp' ? 'EUC-JP' : 'UTF-8'}">`
      : ''
  return `<!DOCTYPE html>
<html lang="ja"><head>${meta}<title>${page.title}｜東広島市ホームページ</title>
<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag('js',new Date());</script>
<style>#tmp_header{background:#fff}</style></head>
<body><div id="tmp_wrapper">
<header id="tmp_header"><p class="skip"><a href="#tmp_contents">本文へスキップします。</a></p>${nl}<div id="tmp_hlogo"><a href="/">東広島市</a></div>${nl}
<nav id="tmp_gnavi"><ul>${nl}<li><a href="/kurashi/">くらし・手続き</a></li>${nl}<li><a href="/kenko/">健康・福祉</a></li>${nl}<li><a href="/kosodate/">子育て・教育</a></li></ul></nav>
<form role="search" action="/search"><input name="q" placeholder="サイト内検索"><button>検索</button></form></header>
<div id="tmp_pankuzu" role="navigation"><a href="/">ホーム</a> &gt;${nl} <a href="/kurashi/">くらし・手続き</a> &gt; ${page.title}</div>
<div id="tmp_main"><main id="tmp_contents">
<h1>${page.title}</h1>
${page.body.map((p) => (p.startsWith('<') ? p : `<p>${p}</p>`)).join(page.spread ? '\n\n   ' : '\n')}
<div id="tmp_inquiry" hidden>このページに関するお問い合わせ</div>
</main>
<aside id="tmp_lnavi"><h2>関連ページ</h2><ul><li><a href="/kurashi/mynumber/">マイナンバーカード</a></li></ul></aside></div>
<footer id="tmp_footer"><p>このページに関するお問い合わせ：市民課 電話：082-420-0925</p><p>〒739-8601 広島県東広島市西条栄町8番29号</p>
<p>${page.footerNote ?? '開庁時間：月曜日から金曜日の午前8時30分から午後5時15分まで'}</p><p>Copyright (C) Higashihiroshima City. All Rights Reserved.</p></footer>
</div><script src="/js/common.js"></script></body></html>`
}

/** What a path answers: a page, or a handler writing anything at all. */
export type Route =
  | { page: MunicipalPage }
  | { handle: (req: http.IncomingMessage, res: http.ServerResponse) => void }

export type MunicipalSite = {
  routes: Map<string, Route>
  /** Every request: path, host header, user agent, time (ms). */
  requests: { path: string; host: string; userAgent: string; at: number }[]
  /** Bytes each handler-written path actually sent (a refused body stops early). */
  sent: Map<string, number>
  url: (path: string, host?: string) => string
  close: () => Promise<void>
}

export function servePage(res: http.ServerResponse, page: MunicipalPage): void {
  const charset = page.charset ?? 'utf-8'
  const html = municipalHtml(page)
  const bytes =
    charset === 'utf-8'
      ? Buffer.from(html, 'utf8')
      : iconv.encode(html, charset === 'shift_jis' ? 'cp932' : 'euc-jp')
  const type =
    (page.declare ?? 'header') === 'header'
      ? `text/html; charset=${charset === 'shift_jis' ? 'Shift_JIS' : charset.toUpperCase()}`
      : 'text/html'
  res.writeHead(200, { 'content-type': type, 'content-length': bytes.length })
  res.end(bytes)
}

/** A body of `total` bytes in 64 KB chunks, written as fast as the client reads, stopping when it goes away. */
export function streamBody(
  res: http.ServerResponse,
  total: number,
  onSent: (bytes: number) => void,
  announce: boolean,
  type = 'text/html; charset=UTF-8',
): void {
  res.writeHead(200, { 'content-type': type, ...(announce ? { 'content-length': total } : {}) })
  const chunk = Buffer.alloc(64 * 1024, '<p>あ</p>'.padEnd(64, ' '))
  let sent = 0
  let closed = false
  res.on('close', () => (closed = true))
  const pump = () => {
    while (!closed && sent < total) {
      const piece = chunk.subarray(0, Math.min(chunk.length, total - sent))
      sent += piece.length
      onSent(sent)
      if (!res.write(piece)) return void res.once('drain', pump)
    }
    if (!closed) res.end()
  }
  pump()
}

export async function startMunicipalSite(
  port: number,
  robots = 'User-agent: *\nDisallow: /private/\n',
  hosts: string[] = ['127.0.0.1'],
): Promise<MunicipalSite> {
  const routes = new Map<string, Route>()
  const requests: MunicipalSite['requests'] = []
  const sent = new Map<string, number>()
  const handler = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0]!
    requests.push({
      path,
      host: req.headers.host ?? '',
      userAgent: req.headers['user-agent'] ?? '',
      at: performance.now(),
    })
    if (path === '/robots.txt') return void res.writeHead(200, { 'content-type': 'text/plain' }).end(robots)
    const route = routes.get(path)
    if (!route)
      return void res.writeHead(404, { 'content-type': 'text/html; charset=UTF-8' }).end(
        municipalHtml({
          title: 'ページが見つかりません',
          body: ['お探しのページは移動または削除された可能性があります。'],
        }),
      )
    if ('page' in route) return servePage(res, route.page)
    route.handle(req, res)
  }
  const servers = await Promise.all(
    hosts.map(
      (host) =>
        new Promise<http.Server>((resolve, reject) => {
          const server = http.createServer(handler)
          server.once('error', reject)
          server.listen(port, host, () => resolve(server))
        }),
    ),
  )
  const actualPort = (servers[0]!.address() as AddressInfo).port
  return {
    routes,
    requests,
    sent,
    url: (path, host = hosts[0]!) => `http://${host}:${actualPort}${path}`,
    close: async () => {
      for (const s of servers) {
        s.closeAllConnections()
        await new Promise<void>((resolve) => s.close(() => resolve()))
      }
    },
  }
}
