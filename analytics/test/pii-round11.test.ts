import { describe, expect, it } from 'vitest'

import { findPii } from '../src/pii'
import { expectLinear, of } from './helpers'

// Round eleven (fresh10 both halves as tuning data, decision 0076): each class of miss with an example
// written for this test, not taken from a corpus. Rules only (the tagger off) unless a test says otherwise.
const rules = { tagger: null }

describe('secrets, round eleven', () => {
  it('reads kana digits run together and in dialect (いっ, にっ before a digit; いぢ, くぅ)', () => {
    expect(of('secret', '暗証はいっななにっさん、たしか', rules)).toEqual(['いっななにっさん'])
    expect(of('secret', '暗証は、いぢ、ろく、ろく、なな、やったべ', rules)).toEqual([
      'いぢ、ろく、ろく、なな',
    ])
    expect(of('secret', '暗証な、くぅ、くぅ、いち、に、じゃったと', rules)).toEqual(['くぅ、くぅ、いち、に'])
  })

  it('reads no digit in a word with っ (ロック, にしはった, いっしょ)', () => {
    expect(of('secret', '暗証番号はごーごーななよん、ロックは解除済み', rules)).toEqual(['ごーごーななよん'])
    expect(of('secret', '暗証はにいにいさんさんにしはったて', rules)).toEqual(['にいにいさんさん'])
    expect(of('secret', '暗証の件でいっしょにいった', rules)).toEqual([])
  })

  it('takes a value the caller checks (で合うとる) or said aloud (と言っとった, と言いかけ, と読み上げ)', () => {
    expect(of('secret', '「6021で合うとるよね？」と母', rules)).toEqual(['6021'])
    expect(of('secret', '義父の分は4090と言っとったそうです', rules)).toEqual(['4090'])
    expect(of('secret', '「孫の誕生日の、0912」と言いかけたので止めた', rules)).toEqual(['0912'])
    expect(of('secret', '客が7373（ナミナミ）と言いかけた', rules)).toEqual(['7373'])
  })

  it('takes no time, amount, room or phone said aloud that way', () => {
    expect(of('secret', '予約は1330で合うとる', rules)).toEqual([])
    expect(of('secret', '部屋は1204と言っとった', rules)).toEqual([])
    expect(of('secret', '電話の下は5521と言っとった', rules)).toEqual([])
    expect(of('secret', '在留カード番号、XY40912233ZKで合っとるか確認', rules)).toEqual([])
  })

  it('takes four digits read one at a time with marks as a clause of their own', () => {
    expect(of('secret', '「4・0・4・9やったかね」', rules)).toEqual(['4・0・4・9'])
  })

  it('takes two values said as either one (…か…かどっちか)', () => {
    // (each read as a value of its own, after a pause: a value straight after は is the cue rule's alone)
    expect(of('secret', '暗証番号、にいにいろくろくかにいにいろくななかどっちか', rules)).toEqual([
      'にいにいろくろく',
      'にいにいろくなな',
    ])
  })

  it('takes a password with the word of its purpose or of a secret right after it', () => {
    expect(of('secret', '「みかん好きでMIKAN3030」が署名用', rules)).toEqual(['MIKAN3030'])
    expect(of('secret', 'HAMACHI77（大文字で）がパスワードらしい', rules)).toEqual(['HAMACHI77'])
    expect(of('secret', 'ABC1234567（パスポート番号）がパスポートのもの', rules)).toEqual([])
  })

  it('reads the parts of a password described without a word of one, or after a purpose', () => {
    expect(of('secret', 'ローマ字でmomiji、そのあと数字で21', rules)).toEqual(['momiji', '21'])
    expect(of('secret', '署名用の方、大文字でH・A・R・U、最後に8', rules)).toEqual(['H・A・R・U', '8'])
  })

  it('leaves a certificate serial after 署名用 (it is a card number)', () => {
    expect(of('secret', '署名用電子証明書のシリアル番号、末尾がA9C3', rules)).toEqual([])
  })
})

describe('names, round eleven', () => {
  it('takes a name spelled out letter by letter or kana by kana in a sentence about a name', () => {
    expect(of('name', '苗字はモリタ、M-O-R-I-T-A です', rules)).toContain('M-O-R-I-T-A')
    expect(of('name', '名字を「カ・ミ・ヤ」と一字ずつ', rules)).toEqual(['カ・ミ・ヤ'])
    expect(of('name', 'Her surname, spelled: N-A-K-A-I', rules)).toEqual(['N-A-K-A-I'])
  })

  it('leaves letters spelled for a password or a short code', () => {
    expect(of('name', '名前の件、パスワードはK-O-B-E', rules)).toEqual([])
    expect(of('name', '名前の欄、A-B-Cの順で', rules)).toEqual([])
  })

  it('takes a name before の and a member of the household, opening what is said', () => {
    expect(of('name', '「はい、石田の家内です」', rules)).toEqual(['石田'])
    expect(of('name', '「こちら、もりもと の 息子 です」', rules)).toEqual(['もりもと'])
  })

  it('takes no pronoun, place or honorific name that way', () => {
    expect(of('name', 'こちらの者です', rules)).toEqual([])
    expect(of('name', '「はい、となりの家です」', rules)).toEqual([])
    expect(of('name', 'かわい はなこさんの母から', rules)).toEqual(['かわい はなこ'])
  })

  it('takes the name after a label ending in 者, and no role before さん (通訳さん, 学生さん)', () => {
    expect(of('name', '入居者川端 サダさんの件', rules)).toEqual(['川端 サダ'])
    expect(of('name', '通訳さんに伝えた、学生さんの転入', rules)).toEqual([])
  })

  it('takes no kana digits read out beside others for a name', () => {
    expect(of('name', '「ぜろろくぜろ、にいいちさん」と読んだ', rules)).toEqual([])
  })
})

describe('the tagger, round eleven (committed weights)', () => {
  it('never takes a digit group of a longer number read with と as a PIN', () => {
    expect(of('secret', '番号は4桁ずつ、3306 と 7125 と 9947')).toEqual([])
  })
})

describe('round eleven on hostile input', () => {
  it('stays linear on 1 MB lines of the new shapes', () => {
    expectLinear(
      (s) => [
        'いっいっいっ'.repeat(150_000 * s),
        '1234で合うとる、'.repeat(90_000 * s),
        '1234（ゴロゴロ）と言いかけ、'.repeat(60_000 * s),
        'ABCD1234（あ）が署名用、'.repeat(60_000 * s),
        `苗字 ${'A-'.repeat(300_000 * s)}B`,
        `名字 ${'カ・'.repeat(300_000 * s)}ミ`,
        '「石田の家内です」'.repeat(100_000 * s),
        'なな さん\u0000'.repeat(100_000 * s),
        `ローマ字で${'abc、数字で1'.repeat(80_000 * s)}`,
      ],
      (t) => findPii(t, rules),
    )
  }, 180_000) // wall time on a loaded machine; the check itself is on CPU time
})
