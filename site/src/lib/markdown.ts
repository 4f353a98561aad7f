/**
 * Markdown → safe HTML for answers and guide texts (build time only). Raw HTML in the Markdown is
 * dropped (remark-rehype without `allowDangerousHtml`), then rehype-sanitize applies GitHub's
 * allow-list (no scripts, styles, event handlers or `javascript:` URLs). remark-cjk-friendly lets
 * `**` close and open next to Japanese punctuation and kana (「の**どちらか一方**を」), which plain
 * CommonMark refuses after 」 or before a kana, so no space is needed around bold text. A `#` heading becomes
 * `##` (the page has one h1, the question), and tables get a focusable scroll wrapper so a narrow
 * phone screen can scroll them by keyboard too. In English text the Japanese terms are marked `lang="ja"`.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast'
import rehypeSanitize from 'rehype-sanitize'
import rehypeStringify from 'rehype-stringify'
import remarkCjkFriendly from 'remark-cjk-friendly'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'

import { addRuby, type ReadText } from './furigana'
import { JAPANESE, japaneseRuns } from './japanese'

type Parent = Root | Element

function shape(tableLabel: string) {
  return (tree: Root) => {
    const walk = (node: Parent) => {
      node.children = node.children.map((child: RootContent | ElementContent) => {
        if (child.type !== 'element') return child
        if (child.tagName === 'h1') child.tagName = 'h2'
        if (child.tagName === 'table') {
          return {
            type: 'element',
            tagName: 'div',
            properties: { className: ['table-wrap'], tabIndex: 0, role: 'region', ariaLabel: tableLabel },
            children: [child],
          } as Element
        }
        if (
          child.tagName === 'a' &&
          typeof child.properties.href === 'string' &&
          /^https?:/i.test(child.properties.href)
        ) {
          child.properties.rel = ['noopener', 'noreferrer']
        }
        walk(child)
        return child
      }) as typeof node.children
    }
    walk(tree)
  }
}

const processors = new Map<string, ReturnType<typeof build>>()
const build = (tableLabel: string) =>
  unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkCjkFriendly)
    .use(remarkRehype)
    .use(rehypeSanitize)
    .use(shape, tableLabel)
    .use(rehypeStringify)

/**
 * Safe HTML for a Markdown text. `tableLabel` names the scrollable table regions; `read` (Japanese
 * pages) adds furigana to the text after sanitizing, so only our own `<ruby>` is added.
 */
export function renderMarkdown(
  markdown: string,
  tableLabel = '表',
  read?: ReadText,
  markJapanese = false,
): string {
  let p = processors.get(tableLabel)
  if (!p) {
    p = build(tableLabel)
    processors.set(tableLabel, p)
  }
  if (!read && !markJapanese) return String(p.processSync(markdown))
  const tree = p.runSync(p.parse(markdown)) as Root
  if (read) addRuby(tree, read)
  if (markJapanese) markJapaneseRuns(tree)
  return p.stringify(tree)
}

/**
 * English text (`markJapanese`): each Japanese term in it (「(市民課)」) becomes `<span lang="ja">`, so
 * screen readers read it in Japanese (lib/japanese.ts). Added after sanitizing, like the ruby.
 */
function markJapaneseRuns(tree: Root): void {
  const walk = (node: Parent) => {
    const out: (RootContent | ElementContent)[] = []
    for (const child of node.children) {
      if (child.type === 'element' && child.properties.lang !== 'ja') walk(child)
      if (child.type !== 'text' || !JAPANESE.test(child.value)) {
        out.push(child)
        continue
      }
      for (const r of japaneseRuns(child.value))
        out.push(
          r.ja
            ? {
                type: 'element',
                tagName: 'span',
                properties: { lang: 'ja' },
                children: [{ type: 'text', value: r.text }],
              }
            : { type: 'text', value: r.text },
        )
    }
    node.children = out as typeof node.children
  }
  walk(tree)
}
