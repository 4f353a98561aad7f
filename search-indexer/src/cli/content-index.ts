/**
 * The operator ranking over the project's own content, as `npm run ask` and `npm run eval:content`
 * use it: every published FAQ of every audience with its operator notes, synonyms from content
 * (the same things the CMS's operator index holds for FAQs). Node only (reads the content folder).
 */
import path from 'node:path'

import { loadContent, type ContentBundle } from '@kotae/content'

import { faqToDocument } from '../engine/document'
import { createSearchIndex, type SearchIndex, type SearchIndexOptions } from '../engine/search-index'

/** Kotae's golden set (tests/eval/golden.jsonl). */
export const DEFAULT_GOLDEN = path.resolve(import.meta.dirname, '../../../tests/eval/golden.jsonl')

export async function loadContentIndex(options: SearchIndexOptions = {}): Promise<{ content: ContentBundle; index: SearchIndex }> {
  const content = await loadContent()
  const index = createSearchIndex({ audience: 'operator', synonyms: content.synonyms, ...options })
  for (const faq of content.faqs) {
    const doc = faqToDocument(faq, { audience: 'operator' })
    if (doc) index.add(doc)
  }
  return { content, index }
}
