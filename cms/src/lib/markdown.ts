import { convertLexicalToMarkdown, editorConfigFactory } from '@payloadcms/richtext-lexical'
import type { Payload } from 'payload'

type EditorConfig = Awaited<ReturnType<typeof editorConfigFactory.default>>
const editorConfigs = new WeakMap<Payload['config'], Promise<EditorConfig>>()

/** Turns a rich-text (Lexical) value into Markdown, trimmed; '' for none. */
export type ToMarkdown = (richText: unknown) => string

/**
 * Rich text as Markdown, the way the content files hold it: what the site is built from
 * (publish/siteContent.ts) and what the operator index searches (search/operatorIndex.ts), so an
 * answer makes the same passages in both. The editor config is made once per Payload config.
 */
export async function markdownOf(payload: Payload): Promise<ToMarkdown> {
  let pending = editorConfigs.get(payload.config)
  if (!pending) {
    pending = editorConfigFactory.default({ config: payload.config })
    editorConfigs.set(payload.config, pending)
    pending.catch(() => editorConfigs.delete(payload.config)) // the next call tries again
  }
  const editorConfig = await pending
  return (richText) => (richText ? convertLexicalToMarkdown({ data: richText as never, editorConfig }).trim() : '')
}
