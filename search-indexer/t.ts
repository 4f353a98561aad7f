import fs from 'node:fs'
import { loadContentIndex } from './src/cli/content-index'
import { parseGoldenJsonl } from './src/eval/golden'
import { isGram } from './src/analyzer/tokenize'
import { documentShare } from './src/engine/bm25'
const { index } = await loadContentIndex()
const load = (f: string) => parseGoldenJsonl(fs.readFileSync(f, 'utf8'), f).filter((q) => q.split === 'dev')
const END = '' 
const feats = (query: string) => {
  const q = index.analyzer.analyzeQuery(query)
  const hits = index.rank(q, { limit: 2, kinds: ['faq'] })
  if (!hits.length) return { cov: 0, syn: 0, unk: 1, s1: 0, words: 0 }
  const cov = index.coverageOf(q)(hits[0]![0])
  const words = q.tokens.filter((t) => !isGram(t))
  const seen = (t: string) => ['question', 'alternatives', 'shortAnswer', 'tags'].some((f) => documentShare(index.docsDb, f, t) > 0) || documentShare(index.passagesDb, 'text', t) > 0
  const unk = words.length ? words.filter((t) => !seen(t)).length / words.length : 0
  return { cov: +cov.toFixed(2), syn: q.synonyms.length, unk: +unk.toFixed(2), s1: +hits[0]![1].toFixed(1), words: words.length, unkw: words.filter((t) => !seen(t)).join(',') }
}
for (const [name, f] of [['golden', '../tests/eval/golden.jsonl'], ['off', '../tests/eval/offtopic.jsonl']]) {
  for (const q of load(f!)) { const x = feats(q.query); if (name === 'off' || x.cov < 0.6) console.log(name, JSON.stringify(x), q.query.slice(0, 50)) }
}
