/**
 * @kotae/search-indexer — one Japanese analyzer and one engine (BM25 over its own inverted index)
 * for the public site (in the browser, on a prebuilt index) and the operator lookup (in Node).
 * Browser-safe: nothing here imports node: modules (only src/cli and src/node-only do).
 */
export { createAnalyzer, type Analyzer, type AnalyzerOptions, type QueryAnalysis } from './analyzer/analyzer'
export { normalizeText, prepareText, foldKana, MAX_QUERY_CHARS } from './analyzer/normalize'
export { foldOkurigana } from './analyzer/okurigana'
export { romajiToKana } from './analyzer/romaji'
export { stripFillers } from './analyzer/filler'
export { announcesOnly } from './analyzer/announces'
export { SynonymSet, type SynonymGroupLike, type SynonymMatch } from './analyzer/synonyms'
export { FacetVocabulary, type FacetDimensionLike, type FacetValues } from './analyzer/facets'
export { normalizeDialect } from './analyzer/dialect'
export { queryLocale } from './analyzer/language'
export { meetFacets, facetFactor, type FacetMeeting } from './engine/facet-score'
export { askBackFor, type AskBack } from './engine/ask-back'
export { confidenceOf, confidenceFeatures, type ConfidenceModel } from './engine/confidence'
export { CONTENT_WEIGHTS } from './engine/content-weights'
export { tokenize, intlWordSegmenter, type WordSegmenter, type TokenizeOptions } from './analyzer/tokenize'
export {
  faqToDocument,
  guideToDocument,
  sourceToDocument,
  contentToDocuments,
  DOCUMENT_KINDS,
  type SearchDocument,
  type DocumentKind,
  type Audience,
  type ConvertOptions,
} from './engine/document'
// Types only: the schemas (zod) are at '@kotae/search-indexer/engine/indexable', kept out of the browser's bundle.
export type { IndexableFaq, IndexableGuide, IndexableSource } from './engine/indexable'
export { splitPassages, type Passage } from './engine/passages'
export { markSnippet, type Span, type Snippet } from './engine/highlight'
export { cleanSnippet } from './engine/snippet-text'
export {
  createSearchIndex,
  SearchIndex,
  DEFAULT_WEIGHTS,
  DEFAULT_BM25,
  type SearchIndexOptions,
  type SearchOptions,
  type SearchHit,
  type Answer,
  type MatchExplanation,
  type MatchedField,
  type RankingWeights,
  type Bm25Params,
} from './engine/search-index'
export {
  serializeIndex,
  loadSerializedIndex,
  INDEX_FORMAT,
  INDEX_VERSION,
  type SerializedIndex,
  type LoadOptions,
} from './engine/persist'
export * from './errors'
