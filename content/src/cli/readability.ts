/**
 * `npm run content:readability [dir] [--worst N]`: the やさしい日本語 figures (src/readability) of every
 * Japanese FAQ, one line each, then the totals; with `--worst N`, also the N answers an editing pass
 * should take first (by `difficultyOf`). Figures only: nothing here fails; content:check shows the
 * flagged sentences as warnings.
 */
import path from 'node:path'

import { loadContent } from '../load'
import { readabilityOf } from '../readability/readability'

const args = process.argv.slice(2)
const worstAt = args.indexOf('--worst')
const worst = worstAt >= 0 ? Number(args.splice(worstAt, 2)[1]) : 0
if (!Number.isInteger(worst) || worst < 0) throw new Error('--worst: expected a whole number of FAQs')
const dir = args[0] ? path.resolve(args[0]) : undefined
const bundle = await loadContent(dir)
const rows = bundle.faqs
  .filter((f) => f.locale === 'ja')
  .map((f) => ({ id: f.id, r: readabilityOf(f.answer) }))
const pct = (n: number) => `${(n * 100).toFixed(1)}%`
console.log(
  [
    'id',
    'sentences',
    'avg chars',
    'longest',
    'over 40',
    'long (>60)',
    'longest kanji run',
    'kanji runs (6+)',
    'katakana words',
    'words above N3',
    'double negatives',
    'honorific stacking',
    'flagged sentences',
    'difficulty',
  ].join('\t'),
)
for (const { id, r } of rows) {
  console.log(
    [
      id,
      r.sentences,
      r.averageSentenceLength,
      r.longestSentence,
      r.overEasyLength,
      r.longSentences,
      r.longestKanjiRun,
      r.kanjiRuns,
      r.katakanaWords,
      pct(r.aboveIntermediateShare),
      r.doubleNegatives,
      r.honorificStacking,
      r.flaggedSentences,
      r.difficulty,
    ].join('\t'),
  )
}
const sum = (pick: (r: ReturnType<typeof readabilityOf>) => number) =>
  rows.reduce((a, { r }) => a + pick(r), 0)
const sentences = sum((r) => r.sentences)
const words = sum((r) => r.words)
console.log(
  `readability: ${rows.length} FAQs, ${sentences} sentences, ${(sum((r) => r.averageSentenceLength * r.sentences) / Math.max(1, sentences)).toFixed(1)} characters a sentence on average, ` +
    `longest ${Math.max(0, ...rows.map(({ r }) => r.longestSentence))}, ${pct(sum((r) => r.overEasyLength) / Math.max(1, sentences))} longer than 40, ` +
    `${sum((r) => r.longSentences)} longer than 60 in ${rows.filter(({ r }) => r.longSentences > 0).length} FAQs, ${sum((r) => r.kanjiRuns)} runs of 6+ kanji, ${sum((r) => r.katakanaWords)} katakana words, ` +
    `${pct(sum((r) => r.aboveIntermediateShare * r.words) / Math.max(1, words))} of ${words} words above N3 kanji, ${sum((r) => r.doubleNegatives)} double negatives, ${sum((r) => r.honorificStacking)} stacked honorifics, ` +
    `${sum((r) => r.flaggedSentences)} flagged sentences in ${rows.filter(({ r }) => r.flaggedSentences > 0).length} FAQs`,
)
if (worst > 0) {
  const order = [...rows].sort(
    (a, b) => b.r.difficulty - a.r.difficulty || b.r.averageSentenceLength - a.r.averageSentenceLength,
  )
  console.log(
    `worst ${worst} by difficulty: ${order
      .slice(0, worst)
      .map(({ id, r }) => `${id} (${r.difficulty})`)
      .join(', ')}`,
  )
}

// The やさしい日本語 versions beside their answers: the same figures, so an editor sees what the easy text gained.
const withEasy = bundle.faqs.filter((f) => f.locale === 'ja' && f.easy)
if (withEasy.length > 0) {
  const figures = (texts: string[]) => {
    const rs = texts.map((t) => readabilityOf(t))
    const n = rs.reduce((a, r) => a + r.sentences, 0)
    const w = rs.reduce((a, r) => a + r.words, 0)
    const avg = rs.reduce((a, r) => a + r.averageSentenceLength * r.sentences, 0) / Math.max(1, n)
    const above = rs.reduce((a, r) => a + r.aboveIntermediateShare * r.words, 0) / Math.max(1, w)
    const longest = Math.max(0, ...rs.map((r) => r.longestSentence))
    return `${n} sentences, ${avg.toFixed(1)} characters on average, longest ${longest}, ${pct(above)} of ${w} words above N3 kanji`
  }
  console.log(
    `readability: ${withEasy.length} FAQs with a やさしい日本語 version: answers ${figures(withEasy.map((f) => f.answer))}; easy versions ${figures(withEasy.map((f) => f.easy ?? ''))}`,
  )
}
