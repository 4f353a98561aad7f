import { createAnalyzer, type Analyzer } from '@kotae/search-indexer'
import type { Payload, PayloadRequest } from 'payload'

let cached: { key: string; analyzer: Analyzer } | undefined

/**
 * The search analyzer's query terms (words and character bigrams after normalization) plus the
 * terms the city's synonym list brings in, so gap clusters group texts the way search matches
 * them: 「パスワード 忘れた」 joins 「暗証番号 忘れた」 when the city lists them as synonyms.
 */
export async function gapTokenizer(
  payload: Payload,
  req?: PayloadRequest,
): Promise<(text: string) => string[]> {
  const groups = (
    (await payload.findGlobal({ slug: 'synonyms', depth: 0, overrideAccess: true, req })).groups ?? []
  ).map((g) => ({ terms: g.terms ?? [] }))
  const key = JSON.stringify(groups)
  if (cached?.key !== key) cached = { key, analyzer: createAnalyzer({ synonyms: groups }) }
  const analyzer = cached.analyzer
  return (text) => {
    const q = analyzer.analyzeQuery(text)
    return [...q.tokens, ...q.expansionTokens]
  }
}
