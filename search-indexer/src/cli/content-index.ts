/**
 * The operator ranking over the project's own content, as `npm run ask` and `npm run eval:content`
 * use it: every published FAQ of every audience with its operator notes, synonyms from content
 * (the same things the CMS's operator index holds for FAQs). Node only (reads the content folder).
 */
import path from 'node:path'

import { loadContent, type ContentBundle } from '@kotae/content'

import { contentToDocuments, faqToDocument, type AskedBefore, type SearchDocument } from '../engine/document'
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

type ContentIndex = { content: ContentBundle; index: SearchIndex }

/** The content, and an index of one audience holding `documents` of it, with the content's synonyms, facets and learned weights. */
async function contentIndex(
  audience: 'operator' | 'public',
  { askedBefore, ...options }: ContentIndexOptions,
  documents: (content: ContentBundle, askedBefore?: AskedBefore) => (SearchDocument | undefined)[],
): Promise<ContentIndex> {
  const content = await loadContent()
  const index = createSearchIndex({
    audience,
    synonyms: content.synonyms,
    facets: content.facets,
    ...options,
    weights: { ...CONTENT_WEIGHTS, ...options.weights },
  })
  for (const doc of documents(content, askedBefore)) if (doc) index.add(doc)
  return { content, index }
}

export const loadContentIndex = (options: ContentIndexOptions = {}): Promise<ContentIndex> =>
  contentIndex('operator', options, (content, askedBefore) =>
    content.faqs.map((faq) => faqToDocument(faq, { audience: 'operator', askedBefore })),
  )

/** The public ranking as the static site ships it: public FAQs and guides, no operator notes. */
export const loadSiteIndex = (options: ContentIndexOptions = {}): Promise<ContentIndex> =>
  contentIndex('public', options, (content, askedBefore) =>
    contentToDocuments(content, { audience: 'public', kinds: ['faq', 'guide'], askedBefore }),
  )
