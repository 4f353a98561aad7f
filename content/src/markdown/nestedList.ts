/**
 * Rule `nested-list`: a list inside a list item. The CMS's rich text keeps one list level, so an
 * answer with a nested list publishes differently from its file (the inner items come back as
 * separate items or text). content:check refuses it and says where.
 *
 * Line-based, like the other Markdown checks here (this package has no Markdown parser): a list
 * item indented under the item before it, up to a blank line followed by unindented text.
 */
export const NESTED_LIST_RULE = 'nested-list'

const ITEM = /^( *)([-*+]|\d{1,9}[.)])( +|$)/
const FENCE = /^\s*(```|~~~)/

export type NestedList = { line: number; text: string }

/** Every list item nested in another; `line` counts from 1. */
export function findNestedLists(markdown: string): NestedList[] {
  const found: NestedList[] = []
  let fenced = false
  // The indent of the list's outer items, and the column their text starts at; null outside a list.
  let list: { indent: number; content: number } | null = null
  let blankBefore = false
  markdown.split(/\r?\n/).forEach((raw, i) => {
    const text = raw.replace(/\t/g, '    ')
    if (FENCE.test(text)) fenced = !fenced
    if (fenced || FENCE.test(text)) return
    if (text.trim() === '') {
      blankBefore = true
      return
    }
    const item = ITEM.exec(text)
    const indent = text.length - text.trimStart().length
    if (item) {
      // Two spaces in is how editors nest under `- ` and `1. ` alike; CommonMark's own threshold
      // (the parent's text column) would let `1. …` / `  - …` through as a new outer list.
      if (list && indent >= Math.min(list.content, list.indent + 2))
        found.push({ line: i + 1, text: text.trim() })
      else list = { indent, content: indent + item[2]!.length + Math.max(1, item[3]!.length) }
    } else if (list && blankBefore && indent < list.content) list = null
    blankBefore = false
  })
  return found
}
