/**
 * The operator ranking over the project's own content, as `npm run ask` and `npm run eval:content`
 * use it: every published FAQ of every audience with its operator notes, synonyms from content
 * (the same things the CMS's operator index holds for FAQs). Node only (reads the content folder).
 */
import path from 'node:path'

import { loadContent, type ContentBundle } from '@kotae/content'

import { contentToDocuments, faqToDocument, type AskedBefore } from '../engine/document'
import { CONTENT_WEIGHTS } from '../engine/content-weights'
import { createSearchIndex, type SearchIndex, type SearchIndexOptions } from '../engine/search-index'

/** Kotae's question sets (golden, colloquial, off-topic). */
export const EVAL_DIR = path.resolve(import.meta.dirname, '../../../tests/eval')
/** Kotae's golden set (tests/eval/golden.jsonl). */
export const DEFAULT_GOLDEN = path.join(EVAL_DIR, 'golden.jsonl')

/**
 * `askedBefore`: the FAQs' earlier phrasings to index instead of the generated list (the training
 * CLIs and `eval:content --leave-set-out` leave the scored set's own questions out).
 */
export type ContentIndexOptions = SearchIndexOptions & { askedBefore?: AskedBefore }

/** The content and an empty index of one audience, with the content's synonyms, facets and learned weights. */
async function contentAndIndex(
  audience: 'operator' | 'public',
  options: SearchIndexOptions,
): Promise<{ content: ContentBundle; index: SearchIndex }> {
  const content = await loadContent()
  const index = createSearchIndex({
    audience,
    synonyms: content.synonyms,
    facets: content.facets,
    ...options,
    weights: { ...CONTENT_WEIGHTS, ...options.weights },
  })
  return { content, index }
}

export async function loadContentIndex({
  askedBefore,
  ...options
}: ContentIndexOptions = {}): Promise<{ content: ContentBundle; index: SearchIndex }> {
  const { content, index } = await contentAndIndex('operator', options)
  for (const faq of content.faqs) {
    const doc = faqToDocument(faq, { audience: 'operator', askedBefore })
    if (doc) index.add(doc)
  }
  return { content, index }
}

/** The public ranking as the static site ships it: public FAQs and guides, no operator notes. */
export async function loadSiteIndex({
  askedBefore,
  ...options
}: ContentIndexOptions = {}): Promise<{ content: ContentBundle; index: SearchIndex }> {
  const { content, index } = await contentAndIndex('public', options)
  for (const doc of contentToDocuments(content, { audience: 'public', kinds: ['faq', 'guide'], askedBefore }))
    index.add(doc)
  return { content, index }
}
