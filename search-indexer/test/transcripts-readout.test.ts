import fs from 'node:fs'
import path from 'node:path'

import { beforeAll, describe, expect, it } from 'vitest'

import { EVAL_DIR, loadContentIndex } from '../src/cli/content-index'
import { parseGoldenJsonl } from '../src/eval/golden'
import { contradictOneValue, generateCalls } from '../src/transcripts/generate'
import {
  checkReadout,
  documentLexicon,
  documentNames,
  factsIn,
  type ReadoutFaq,
} from '../src/transcripts/readout'

const facts = (text: string) => factsIn(text).map((f) => `${f.kind}:${f.unit}:${f.value}`)

describe('読み上げ確認: the facts compared', () => {
  it('numbers with 円, 年, か月, 日, 回, 桁, written in any of the usual ways; 無料 is 0 円; dates apart', () => {
    expect(facts('手数料は1,000円です')).toEqual(['fee:円:1000'])
    expect(facts('手数料は１，０００円、または千円')).toEqual(['fee:円:1000', 'fee:円:1000'])
    expect(facts('発行手数料は無料です')).toEqual(['fee:円:0'])
    expect(facts('1か月～2ヶ月、三カ月')).toEqual(['period:か月:1', 'period:か月:2', 'period:か月:3'])
    expect(facts('有効期限は10年、十年目')).toEqual(['period:年:10', 'period:年:10'])
    expect(facts('数字4桁を3回まちがえるとロック、14日以内')).toEqual([
      'count:桁:4',
      'count:回:3',
      'period:日:14',
    ])
    expect(facts('3月31日まで、2027年4月1日から')).toEqual(['date:date:3-31', 'date:date:2027-4-1'])
  })

  it('document names: runs ending like a document, not the general words', () => {
    expect(documentNames('「交付通知書（はがき）」と本人確認書類、照会書兼回答書、委任状。証明書')).toEqual([
      '交付通知書',
      '照会書兼回答書',
      '委任状',
    ])
  })
})

const faq: ReadoutFaq = {
  id: 'reissue-fee',
  shortAnswer: '再発行の手数料は1,000円です。申請から1か月ほどでお渡しできます。',
  answerText: '窓口で申請します。本人確認書類と照会書兼回答書をお持ちください。',
}
const lexicon = documentLexicon([faq, { id: 'x', shortAnswer: '代理人は委任状をお持ちください。' }])
const op = (text: string) => ({ speaker: 'operator' as const, text })

describe('読み上げ確認: the rule', () => {
  it('a fee read out differently: the operator line and the FAQ line', () => {
    const turns = [
      { speaker: 'caller' as const, text: '再発行はいくらですか' },
      op('はい、再発行の手数料は800円です。申請から1か月ほどでお渡しできます。'),
    ]
    expect(checkReadout(turns, [faq], lexicon)).toEqual([
      {
        faq: 'reissue-fee',
        kind: 'fee',
        turn: 1,
        operatorLine: turns[1]!.text,
        faqLine: '再発行の手数料は1,000円です。',
        said: '800円',
        expected: ['1,000円'],
      },
    ])
  })

  it('the same values, a unit the FAQ does not give, or a turn that is not this FAQ read out: nothing', () => {
    expect(
      checkReadout([op('再発行の手数料は1000円です。申請から一か月ほどでお渡しできます。')], [faq], lexicon),
    ).toEqual([])
    expect(
      checkReadout([op('再発行の手数料は1,000円です。申請から1か月ほど、3回目の方も')], [faq], lexicon),
    ).toEqual([])
    expect(checkReadout([op('住民票の写しは300円です。')], [faq], lexicon)).toEqual([])
  })

  it('a period and a document said in place of the FAQ’s', () => {
    const issues = checkReadout(
      [op('再発行の手数料は1,000円です。申請から2か月ほどでお渡しできます。委任状をお持ちください。')],
      [faq],
      lexicon,
    )
    expect(issues.map((i) => [i.kind, i.said, i.expected, i.faqLine])).toEqual([
      ['period', '2か月', ['1か月'], '申請から1か月ほどでお渡しできます。'],
      ['document', '委任状', ['照会書兼回答書'], '本人確認書類と照会書兼回答書をお持ちください。'],
    ])
  })
})

describe('読み上げ確認 on generated calls (the real FAQs; contradictions put in on purpose)', () => {
  let faqs: ReadoutFaq[]
  let questions: ReturnType<typeof parseGoldenJsonl>
  beforeAll(async () => {
    const loaded = await loadContentIndex()
    faqs = loaded.content.faqs
      .filter((f) => !f.translationOf)
      .map((f) => ({ id: f.id, shortAnswer: f.shortAnswer, answerText: f.answer }))
    questions = ['golden.jsonl', 'colloquial.jsonl']
      .flatMap((f) => parseGoldenJsonl(fs.readFileSync(path.join(EVAL_DIR, f), 'utf8'), f))
      .filter((q) => q.split === 'dev')
  })

  it('the generator changes one value, to one the answer does not give', () => {
    expect(contradictOneValue('手数料は1,000円、期間は1か月です。')).toBe(
      '手数料は2,000円、期間は1か月です。',
    )
    expect(contradictOneValue('窓口で申請します。')).toBeNull()
  })

  it('finds the calls with a contradiction and flags few of the others', () => {
    const calls = generateCalls({ faqs, questions, seed: 39, count: 300, contradictions: 0.5 })
    const byId = new Map(faqs.map((f) => [f.id, f]))
    const lexicon = documentLexicon(faqs)
    let truePos = 0
    let falsePos = 0
    let planted = 0
    for (const c of calls) {
      const flagged = new Set(
        checkReadout(
          c.turns,
          c.used.map((id) => byId.get(id)!),
          lexicon,
        ).map((i) => i.faq),
      )
      planted += c.contradicted!.length
      for (const id of flagged) c.contradicted!.includes(id) ? truePos++ : falsePos++
    }
    const precision = truePos / (truePos + falsePos)
    const recall = truePos / planted
    console.log(
      `readout check, 300 generated calls: planted ${planted}, found ${truePos}, false ${falsePos}; precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`,
    )
    expect(planted).toBeGreaterThan(20)
    expect(precision).toBeGreaterThanOrEqual(0.9)
    expect(recall).toBeGreaterThanOrEqual(0.8)
  })
})
