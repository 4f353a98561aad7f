import { describe, expect, it } from 'vitest'

import { findPii } from '../src/pii'
import { expectLinear, of } from './helpers'

// Round ten (fresh10 dev as tuning data, decision 0075): each class of miss with an example written for
// this test, not taken from a corpus. Rules only: read with the tagger off.
const rules = { tagger: null }

describe('secrets, round ten: a value that says it is a PIN without a word of one', () => {
  it('takes four digits or a password the caller set (に/で and a verb of setting)', () => {
    expect(of('secret', '孫の誕生日で0418にしとるんよ', rules)).toEqual(['0418'])
    expect(of('secret', 'たしか二〇七一にしたはず', rules)).toEqual(['二〇七一'])
    expect(of('secret', '娘がKAMOME72で登録した言うとった', rules)).toEqual(['KAMOME72'])
    expect(of('secret', '先月決めたばかりのSUDACHI808が出てこん', rules)).toEqual(['SUDACHI808'])
  })

  it('takes none of a time, a year, an amount or another number set that way', () => {
    expect(of('secret', '予約を1430にした', rules)).toEqual([])
    expect(of('secret', '会費は3000円にした', rules)).toEqual([])
    expect(of('secret', '受付番号を4821にした', rules)).toEqual([])
    expect(of('secret', '在留カードの番号がQX20471188ZBで登録されとる', rules)).toEqual([])
  })

  it('takes a value and its correction, both of the same length', () => {
    expect(of('secret', '言うたのは5832、いや違う5823じゃった', rules)).toEqual(['5832', '5823'])
    expect(of('secret', 'ななはちいちいち…いや、ななはちいちに', rules)).toEqual([
      'ななはちいちいち',
      'ななはちいちに',
    ])
  })

  it('takes four digits read one by one in kana as a clause of their own', () => {
    expect(of('secret', '「はち、ろく、ろく、ぜろ」…あ、言うてしもうた', rules)).toEqual([
      'はち、ろく、ろく、ぜろ',
    ])
    expect(of('secret', 'えっとね、にいにいきゅうきゅう。合うとる？', rules)).toEqual([
      'にいにいきゅうきゅう',
    ])
    expect(of('secret', '「ヨンナナヨンナナ」やったかな', rules)).toEqual(['ヨンナナヨンナナ'])
  })

  it('leaves kana digits about a phone or a group of a longer number', () => {
    expect(of('secret', '電話の最後は、いちにいさんよん、です', rules)).toEqual([])
    expect(
      findPii('「ぜろはちぜろ、いちにいさんよん、ごーろくななはち」…ちゃう、最後は「ごーろくななきゅう」', {
        kinds: ['secret'],
        ...rules,
      }),
    ).toEqual([])
  })

  it('reads the value to its end in dialect and spelled forms', () => {
    // に before a dialect's する is a particle; ヒト/フタ as times are read; katakana English digits in a spelled password
    expect(of('secret', '暗証はななななさんさんにしもした', rules)).toEqual(['ななななさんさん'])
    expect(of('secret', '暗証はフタヒトマルマルじゃ', rules)).toEqual(['フタヒトマルマル'])
    expect(of('secret', 'パスワードはケー・オー・ビー・イー・セブンセブン', rules)).toEqual([
      'ケー・オー・ビー・イー・セブンセブン',
    ])
  })
})

describe('secrets, round ten: a PIN read with its place values, and a note of doubt after a password', () => {
  it('takes a number with 千 or 百 in kana, or a month and a day, near a word of a secret', () => {
    expect(of('secret', '暗証番号は、ろっぴゃくにじゅうご', rules)).toEqual(['ろっぴゃくにじゅうご'])
    expect(of('secret', '母の4桁は「にせんにじゅうよん」', rules)).toEqual(['にせんにじゅうよん'])
    expect(of('secret', '暗証は「さんのにじゅうはち」と覚えとる', rules)).toEqual([])
    expect(of('secret', '暗証は「じゅうのにじゅうはち」と覚えとる', rules)).toEqual(['じゅうのにじゅうはち'])
  })

  it('leaves amounts, minutes and counts in kana', () => {
    expect(of('secret', '暗証番号の再発行はせんえんかかる', rules)).toEqual([])
    expect(of('secret', '暗証番号でさんじゅっぷん悩んだ', rules)).toEqual([])
  })

  it('masks a password without the question mark of a note', () => {
    expect(of('secret', 'メモ：署名用 NASHI2024？ 要確認', rules)).toEqual(['NASHI2024'])
  })
})

