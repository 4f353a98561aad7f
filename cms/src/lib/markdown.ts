import {
  convertLexicalToMarkdown,
  convertMarkdownToLexical,
  editorConfigFactory,
} from '@payloadcms/richtext-lexical'
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import type { Payload } from 'payload'

type EditorConfig = Awaited<ReturnType<typeof editorConfigFactory.default>>
const editorConfigs = new WeakMap<Payload['config'], Promise<EditorConfig>>()

/** A stored rich-text value: Lexical's state has a root node. */
const isEditorState = (value: unknown): value is SerializedEditorState =>
  typeof value === 'object' && value !== null && 'root' in value

/** Turns a rich-text (Lexical) value into Markdown, trimmed; '' for none. */
export type ToMarkdown = (richText: unknown) => string

/**
 * Rich text as Markdown, the way the content files hold it: what the site is built from
 * (publish/siteContent.ts) and what the operator index searches (search/operatorIndex.ts), so an
 * answer makes the same passages in both. The editor config is made once per Payload config.
 */
export async function markdownOf(payload: Payload): Promise<ToMarkdown> {
  const editorConfig = await editorConfigOf(payload)
  return (richText) =>
    isEditorState(richText) ? convertLexicalToMarkdown({ data: richText, editorConfig }).trim() : ''
}

/** Turns Markdown into a rich-text (Lexical) value. */
export type FromMarkdown = (markdown: string) => ReturnType<typeof convertMarkdownToLexical>

/**
 * Markdown as rich text: the one way in for the seed, the CSV import and an escalation's answer
 * made a draft. Lexical's `**` is intraword, so bold opens and closes next to kana and 」 with no
 * space (「の**どちらか一方**を」), as the site reads it (remark-cjk-friendly, site/src/lib/markdown.ts).
 */
export async function richTextOf(payload: Payload): Promise<FromMarkdown> {
  const editorConfig = await editorConfigOf(payload)
  return (markdown) => convertMarkdownToLexical({ editorConfig, markdown })
}

function editorConfigOf(payload: Payload): Promise<EditorConfig> {
  let pending = editorConfigs.get(payload.config)
  if (!pending) {
    pending = editorConfigFactory.default({ config: payload.config })
    editorConfigs.set(payload.config, pending)
    pending.catch(() => editorConfigs.delete(payload.config)) // the next call tries again
  }
  return pending
}
