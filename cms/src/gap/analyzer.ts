import { createAnalyzer, type Analyzer } from '@kotae/search-indexer'

let analyzer: Analyzer | undefined

/**
 * The search analyzer's query terms (words and character bigrams after normalization), so gap
 * clusters group texts the way search matches them. No synonyms: a cluster shows what people
 * actually typed, and the draft's alternatives keep their own words.
 */
export function gapTokenize(text: string): string[] {
  analyzer ??= createAnalyzer()
  return analyzer.analyzeQuery(text).tokens
}