describe('names, round ten', () => {
  it('takes a spaced full name opening what a caller says, before a dialect copula', () => {
    expect(of('name', '「村瀬 千代だす、カードの件で」', rules)).toEqual(['村瀬 千代'])
    expect(of('name', '「中野 みさどす、よろしゅう」', rules)).toEqual(['中野 みさ'])
    expect(of('name', '客：「栗原 浩二いいます、住所は…」', rules)).toEqual(['栗原 浩二'])
  })

  it('takes a Latin full name opening a record, before a comma, an aside or a possessive', () => {
    expect(of('name', 'Marta Oliveira, born 1990-02-11', rules)).toEqual(['Marta Oliveira'])
    expect(of('name', "Jonas Berg's card arrived", rules)).toEqual(['Jonas Berg'])
    expect(of('name', 'Applicant Leila Haddad, unit 4', rules)).toEqual(['Leila Haddad'])
    expect(of('name', 'Saijo Station, 3rd floor', rules)).toEqual([])
    expect(of('name', 'Card Number, please', rules)).toEqual([])
  })
})

describe('names, round ten: how the kanji of a name are written', () => {
  it('takes an adjective and its kanji, and a first kanji said alone, as the spelling', () => {
    expect(of('name', '「ナガサワ、長い沢です」', rules)).toEqual(['ナガサワ', '長い沢'])
    expect(of('name', '名前は「くまの、熊に野原の野」', rules)).toEqual(['くまの', '熊に野原の野'])
    expect(of('name', '字は高い山', rules)).toEqual(['高い山'])
  })

  it('leaves a word about the kanji and an adjective that spells nothing', () => {
    expect(of('name', '名字は難しい字で書くらしい', rules)).toEqual([])
    expect(of('name', 'はい、大きい声で', rules)).toEqual([])
  })
})

describe('names, round ten: a reading after a given name', () => {
  it('takes a given name after a relative with its reading in brackets, and a reading said after 読みは', () => {
    expect(of('name', '甥の湊斗（みなと）が来る', rules)).toEqual(['湊斗', 'みなと'])
    expect(of('name', '三浦 蒼空くん、読みはそらです', rules)).toEqual(['三浦 蒼空', 'そら'])
    expect(of('name', '父の写真（しゃしん）を持参', rules)).toEqual([])
  })
})

describe('secrets after round ten: a pun to remember the value', () => {
  it('takes four digits said to be learnt by heart, not a phone or a year so learnt', () => {
    expect(of('secret', '1919、イチキューって覚えとる', rules)).toEqual(['1919'])
    expect(of('secret', '8080、と覚えてね', rules)).toEqual(['8080'])
    expect(of('secret', '電話は0120、いいふろで覚えて', rules)).toEqual([])
    expect(of('secret', '1192、いい国で覚える年号', rules)).toEqual([])
  })

  it('leaves the pun read after the value out of it', () => {
    expect(of('secret', '暗証は3939、サンキュー', rules)).toEqual(['3939'])
    expect(of('secret', '四桁は8383、ハチミツやけえ', rules)).toEqual(['8383'])
  })
})

describe('names after round ten: a surname of one kanji after an address', () => {
  it('takes one kanji outside the surname list before a katakana given name, not a word of a place', () => {
    expect(of('name', '〒739-0000 高屋町杵原1021 杵 ハツヨ', rules)).toEqual(['杵 ハツヨ'])
    expect(of('name', '西条町寺家5-3 鴨 トメ、', rules)).toEqual(['鴨 トメ'])
    expect(of('name', '西条本町2-1 館 ロビー', rules)).toEqual([])
    expect(of('name', '西条町3-2 東 ホール', rules)).toEqual([])
  })
})

describe('round ten on hostile input', () => {
  it('stays linear on 1 MB lines of the new shapes', () => {
    // Searching back for the sentence over the whole line once made the first of these take minutes.
    expectLinear(
      (s) => [
        '1234にした、'.repeat(90_000 * s),
        'いちにいさんよん、いや、'.repeat(80_000 * s),
        `${'A1'.repeat(200_000 * s)}で登録した`,
        '「ろくろくろくろく」\u0000'.repeat(90_000 * s),
        `Ab Cd${', Ef Gh'.repeat(100_000 * s)}`,
        `「${'山 田'.repeat(200_000 * s)}です、`,
        `「${'たかい、高い橋に'.repeat(100_000 * s)}`,
        `${'孫の大翔（'.repeat(150_000 * s)}ひろと）`,
        `暗証 ${'せんにひゃくさんじゅうよんの'.repeat(70_000 * s)}`,
        '町1-2 杵 ハツヨ、'.repeat(90_000 * s),
        '1919、イチキューって覚え'.repeat(60_000 * s),
        `暗証は${'3939、サンキュー、'.repeat(60_000 * s)}`,
      ],
      (t) => findPii(t, rules),
    )
  }, 180_000) // wall time on a loaded machine; the check itself is on CPU time
})
