/**
 * The operator ranking over the project's own content, as `npm run ask` and `npm run eval:content`
 * use it: every published FAQ of every audience with its operator notes, synonyms from content
 * (the same things the CMS's operator index holds for FAQs). Node only (reads the content folder).
 */
import path from 'node:path'

import { loadContent, type ContentBundle } from '@kotae/content'

import { contentToDocuments, faqToDocument } from '../engine/document'
import { CONTENT_WEIGHTS } from '../engine/content-weights'
import { createSearchIndex, type SearchIndex, type SearchIndexOptions } from '../engine/search-index'

/** Kotae's question sets (golden, colloquial, off-topic). */
export const EVAL_DIR = path.resolve(import.meta.dirname, '../../../tests/eval')
/** Kotae's golden set (tests/eval/golden.jsonl). */
export const DEFAULT_GOLDEN = path.join(EVAL_DIR, 'golden.jsonl')

export async function loadContentIndex(
  options: SearchIndexOptions = {},
): Promise<{ content: ContentBundle; index: SearchIndex }> {
  const content = await loadContent()
  const index = createSearchIndex({
    audience: 'operator',
    synonyms: content.synonyms,
    facets: content.facets,
    ...options,
    weights: { ...CONTENT_WEIGHTS, ...options.weights },
  })
  for (const faq of content.faqs) {
    const doc = faqToDocument(faq, { audience: 'operator' })
    if (doc) index.add(doc)
  }
  return { content, index }
}

/** The public ranking as the static site ships it: public FAQs and guides, no operator notes. */
export async function loadSiteIndex(
  options: SearchIndexOptions = {},
): Promise<{ content: ContentBundle; index: SearchIndex }> {
  const content = await loadContent()
  const index = createSearchIndex({
    audience: 'public',
    synonyms: content.synonyms,
    facets: content.facets,
    ...options,
    weights: { ...CONTENT_WEIGHTS, ...options.weights },
  })
  for (const doc of contentToDocuments(content, { audience: 'public', kinds: ['faq', 'guide'] }))
    index.add(doc)
  return { content, index }
}
