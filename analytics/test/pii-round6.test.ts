import { describe, expect, it } from 'vitest'

import { maskPii } from '../src/pii'
import { of } from './helpers'

// Round six (rules from the misses on every tuning corpus, both halves of the sixth fresh corpus
// included): each rule with an example of the same kind written for this test, not taken from a corpus.

describe('PINs and passwords, round six', () => {
  it('reads digits sent as emoji keycaps, and masks the keycaps with them', () => {
    expect(maskPii('PINは 4️⃣0️⃣7️⃣2️⃣ と家族がチャットで送信').text).toBe(
      'PINは ［暗証番号］ と家族がチャットで送信',
    )
  })

  it('joins digits said one by one with と and a hesitation, but not two values joined by と', () => {
    expect(of('secret', '暗証番号は…8と…えーと…2と…6と0')).toEqual(['8と…えーと…2と…6と0'])
    expect(of('secret', '暗証番号は2468と8642のどちらか')).toEqual(['2468', '8642'])
    expect(of('secret', '暗証番号を3回、5と6の窓口で')).toEqual([])
  })

  it('takes a particle に/にし off a value spelled in katakana', () => {
    expect(of('secret', '暗証番号をサンサンナナイチにしたとのこと')).toEqual(['サンサンナナイチ'])
  })

  it('reads the rest and the kind of part in a text about a PIN', () => {
    expect(of('secret', '暗証番号の件。先頭は2。残りは0と9と9')).toEqual(['2', '0と9と9'])
    expect(of('secret', '暗証番号は覚えていない。車のナンバーの下4桁で7046だったはず')).toEqual(['7046'])
    expect(of('secret', '署名用の暗証番号が分からん。数字のは8833、英字のはKAMO')).toEqual(['8833', 'KAMO'])
    expect(of('secret', 'パスワードは英字でMOMIJI、そのあと数字の5')).toEqual(['MOMIJI', '5'])
    expect(of('secret', '暗証番号の件。あとは窓口で3番へ')).toEqual([])
  })

  it('names the password by how it is made up (英数字のやつ, 16文字までの方, the 8-16 character one)', () => {
    expect(of('secret', '英数字の方は　k o u y o 2 2 　全部小文字')).toEqual(['k o u y o 2 2'])
    expect(of('secret', '12文字までのやつ、Hana_Mochi_7 にしたそうです')).toEqual(['Hana_Mochi_7'])
    expect(of('secret', 'The 8-16 character one: maple12leaf, lower case')).toEqual(['maple12leaf'])
    expect(of('secret', '英数字の方が覚えやすいと言われた')).toEqual([])
  })

  it('takes a value a terminal rejected or a caller tried, in English', () => {
    expect(of('secret', 'The kiosk rejected 3-9-1-4 twice')).toEqual(['3-9-1-4'])
    expect(of('secret', 'She tried 8080 at the convenience store')).toEqual(['8080'])
    expect(of('secret', 'She tried 3 times and the card locked')).toEqual([])
  })
})

describe('phone numbers, round six', () => {
  it('reads groups joined by の with pauses and a word of hesitation', () => {
    expect(of('phone', '連絡先は080の、えーと、7310の、2468')).toEqual(['080の、えーと、7310の、2468'])
    expect(of('phone', '電話は082の、431の、9902')).toEqual(['082の、431の、9902'])
  })

  it('masks digits read out from a zero after a phone word even when one was lost', () => {
    expect(of('phone', '携帯はゼロハチゼロの、ななななさん、にいごおいち')).toEqual([
      'ゼロハチゼロの、ななななさん、にいごおいち',
    ])
    expect(of('phone', '電話はいちにいさん')).toEqual([])
  })

  it('masks a mobile number cut off after its second group next to a phone word', () => {
    expect(of('phone', '携帯070-2219-… で切れてしまった')).toEqual(['070-2219'])
    expect(of('phone', '受付070-2219…')).toEqual([])
  })
})

describe('names, round six', () => {
  it('takes a name after a label and a pause, a question mark or how it is written', () => {
    expect(of('name', '氏名は？→ まつした えいじ')).toEqual(['まつした えいじ'])
    expect(of('name', 'お名前はね、カタカナで、ハヤシ ミドリ')).toEqual(['ハヤシ ミドリ'])
    expect(of('name', '名前は、えー、わからないが')).toEqual([])
  })

  it('takes a name said again and completed after the label', () => {
    expect(of('name', 'お名前は、いしだ…いしだ ふみこ')).toEqual(['いしだ', 'いしだ ふみこ'])
    expect(of('name', '名前は、こうだ、こうだゆきえ。')).toEqual(['こうだ', 'こうだゆきえ'])
  })

  it('takes romaji names after English report openings', () => {
    expect(of('name', 'Call from Priya Raman, card lost')).toEqual(['Priya Raman'])
    expect(of('name', 'The caller introduced herself as Emma Clarke')).toEqual(['Emma Clarke'])
    expect(of('name', 'Applicant is Tran Minh Duc, no phone')).toEqual(['Tran Minh Duc'])
    expect(of('name', "Caller's father, Kenji Oda, lives alone")).toEqual(['Kenji Oda'])
    expect(of('name', 'Ahmad Karimi, exchange student, asked about renewal')).toEqual(['Ahmad Karimi'])
    expect(of('name', 'Call from Saijo Branch about the queue')).toEqual([])
  })
})

describe('round six, from the seventh corpus dev split', () => {
  it('reads the certificates and 補助用 as PIN cues, Pass: and his code is, and hiragana ろっく as a PIN text', () => {
    expect(of('secret', '電子証明書は二つとも五五一七')).toEqual(['五五一七'])
    expect(of('secret', '入力補助用は3366で')).toEqual(['3366'])
    expect(of('secret', 'Pass: yuzu2580 と書いたメモ')).toEqual(['yuzu2580'])
    expect(of('secret', 'She said her code is 4410')).toEqual(['4410'])
    expect(of('secret', 'ろっくされた 番号8025いれた')).toEqual(['8025'])
    expect(of('secret', '電子証明書は5年で更新')).toEqual([])
  })

  it('ends a password at an opening bracket and takes にしと (dialect) off a value', () => {
    expect(of('secret', 'パスワードはMOMO7788（大文字）')).toEqual(['MOMO7788'])
    expect(of('secret', '暗証番号をイチ、イチ、サン、サンにしとる')).toEqual(['イチ、イチ、サン、サン'])
  })

  it('leaves a zero inside a My Number read out in kanji to the My Number', () => {
    expect(of('myNumber', '個人番号：五二〇八、〇三一九、七七四六')).toEqual(['五二〇八、〇三一九、七七四六'])
  })

  it('takes a name before a relative said with a dialect copula or a relative of a relative, and after a relative and が', () => {
    expect(of('name', 'ほりかわの母やけど、カードの件')).toEqual(['ほりかわ'])
    expect(of('name', '松岡 キミの次男の嫁です')).toEqual(['松岡 キミ'])
    expect(of('name', '母が田中 ふさえ、本人は留守')).toEqual(['田中 ふさえ'])
    expect(of('name', '母が来る予定')).toEqual([])
  })
})
