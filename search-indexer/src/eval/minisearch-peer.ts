/**
 * The peer baseline: what a team would pick instead of Kotae's engine. MiniSearch (BM25+) over
 * question and answer, words from `Intl.Segmenter('ja')` after NFKC and lowercasing, words made
 * only of particles dropped; OR of the query words, no field boost (×2 on the question scored
 * lower on LocalgovFAQ dev: MRR@10 0.365 vs 0.375; prefix or fuzzy matching no better), no synonyms,
 * no bigrams, no fuzzy matching (fuzzy edits on two-character Japanese words match anything).
 * Every eval figure is printed beside it, so the lead shows over the best simple alternative,
 * not only over raw bigram BM25.
 */
import MiniSearch from 'minisearch'

export type PeerDoc = { id: string; question: string; answer: string }

/** Particles and copulas that say nothing about a topic; a word made only of these is dropped. */
const PARTICLE_ONLY =
  /^(?:は|が|を|に|へ|と|で|の|も|や|か|ね|よ|な|から|まで|より|って|など|です|ます|だ|て|た)+$/u

let segmenter: Intl.Segmenter | undefined
/** The peer's tokenizer: Segmenter words, particle-only words out. */
export function peerTokens(text: string): string[] {
  segmenter ??= new Intl.Segmenter('ja', { granularity: 'word' })
  const out: string[] = []
  for (const s of segmenter.segment(text.normalize('NFKC').toLowerCase())) {
    if (s.isWordLike && !PARTICLE_ONLY.test(s.segment)) out.push(s.segment)
  }
  return out
}

export class MiniSearchPeer {
  private readonly engine: MiniSearch<PeerDoc>

  constructor(docs: readonly PeerDoc[]) {
    this.engine = new MiniSearch<PeerDoc>({
      fields: ['question', 'answer'],
      idField: 'id',
      tokenize: peerTokens,
      processTerm: (term) => term,
      searchOptions: { combineWith: 'OR', prefix: false, fuzzy: false },
    })
    this.engine.addAll([...docs])
  }

  /** Document ids by descending score. */
  rank(query: string, limit = 10): string[] {
    return this.engine
      .search(query)
      .slice(0, limit)
      .map((r) => String(r.id))
  }
}
