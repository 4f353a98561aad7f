import fs from 'node:fs'
import path from 'node:path'

import { beforeAll, describe, expect, it } from 'vitest'

import { EVAL_DIR, loadContentIndex } from '../src/cli/content-index'
import type { SearchIndex } from '../src/engine/search-index'
import { parseGoldenJsonl } from '../src/eval/golden'
import { generateCalls } from '../src/transcripts/generate'
import {
  prepareFaqs,
  suggestFromTranscript,
  unansweredQuestions,
  type PreparedFaqs,
} from '../src/transcripts/suggest'

let index: SearchIndex
let prepared: PreparedFaqs
let faqs: { id: string; shortAnswer: string; category: string }[]

beforeAll(async () => {
  const loaded = await loadContentIndex()
  index = loaded.index
  faqs = loaded.content.faqs
    .filter((f) => !f.translationOf)
    .map((f) => ({ id: f.id, shortAnswer: f.shortAnswer, category: f.category }))
  prepared = prepareFaqs(faqs)
})

describe('suggestions from a transcript', () => {
  it('the FAQ whose short answer was read out, with that turn as evidence; an extractive summary; category and outcome', () => {
    const faq = faqs.find((f) => f.id === 'card-renewal-how')!
    const turns = [
      {
        speaker: 'operator' as const,
        text: 'お電話ありがとうございます。マイナンバーカードコールセンターです。',
      },
      { speaker: 'caller' as const, text: 'あのー、マイナンバーカードの更新ってどうやったらいいんですか' },
      { speaker: 'operator' as const, text: `はい、${faq.shortAnswer}` },
      { speaker: 'caller' as const, text: '今日は寒いですね。' },
      { speaker: 'operator' as const, text: '念のため担当から折り返しご連絡いたします。' },
    ]
    const s = suggestFromTranscript(turns, index, prepared)
    expect(s.faqs[0]).toMatchObject({ id: 'card-renewal-how', evidence: { turn: 2, speaker: 'operator' } })
    expect(s.faqs[0]!.reasons).toContain('read-out')
    expect(s.category).toBe(faq.category)
    expect(s.outcome).toBe('callback')
    // Every summary line is a turn as said (nothing written that was not said), in order, small talk left out.
    expect(s.summary.length).toBeGreaterThan(0)
    for (const line of s.summary) expect(turns.some((t) => line.endsWith(t.text.slice(0, 120)))).toBe(true)
    expect(s.summary.join('')).not.toContain('寒い')
  })

  it('an opener that only announces a question suggests nothing, however sure the lookup is of its words', () => {
    const opener = 'あのー、マイナンバーカードのことで聞きたいことがあって。'
    const s = suggestFromTranscript(
      [
        { speaker: 'caller', text: opener },
        { speaker: 'operator', text: 'はい、どのようなご用件でしょうか。' },
      ],
      index,
      prepared,
    )
    expect(s.faqs).toEqual([])
    expect(s.summary).toEqual([])
  })

  it('small talk alone suggests nothing', () => {
    const s = suggestFromTranscript(
      [
        { speaker: 'caller', text: '今日は寒いですね。' },
        { speaker: 'operator', text: 'さようでございますか。' },
      ],
      index,
      prepared,
    )
    expect(s).toEqual({ faqs: [], summary: [], category: null, outcome: null })
  })

  it('on 60 generated calls of the dev split, precision and recall of the suggested FAQs are at least 0.8', () => {
    const questions = ['golden.jsonl', 'colloquial.jsonl']
      .flatMap((f) => parseGoldenJsonl(fs.readFileSync(path.join(EVAL_DIR, f), 'utf8'), f))
      .filter((q) => q.split === 'dev')
    const calls = generateCalls({ faqs, questions, seed: 1, count: 60 })
    expect(generateCalls({ faqs, questions, seed: 1, count: 2 })).toEqual(calls.slice(0, 2)) // seeded
    let tp = 0
    let fp = 0
    let fn = 0
    for (const c of calls) {
      const got = new Set(suggestFromTranscript(c.turns, index, prepared).faqs.map((f) => f.id))
      for (const id of got) c.used.includes(id) ? tp++ : fp++
      for (const id of c.used) if (!got.has(id)) fn++
    }
    expect(tp / (tp + fp)).toBeGreaterThanOrEqual(0.8)
    expect(tp / (tp + fn)).toBeGreaterThanOrEqual(0.8)
  }, 60_000)
})

describe('callers’ questions no FAQ answers (for the gap analysis)', () => {
  it('a question the knowledge base has no answer for is kept; an opener, an answered one, あいづち and small talk are not', () => {
    const faq = faqs.find((f) => f.id === 'card-renewal-how')!
    const turns = [
      { speaker: 'caller' as const, text: 'あ、もしもし。すみません、ちょっとお伺いしたいんですけど。' },
      { speaker: 'caller' as const, text: 'マイナンバーカードの更新はどうすればいいですか' },
      { speaker: 'operator' as const, text: faq.shortAnswer },
      { speaker: 'caller' as const, text: 'ありがとうございます。今日は寒いですね。' },
      { speaker: 'caller' as const, text: '飼い犬の狂犬病の予防注射はどこで受けられますか' },
    ]
    expect(unansweredQuestions(turns, index)).toEqual([
      { turn: 4, text: '飼い犬の狂犬病の予防注射はどこで受けられますか' },
    ])
  })
})
