/**
 * Query-side weights: an inflected word counts less than a noun. The segmenter gives a verb or
 * adjective with its okurigana (借り, 送り, 思い) and the analyzer adds its kanji stem (借, 送, 思)
 * so that 借りる and 借りた meet; the verb is then two tokens and weighs twice what one noun
 * (図書館, 期限) does, though the noun names the case. Lowering both to `weights.inflected` puts
 * the case first: LocalgovFAQ dev MRR@10 0.592 → 0.601 at 0.7 (decision 0078). Browser-safe.
 */
import { isGram } from '../analyzer/tokenize'

/** A kanji run with 1–3 hiragana after it: the same shape the tokenizer takes a stem from. */
const INFLECTED = /^(\p{Script=Han}+)\p{Script=Hiragana}{1,3}$/u

/**
 * The query's own tokens that get `inflected` instead of 1: each inflected word and, when the
 * query holds it, its kanji stem. Bigrams and every other word keep their weight.
 */
export function inflectedWeights(tokens: readonly string[], inflected: number): Map<string, number> {
  const out = new Map<string, number>()
  if (inflected === 1) return out
  const held = new Set(tokens)
  for (const t of tokens) {
    if (isGram(t)) continue
    const stem = INFLECTED.exec(t)?.[1]
    if (!stem) continue
    out.set(t, inflected)
    if (held.has(stem)) out.set(stem, inflected)
  }
  return out
}
