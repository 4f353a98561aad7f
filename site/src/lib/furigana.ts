/**
 * Furigana on Japanese pages (build time only): every kanji word gets its reading as
 * `<ruby>漢字<rp>(</rp><rt>かんじ</rt><rp>)</rp></ruby>`, always in the HTML; the 「ふりがな」 switch in the
 * header shows or hides the readings with CSS (global.css, `.furigana-switch`). Readings come from
 * kuromoji's dictionary (`@kotae/search-indexer/node-only/furigana`), with the city's overrides
 * (city.yaml `readings`) and the FAQ's own (`readings` in its front matter) winning, the FAQ's first.
 */
import type { Readings } from '@kotae/content/schema'
import type { RubySegment } from '@kotae/search-indexer/furigana/ruby'
import { loadFurigana } from '@kotae/search-indexer/node-only/furigana'
import type { Element, ElementContent, Root, RootContent, Text } from 'hast'

export type ReadText = (text: string) => RubySegment[]

/** The reader for one page: the FAQ's overrides over the city's, over the dictionary. */
export async function furiganaReader(city: Readings = {}, own: Readings = {}): Promise<ReadText> {
  const furigana = await loadFurigana()
  const overrides = new Map(Object.entries({ ...city, ...own }))
  return (text) => furigana(text, overrides)
}

/** hast nodes for a text: plain text, and a `<ruby>` element for each kanji piece. */
function rubyNodes(segments: RubySegment[]): (Text | Element)[] {
  return segments.map((s) =>
    s.reading === undefined
      ? { type: 'text', value: s.text }
      : {
          type: 'element',
          tagName: 'ruby',
          properties: {},
          children: [
            { type: 'text', value: s.text },
            { type: 'element', tagName: 'rp', properties: {}, children: [{ type: 'text', value: '(' }] },
            {
              type: 'element',
              tagName: 'rt',
              properties: {},
              children: [{ type: 'text', value: s.reading }],
            },
            { type: 'element', tagName: 'rp', properties: {}, children: [{ type: 'text', value: ')' }] },
          ],
        },
  )
}

// Text inside these is not read aloud as a word (code) or already has its reading.
const SKIP = new Set(['code', 'pre', 'ruby', 'rt', 'rp', 'script', 'style'])

/** Adds ruby to every text node of a hast tree (the rendered answer), in place. */
export function addRuby(tree: Root | Element, read: ReadText): void {
  const children: (RootContent | ElementContent)[] = []
  for (const child of tree.children) {
    if (child.type === 'text') children.push(...rubyNodes(read(child.value)))
    else {
      if (child.type === 'element' && !SKIP.has(child.tagName)) addRuby(child, read)
      children.push(child)
    }
  }
  tree.children = children as typeof tree.children
}
