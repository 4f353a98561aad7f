import type { SearchIndex } from '@kotae/search-indexer'

/** Fields whose match means the knowledge base has the question itself, not a passing mention. */
const STRONG = new Set(['question', 'alternatives', 'tags'])

/**
 * The site's search does not report scores, and BM25 scores do not compare across queries; so a
 * search is a weak match when, re-run on the server's index, no public FAQ or guide matches it in
 * its question, alternatives or tags (only somewhere in an answer's text, or nothing at all).
 */
export function weakQueries(index: SearchIndex, queries: Iterable<string>, max = 500): Set<string> {
  const weak = new Set<string>()
  let n = 0
  for (const q of queries) {
    if (n++ >= max) break
    const hits = index
      .search(q, { limit: 5, kinds: ['faq', 'guide'] })
      .filter((h) => (h.document.audience ?? 'public') === 'public')
    const top = hits[0]
    if (!top?.explanation.fields.some((f) => STRONG.has(f.field))) weak.add(q)
  }
  return weak
}
