import { convertLexicalToPlaintext } from '@payloadcms/richtext-lexical/plaintext'
import type { CollectionBeforeChangeHook } from 'payload'

/**
 * Keeps a plain-text copy of a rich-text field beside it, so search indexing, CSV export and
 * reports read text without walking Lexical JSON each time.
 */
export const plainTextOf =
  (richTextField: string, textField: string): CollectionBeforeChangeHook =>
  ({ data }) => {
    const value = data[richTextField]
    if (value === undefined) return data
    const text =
      value && typeof value === 'object' && 'root' in value ? convertLexicalToPlaintext({ data: value }) : ''
    return { ...data, [textField]: text.trim() }
  }
