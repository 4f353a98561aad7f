/**
 * The English site is English (decision 0047): every built page under /en/ is read as
 * HTML, and any kana or kanji outside an element marked `lang="ja"` fails the test, naming the page
 * and the text. The rule is the site's own (`JAPANESE` in site/src/lib/japanese.ts): a character of
 * the Han, Hiragana or Katakana script. Read are the body's text and the attributes people read
 * (title, alt, aria-label, placeholder); scripts, styles and the islands' serialized props are data,
 * not text. `<noscript>` is read as markup, as a browser without JavaScript shows it. The page's
 * `<title>` is left out: an untranslated answer keeps its Japanese question there (no lang can mark
 * it), as its marked fallback does in the body.
 */
import fs from 'node:fs'
import path from 'node:path'

import { parse, type DefaultTreeAdapterMap } from 'parse5'
import { beforeAll, describe, expect, it } from 'vitest'

import { JAPANESE } from '../../site/src/lib/japanese'
import { ensureSiteBuilt } from '../support/siteBuild'
import { SITE_DIST } from '../support/staticSite'

type Node = DefaultTreeAdapterMap['node']
type Element = DefaultTreeAdapterMap['element']

const READ_ATTRIBUTES = new Set(['title', 'alt', 'aria-label', 'placeholder'])
const NOT_TEXT = new Set(['script', 'style', 'template'])

/** Every .html file below a folder, as paths relative to the site root. */
function htmlFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .flatMap((e) =>
      e.isFile() && e.name.endsWith('.html')
        ? [path.relative(SITE_DIST, path.join(e.parentPath, e.name))]
        : [],
    )
}

type PageLanguage = {
  /** Japanese text outside `lang="ja"`: each one a failure. */
  stray: string[]
  /** Japanese text inside `lang="ja"`: the labelled fallbacks and marked terms (a figure, not a failure). */
  marked: number
}

/** Reads one page's body: the Japanese it shows outside and inside `lang="ja"` elements. */
function readPage(html: string): PageLanguage {
  const out: PageLanguage = { stray: [], marked: 0 }
  const see = (text: string, inJa: boolean) => {
    const t = text.replace(/\s+/g, ' ').trim()
    if (!JAPANESE.test(t)) return
    if (inJa) out.marked++
    else out.stray.push(t.length > 80 ? `${t.slice(0, 80)}…` : t)
  }
  const walk = (node: Node, inJa: boolean) => {
    if (node.nodeName === '#text') return see((node as DefaultTreeAdapterMap['textNode']).value, inJa)
    if (!('childNodes' in node)) return
    let ja = inJa
    if ('attrs' in node) {
      const el = node as Element
      if (NOT_TEXT.has(el.tagName)) return
      const lang = el.attrs.find((a) => a.name === 'lang')?.value
      if (lang !== undefined) ja = /^ja\b/i.test(lang)
      for (const a of el.attrs) if (READ_ATTRIBUTES.has(a.name)) see(a.value, ja)
    }
    for (const child of node.childNodes) walk(child, ja)
  }
  // Without scripting, so <noscript> is parsed into elements as a browser without JavaScript shows it.
  const doc = parse(html, { scriptingEnabled: false })
  const root = doc.childNodes.find((n) => n.nodeName === 'html') as Element | undefined
  const body = root?.childNodes.find((n) => n.nodeName === 'body')
  if (!body) throw new Error('no <body>')
  const htmlLang = root?.attrs.find((a) => a.name === 'lang')?.value ?? ''
  walk(body, /^ja\b/i.test(htmlLang))
  return out
}

describe('English pages', () => {
  let pages: string[]
  beforeAll(() => {
    ensureSiteBuilt()
    pages = htmlFiles(path.join(SITE_DIST, 'en')).sort()
  })

  it('the rule: kana or kanji outside lang="ja" is stray, inside is marked', () => {
    const page = readPage(
      '<html lang="en"><body><p>Call the <span lang="ja">市民課</span>.</p><p>受け取り</p>' +
        '<input placeholder="例：更新"><div lang="ja"><p>はがき<span lang="en">postcard 窓口</span></p></div>' +
        '<script>const x = "日本語"</script><noscript><a href="/">ホーム</a></noscript></body></html>',
    )
    expect(page.stray).toEqual(['受け取り', '例：更新', 'postcard 窓口', 'ホーム'])
    expect(page.marked).toBe(2)
  })

  it('show no Japanese outside elements marked lang="ja"', () => {
    expect(pages.length).toBeGreaterThan(150)
    const stray: string[] = []
    let marked = 0
    for (const file of pages) {
      const page = readPage(fs.readFileSync(path.join(SITE_DIST, file), 'utf8'))
      stray.push(...page.stray.map((t) => `/${file}: ${t}`))
      marked += page.marked
    }
    // Figures for decision 0047: how much Japanese the English pages still show, all of it marked.
    console.log(
      `English pages walked: ${pages.length}; Japanese fragments outside lang="ja": ${stray.length}; inside (marked fallbacks and terms): ${marked}`,
    )
    expect(stray).toEqual([])
  })
})
