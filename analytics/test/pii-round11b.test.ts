import { describe, expect, it } from 'vitest'

import { findPii } from '../src/pii'
import { expectLinear, of } from './helpers'

// Round eleven b (fresh11 both halves as tuning data, decision 0079): each class of miss with an example
// written for this test, not taken from a corpus. Rules only (the tagger off) unless a test says otherwise.
const rules = { tagger: null }

describe('names, round eleven b', () => {
  it('ends a spaced full name at its given name, before any dialect copula or particle', () => {
    expect(of('name', '「村井 健二だがや、カードの件で」', rules)).toEqual(['村井 健二'])
    expect(of('name', '「玉城 かなさー、電話したさ」', rules)).toEqual(['玉城 かな'])
    expect(of('name', '「森岡 実やき、よろしゅう」', rules)).toEqual(['森岡 実'])
    expect(of('name', '「東 友子ともうしますけぇ」', rules)).toEqual(['東 友子'])
    expect(of('name', '「石川 ちよだら、よろしく」', rules)).toEqual(['石川 ちよ'])
    // the tagger's span, grown past the rule's, is cut the same way
    expect(of('name', '「村井 健二だがや、カードの件で」')).toEqual(['村井 健二'])
  })

  it('takes a one-kanji surname opening a clause before a given name and an honorific', () => {
    expect(of('name', '湊 和子様、折り返し希望', rules)).toEqual(['湊 和子'])
    expect(of('name', '来庁者：梓 ハナ様（付き添いあり）', rules)).toEqual(['梓 ハナ'])
  })

  it('leaves the honorific, and の with a relative, out of a full name', () => {
    expect(of('name', '野口 久美様の父から電話', rules)).toEqual(['野口 久美'])
    expect(of('name', '「安田 とみの次男の安田 修です」')).toContain('安田 修')
    expect(of('name', '「安田 とみの次男の安田 修です」')).not.toContain('安田 とみの次男')
  })

  it('takes a common surname signing off a message (…、山本でした)', () => {
    expect(of('name', '「また掛け直します、山本でした」', rules)).toEqual(['山本'])
  })

  it('takes no possessive with a grandparent, nor 下の名前 after a kanji explained', () => {
    expect(of('name', '「うちのばあちゃんが来られん」', rules)).toEqual([])
    expect(of('name', 'あのじいちゃん、また来た', rules)).toEqual([])
    expect(of('name', 'メモ：漢字は森の中、下の名前は未確認', rules)).toEqual([])
  })
})

describe('secrets, round eleven b', () => {
  it('reads 8 said ぱち after a run-together digit (いっぱち), never ぱち alone', () => {
    expect(of('secret', '暗証はいっぱちにいに、じゃった', rules)).toEqual(['いっぱちにいに'])
    expect(of('secret', '暗証の話で会場はぱちぱちと拍手', rules)).toEqual([])
  })

  it('takes a value described by how it is read (と漢数字で, と英語読み)', () => {
    expect(of('secret', '「五五一九」と漢数字で控えてある', rules)).toEqual(['五五一九'])
    expect(of('secret', '「ナイン・オー・ツー・ワン」と英語読みで言われた', rules)).toEqual([
      'ナイン・オー・ツー・ワン',
    ])
  })

  it('takes the part of a value said before the rest was lost (…あと一つ)', () => {
    expect(of('secret', '「ろくろくに…あと一つが出てこん」', rules)).toEqual(['ろくろくに'])
    expect(of('secret', 'メモ：「サンサンゴ…残り一桁」まで', rules)).toEqual(['サンサンゴ'])
  })

  it('takes four digits said as one digit pair (四つとも), a day meant (元日) or a time meant', () => {
    expect(of('secret', '「四つとも7272」にしたって', rules)).toEqual(['7272'])
    expect(of('secret', '「うちのは1225、クリスマス」と', rules)).toEqual(['1225'])
    expect(of('secret', '暗証は寝る時間、くじはんの2130', rules)).toEqual(['くじはん', '2130'])
  })

  it('takes digits read in English in quotes with a code word in the line', () => {
    expect(of('secret', 'He said "four four one zero" and I stopped him: no codes on calls', rules)).toEqual([
      'four four one zero',
    ])
  })

  it('takes no time, year, amount or room described that way', () => {
    expect(of('secret', '予約は「二〇二五」年と漢数字で書く', rules)).toEqual([])
    expect(of('secret', '「四つとも1200円」の品', rules)).toEqual([])
    expect(of('secret', '1225号室、クリスマスの飾り', rules)).toEqual([])
    expect(of('secret', '集合はしちじはんの電車で', rules)).toEqual([])
    expect(of('secret', 'Room "four four one zero" is on floor four', rules)).toEqual([])
  })
})

