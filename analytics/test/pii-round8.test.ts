import { describe, expect, it } from 'vitest'

import { findPii } from '../src/pii'
import { of } from './helpers'

// Round eight (fresh8 as tuning data, decision 0070): each class of miss with an example written for
// this test, not taken from a corpus.
const names = (text: string, options = {}) =>
  findPii(text, { kinds: ['name'], ...options }).map((f) => text.slice(f.start, f.end))

describe('names, round eight', () => {
  it('grows a surname the rules found into the full name the tagger found, by the word after the space', () => {
    const text = '「で、あ、岡田 ヨシエっていうんですけど」と言い直した'
    expect(of('name', text, { tagger: null })).toEqual(['岡田'])
    expect(of('name', text)).toEqual(['岡田 ヨシエ'])
    expect(of('name', '「こばやし です。こばやし みつこ、電話は082-555-0134」')).toEqual([
      'こばやし',
      'こばやし みつこ',
    ])
  })

  it('leaves out a label before a name and です after it', () => {
    expect(of('name', '氏名 タカセ ミドリ 様')).toEqual(['タカセ ミドリ'])
    expect(of('name', '父の代わり、長女の吉村です')).toEqual(['吉村'])
  })

  it('takes a hiragana name the tagger finds before です, and words about how a name is written for none', () => {
    expect(of('name', 'このまえお電話した、さかもと けいです')).toEqual(['さかもと けい'])
    expect(of('name', '名前は旧字体で書くのか')).toEqual([])
  })

  it('takes a kanji full name written after an address, as on an envelope, and not a desk name there', () => {
    expect(of('name', '送付先 西条町御薗宇4-7-12 松浦 和江 宛', { tagger: null })).toEqual(['松浦 和江'])
    expect(of('name', '西条町2-3 市役所 本館', { tagger: null })).toEqual([])
  })

  it('takes a surname said straight before いいます or いうもん, and no word of the desk there', () => {
    expect(of('name', 'はい、桑原いいます、カードの件で', { tagger: null })).toEqual(['桑原'])
    expect(of('name', 'わしは宍戸いうもんじゃが', { tagger: null })).toEqual(['宍戸'])
    expect(of('name', '電話番号いいます、082の…', { tagger: null })).toEqual([])
  })

  it('reads no name into a number read out in katakana', () => {
    expect(names('フリーダイヤル（ゼロイチニーゼロ・ナナナナ・イチイチニーサン）を読み上げた')).toEqual([])
  })
})

describe('My Numbers, round eight', () => {
  it('takes no 12 digits from 0 that fail the check digit outside a text about My Numbers', () => {
    expect(of('myNumber', '080987654321と書いてあった')).toEqual([])
  })
})
