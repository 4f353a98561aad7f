/**
 * The main text of an official page, as the source watch compares it (docs/decisions/0038).
 *
 * The rule:
 *  1. The page is parsed with parse5 (the WHATWG HTML parser: the same tree a browser builds,
 *     however broken the markup).
 *  2. The part read is the first `<main>` or `[role=main]`; else the first `<article>`; else `<body>`.
 *  3. Inside it, these are dropped with everything they hold: `script`, `style`, `noscript`,
 *     `template`, `iframe`, `svg`, `nav`, `header`, `footer`, `aside`, `form`, elements with the
 *     `hidden` attribute, and elements whose role is navigation, banner, contentinfo,
 *     complementary or search (site menus, breadcrumbs, page furniture, 「このページに関するお問い合わせ」 footers).
 *  4. The text is cut into paragraphs at every block element and `<br>`; each is NFKC-normalized
 *     (full-width digits and letters, half-width kana), runs of white space become one space,
 *     white space beside a Japanese character is removed (a line break inside a Japanese sentence
 *     is markup, not a word gap), and empty ones are dropped.
 *  5. Paragraphs are cut into sentences after 。！？ (and ! ?), so a change is shown as the
 *     sentences that changed, not a whole page.
 * The hash is SHA-256 over the sentences joined by newlines: a change in the markup, the white
 * space, the menus or the footer leaves it as it was.
 */
import { createHash } from 'node:crypto'

import { parse } from 'parse5'
import type { DefaultTreeAdapterMap } from 'parse5'

type Node = DefaultTreeAdapterMap['node']
type Element = DefaultTreeAdapterMap['element']

const DROPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'svg',
  'nav',
  'header',
  'footer',
  'aside',
  'form',
  'button',
  'select',
])
const DROPPED_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search'])
/** Elements that start a new paragraph. */
const BLOCKS = new Set([
  'address',
  'article',
  'blockquote',
  'body',
  'caption',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'br',
])

const isElement = (node: Node): node is Element => 'tagName' in node
const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value

function find(node: Node, test: (el: Element) => boolean): Element | undefined {
  if (isElement(node) && test(node)) return node
  const children = 'childNodes' in node ? node.childNodes : []
  for (const child of children) {
    const hit = find(child, test)
    if (hit) return hit
  }
  // A <template>'s content is its own document fragment; nothing of it is shown.
  return undefined
}

function dropped(el: Element): boolean {
  if (DROPPED.has(el.tagName)) return true
  if (attr(el, 'hidden') !== undefined || attr(el, 'aria-hidden') === 'true') return true
  const role = attr(el, 'role')
  return role !== undefined && DROPPED_ROLES.has(role.trim().toLowerCase())
}

/** The paragraphs' raw text: a new entry at every block boundary. */
function collect(node: Node, out: string[]): void {
  if (node.nodeName === '#text') {
    out[out.length - 1] += (node as DefaultTreeAdapterMap['textNode']).value
    return
  }
  if (!isElement(node)) return
  if (dropped(node)) return
  const block = BLOCKS.has(node.tagName)
  if (block) out.push('')
  for (const child of node.childNodes) collect(child, out)
  if (block) out.push('')
}

const JAPANESE = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\u3000-\\u303f\\uff01-\\uff9f'
const SPACE_BESIDE_JAPANESE = new RegExp(`(?<=[${JAPANESE}]) | (?=[${JAPANESE}])`, 'gu')
const normalize = (text: string) =>
  text.normalize('NFKC').replace(/\s+/gu, ' ').replace(SPACE_BESIDE_JAPANESE, '').trim()

/** A paragraph's sentences: cut after 。！？!? (keeping closing brackets with their sentence). */
export function sentencesOf(paragraph: string): string[] {
  return (paragraph.match(/[^。！？!?]+(?:[。！？!?]+[」』）)]*|$)/gu) ?? [])
    .map((s) => s.trim())
    .filter(Boolean)
}

export type Extracted = {
  /** Where the text came from: `main`, `article` or `body`. */
  region: 'main' | 'article' | 'body'
  /** The page's main text, one sentence a line. */
  sentences: string[]
  /** SHA-256 (hex) of the sentences joined by newlines. */
  hash: string
}

export function extractMainText(html: string): Extracted {
  const doc = parse(html)
  const main = find(doc, (el) => el.tagName === 'main' || attr(el, 'role')?.trim().toLowerCase() === 'main')
  const article = main ? undefined : find(doc, (el) => el.tagName === 'article')
  const root = main ?? article ?? find(doc, (el) => el.tagName === 'body') ?? doc
  const raw: string[] = ['']
  for (const child of 'childNodes' in root ? root.childNodes : []) collect(child, raw)
  const sentences = raw.map(normalize).filter(Boolean).flatMap(sentencesOf)
  return { region: main ? 'main' : article ? 'article' : 'body', sentences, hash: hashOf(sentences) }
}

export const hashOf = (sentences: readonly string[]) =>
  createHash('sha256').update(sentences.join('\n')).digest('hex')
