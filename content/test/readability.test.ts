import { describe, expect, it } from 'vitest'

import { INTERMEDIATE_KANJI } from '../src/readability/intermediateKanji'
import { difficultyOf, easyProblems, readabilityOf, sentencesOf } from '../src/readability/readability'

describe('readabilityOf: やさしい日本語 figures for one answer', () => {
  it('cuts sentences at 。 and at line ends, without Markdown marks', () => {
    expect(
      sentencesOf(
        '## 持ち物\n- **本人確認書類**を持ってきてください。\n1. 窓口に行きます。番号札を取ります。\n\n| 種類 | 桁 |\n|---|---|\n| 署名用 | 6文字以上 |',
      ),
    ).toEqual([
      '持ち物',
      '本人確認書類を持ってきてください。',
      '窓口に行きます。',
      '番号札を取ります。',
      '種類  桁',
      '署名用  6文字以上',
    ])
  })

  it('measures sentence length and flags a long one', () => {
    const long = `${'あ'.repeat(70)}。`
    const r = readabilityOf(`短い文です。\n${long}`)
    expect(r).toMatchObject({
      sentences: 2,
      longestSentence: 71,
      longSentences: 1,
      averageSentenceLength: 38.5,
    })
    expect(r.flags).toEqual([{ rule: 'long-sentence', sentence: long, found: '71字' }])
  })

  it('counts runs of 6+ kanji and katakana words', () => {
    const r = readabilityOf('住民基本台帳カードとマイナンバーカードは電子証明書が違います。')
    expect(r.longestKanjiRun).toBe(6)
    expect(r.kanjiRuns).toBe(1)
    expect(r.flags.map((f) => f.found)).toEqual(['住民基本台帳'])
    expect(r.katakanaWords).toBe(2)
  })

  it('shares words whose kanji go beyond the N3 list', () => {
    expect(INTERMEDIATE_KANJI.has('日')).toBe(true)
    expect(INTERMEDIATE_KANJI.has('扶')).toBe(false)
    const easy = readabilityOf('日本の学校に行きます。')
    const hard = readabilityOf('扶養控除の申告を要します。')
    expect(easy.aboveIntermediateShare).toBe(0)
    expect(hard.aboveIntermediateShare).toBe(0.5) // 扶養 and 控除 (扶, 控 are beyond N3) of 扶養 控除 申告 要
  })

  it('finds double negatives and stacked honorifics', () => {
    const r = readabilityOf(
      '申請しなければなりません。使えないわけではありません。市長がおっしゃられました。窓口でご覧になられます。',
    )
    expect(r.doubleNegatives).toBe(2)
    expect(r.honorificStacking).toBe(2)
    expect(r.flags.map((f) => `${f.rule}:${f.found}`)).toEqual([
      'double-negative:なければなりません',
      'double-negative:ないわけではありません',
      'honorific-stacking:おっしゃられ',
      'honorific-stacking:ご覧になられ',
    ])
  })

  it('gives zeros for an empty answer, and plain polite Japanese passes clean', () => {
    expect(readabilityOf('')).toMatchObject({
      sentences: 0,
      averageSentenceLength: 0,
      aboveIntermediateShare: 0,
      flags: [],
    })
    expect(readabilityOf('カードは市役所で受け取ります。予約はいりません。').flags).toEqual([])
  })

  it('scores an answer for the editing pass: its flags plus its sentences over 40', () => {
    const over40 = `${'い'.repeat(45)}。`
    const over60 = `住民基本台帳カードの${'う'.repeat(60)}。`
    const r = readabilityOf(`短い文です。\n${over40}\n${over60}`)
    // over60 is long and has a 6-kanji run (two flags, one flagged sentence); both are over 40.
    expect(r).toMatchObject({ overEasyLength: 2, flaggedSentences: 1, difficulty: 4 })
    expect(difficultyOf({ flags: 2, overEasyLength: 2 })).toBe(4)
    expect(readabilityOf('短い文です。同じく短い文です。').difficulty).toBe(0)
  })
})

describe('easyProblems: the stricter rules of a やさしい日本語 version', () => {
  it('refuses a sentence over 40 characters that an answer may have, and names it', () => {
    const sentence = `${'あ'.repeat(44)}。`
    expect(readabilityOf(sentence).flags).toEqual([])
    expect(easyProblems(sentence)).toEqual([`やさしい日本語: 40字を超える文（45字）: ${sentence}`])
    expect(easyProblems(`${'あ'.repeat(39)}。`)).toEqual([])
  })

  it('keeps a 7-kanji official name, refuses a run of 8', () => {
    expect(easyProblems('有効期限通知書が届きます。')).toEqual([])
    expect(easyProblems('地方公共団体情報システム機構から届きます。')).toEqual([
      'やさしい日本語: 8字以上続く漢字（地方公共団体情報）: 地方公共団体情報システム機構から届きます。',
    ])
  })

  it('refuses double negatives and stacked honorifics', () => {
    expect(easyProblems('窓口に来なければなりません。職員がおっしゃられます。')).toEqual([
      'やさしい日本語: 二重否定（なければなりません）: 窓口に来なければなりません。',
      'やさしい日本語: 二重敬語（おっしゃられ）: 職員がおっしゃられます。',
    ])
  })
})