describe('phones and others, round eleven b', () => {
  it('takes an international number after + (not +81, the shapes do it)', () => {
    expect(of('phone', '娘の連絡先：+44 20 7946 0958（英国）', rules)).toEqual(['+44 20 7946 0958'])
    expect(of('phone', '気温は+1 2 3 4度', rules)).toEqual([])
  })

  it('takes a phone read in katakana groups after a phone word (ゴウ is 5)', () => {
    expect(of('phone', '折返し先「ゼロハチニ、ヨンサンゴウ、ナナイチロク」', rules)).toEqual([
      'ゼロハチニ、ヨンサンゴウ、ナナイチロク',
    ])
  })

  it('takes a mobile number only partly heard next to a phone word', () => {
    expect(of('phone', '携帯番号は「080-31…-…77」まで', rules)).toEqual(['080-31…-…77'])
    expect(of('phone', '電話番号として07012345と8桁のみ', rules)).toEqual(['07012345'])
    expect(of('phone', '整理番号07012345と8桁', rules)).toEqual([])
  })

  it('takes an e-mail spelled in katakana letters with アットマーク', () => {
    expect(of('email', 'メール：ケー・エー・ティー・オー・アットマーク・example.jp', rules)).toEqual([
      'ケー・エー・ティー・オー・アットマーク・example.jp',
    ])
  })

  it('takes a romaji address with its city after the block numbers', () => {
    expect(of('address', 'Address: Hachihonmatsu-cho Iida 2-4-6, Higashihiroshima', rules)).toEqual([
      'Hachihonmatsu-cho Iida 2-4-6, Higashihiroshima',
    ])
  })

  it('takes a Latin 和暦 date and a kanji year before の生まれ', () => {
    expect(of('birthDate', 'She was born Showa 40, March 3', rules)).toEqual(['Showa 40, March 3'])
    expect(of('birthDate', '「大正十四年の生まれでね」', rules)).toEqual(['大正十四年'])
  })
})

describe('round eleven b on hostile input', () => {
  it('stays linear on 1 MB lines of the new shapes', () => {
    expectLinear(
      (s) => [
        `「${'村井 健二だがや、'.repeat(100_000 * s)}」`,
        '湊 和子様、'.repeat(150_000 * s),
        'いっぱち'.repeat(250_000 * s),
        `「${'五五一九'.repeat(200_000 * s)}」と漢数字で`,
        `「${'ろく'.repeat(300_000 * s)}…あと一つ`,
        '四つとも7272、'.repeat(100_000 * s),
        '暗証、くじはんの2130'.repeat(80_000 * s),
        `code "${'one '.repeat(200_000 * s)}"`,
        `+1${' 2'.repeat(400_000 * s)}`,
        `電話 090-1${'…'.repeat(500_000 * s)}`,
        `アットマーク ${'エー・'.repeat(300_000 * s)}アットマーク・a.jp`,
        `Saijo-cho ${'Aa '.repeat(250_000 * s)}1-2-3, B`,
        `Heisei ${'1, '.repeat(300_000 * s)}`,
      ],
      (t) => findPii(t, rules),
    )
  }, 180_000) // wall time on a loaded machine; the check itself is on CPU time
})
