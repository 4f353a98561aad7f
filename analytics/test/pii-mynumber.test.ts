import { describe, expect, it } from 'vitest'

import { isValidMyNumber, myNumberCheckDigit } from '../src/pii'
import { found, masked, of } from './helpers'

describe('My Number (個人番号) check digit', () => {
  it('follows the official formula, worked by hand', () => {
    // 12345678901: P(1..11) from the right = 1,0,9,8,7,6,5,4,3,2,1; Q = 2,3,4,5,6,7,2,3,4,5,6
    // Σ = 2+0+36+40+42+42+10+12+12+10+6 = 212; 212 mod 11 = 3; 11 − 3 = 8
    expect(myNumberCheckDigit('12345678901')).toBe(8)
    // 00000000000: Σ = 0, remainder 0 ≤ 1 → 0
    expect(myNumberCheckDigit('00000000000')).toBe(0)
    // 10000000000: only P(11) = 1 with Q(11) = 6 → Σ = 6, 11 − 6 = 5
    expect(myNumberCheckDigit('10000000000')).toBe(5)
    // 00000000001: only P(1) = 1 with Q(1) = 2 → Σ = 2, 11 − 2 = 9
    expect(myNumberCheckDigit('00000000001')).toBe(9)
    // 00000000005: Σ = 10 → 11 − 10 = 1
    expect(myNumberCheckDigit('00000000005')).toBe(1)
    // 00000000060: P(2) = 6, Q(2) = 3 → Σ = 18, 18 mod 11 = 7 → 4
    expect(myNumberCheckDigit('00000000060')).toBe(4)
    // 00000000600: P(3) = 6, Q(3) = 4 → 24, 24 mod 11 = 2 → 9; 00000006000: P(4) = 6, Q(4) = 5 → 30,
    // 30 mod 11 = 8 → 3; 00000000400: 16 mod 11 = 5 → 6; 00000000300: 12 mod 11 = 1 (≤ 1) → 0
    expect(myNumberCheckDigit('00000000600')).toBe(9)
    expect(myNumberCheckDigit('00000006000')).toBe(3)
    expect(myNumberCheckDigit('00000000400')).toBe(6)
    expect(myNumberCheckDigit('00000000300')).toBe(0)
  })

  it('accepts numbers whose 12th digit verifies and rejects every other 12th digit', () => {
    for (const valid of ['123456789018', '526018159084', '301661318600', '913909960300', '752917034232']) {
      expect(isValidMyNumber(valid)).toBe(true)
      for (let d = 0; d <= 9; d++)
        if (String(d) !== valid[11]) expect(isValidMyNumber(valid.slice(0, 11) + d)).toBe(false)
    }
    expect(isValidMyNumber('12345678901')).toBe(false)
    expect(isValidMyNumber('1234567890188')).toBe(false)
    expect(isValidMyNumber('１２３４５６７８９０１８')).toBe(false) // callers fold the width first
    expect(() => myNumberCheckDigit('123')).toThrow(RangeError)
  })
})

describe('My Number detection', () => {
  it('masks a valid number in any grouping and width', () => {
    for (const n of [
      '123456789018',
      '1234 5678 9018',
      '1234-5678-9018',
      '１２３４５６７８９０１８',
      '１２３４－５６７８－９０１８',
      '1234　5678　9018',
      '123 456 789 018',
    ])
      expect(masked(`番号は${n}です`), n).toBe('番号は［個人番号］です')
  })

  it('leaves 12-digit numbers that fail the check digit (reservation numbers …)', () => {
    expect(masked('予約番号123456789012')).toBe('予約番号123456789012')
    expect(masked('受付番号 5260-1815-9087')).toBe('受付番号 5260-1815-9087')
  })

  it('never cuts a My Number out of a longer number', () => {
    // 23-digit 申請書ID read in fours: 526018159084 is valid but is only a part here
    expect(of('myNumber', '申請書ID 5260 1815 9084 3456 7890 123')).toEqual([])
    expect(of('myNumber', '法人番号 5526018159084')).toEqual([])
    expect(of('myNumber', '5260181590841')).toEqual([])
  })

  it('masks twelve kanji numerals in groups of four with no cue, as it does digits; not a longer run, a place value or a reference number', () => {
    expect(masked('祖母のメモを読むと「七〇二一 三三八五 四六九〇」です')).toBe(
      '祖母のメモを読むと「［個人番号］」です',
    )
    expect(masked('二〇一九、五五八三、七七一二と書いてある')).toBe('［個人番号］と書いてある')
    expect(of('myNumber', '一一一一 二二二二 三三三三 四四四四')).toEqual([])
    expect(of('myNumber', '三千四百 五六七八 九〇一二')).toEqual([])
    expect(of('myNumber', '予約番号 一二三四 五六七八 九〇一二')).toEqual([])
  })

  it('still lets a failing 12-digit number be something else', () => {
    expect(of('myNumber', '090123456789')).toEqual([])
  })
})

describe('My Numbers as callers say them', () => {
  const M = '［個人番号］'

  it('masks any 12 digits after a My Number cue, check digit or not', () => {
    const cases: [string, string][] = [
      ['マイナンバーは123456789019です', `マイナンバーは${M}です`], // a misheard last digit
      ['個人番号123456789012を読み上げた', `個人番号${M}を読み上げた`],
      ['個人番号（１２３４５６７８９０１２）記載の住民票', `個人番号（${M}）記載の住民票`],
      ['マイナンバーを聞いたら 123 456 789 012 とのこと', `マイナンバーを聞いたら ${M} とのこと`],
      ['マイナ番号：111122223333', `マイナ番号：${M}`],
      ['マイナンバーカードの番号は123456789019', `マイナンバーカードの番号は${M}`],
      ['番号は987654321098です', `番号は${M}です`],
      ['ご本人のマイナンバーは、1993-5181-9091 と言っていた', `ご本人のマイナンバーは、${M} と言っていた`],
      // misheard or cut off: 10, 11 or 13 digits after the cue are still the caller's number
      ['マイナンバーは1234567890123（13桁）と言われた', `マイナンバーは${M}（13桁）と言われた`],
      ['個人番号 7001 2288 41 で途切れた', `個人番号 ${M} で途切れた`],
      ['番号は5512-7730-981と聞こえた', `番号は${M}と聞こえた`],
      ['my number card number is 5512 7730 9811', `my number card number is ${M}`],
      ['The caller read her My Number, 5512 7730 9812, aloud', `The caller read her My Number, ${M}, aloud`],
    ]
    for (const [t, want] of cases) expect(masked(t), t).toBe(want)
  })

  it('masks 12 digits in three groups of four with any separator, check digit or not', () => {
    for (const n of [
      '1234、5678、9012',
      '1234 5678 9012',
      '1234-5678-9012',
      '1234・5678・9012',
      '１２３４　５６７８　９０１２',
      '１２３４－５６７８－９０１２',
      '１２３４、５６７８、９０１２',
      '１２３４・５６７８・９０１２',
      '1234 - 5678 - 9012',
      '1234，5678，9012',
      '1234.5678.9012',
    ])
      expect(masked(`読み上げ：${n}（途中で制止）`), n).toBe(`読み上げ：${M}（途中で制止）`)
    expect(masked('1234、5678、9018')).toBe(M)
    expect(masked('通知カードの番号 1234 5678 9012')).toBe(`通知カードの番号 ${M}`)
    // a phone number just before is a separate number, not the start of a longer one
    expect(masked('連絡先 090-1234-5678 1234 5678 9012 と読み上げ')).toBe(
      `連絡先 ［電話番号］ ${M} と読み上げ`,
    )
  })

  it('leaves reference numbers, longer numbers, years and other 12-digit things alone', () => {
    for (const t of [
      '予約番号123456789012',
      '受付番号 5260-1815-9087',
      'お問い合わせ番号 118625276016',
      '整理番号は1234-5678-9012',
      '申請書ID 1234 5678 9012 3456 7890 123',
      '法人番号 5526018159084',
      '2024・2025・2026年度の交付件数',
      '2024、2025、2026の各年度',
      'マイナンバー総合フリーダイヤル（0120-95-0178、24時間365日）',
      'マイナンバーは12桁、住民票コードは11桁',
      'マイナンバーの件で予約番号123456789012を案内',
      '手数料は1,000円、交付は12,345,678,901件',
      '12桁の番号を口頭で言わないよう注意',
      'マイナンバーの件、123456789件目', // a count
      '個人番号 12345', // too short to be one
      '運転免許証の番号 123456789018', // a licence number whose check digit happens to verify: a card number
      'パスポート番号 1234 5678 9012',
    ])
      expect(of('myNumber', t), t).toEqual([])
  })

  it('never cuts a grouped run out of a longer number', () => {
    expect(of('myNumber', '1234 5678 9012 3456')).toEqual([])
    expect(of('myNumber', '1234-5678-9012-3')).toEqual([])
    expect(of('myNumber', 'マイナンバーは 1234 5678 9012 3456 だと言う')).toEqual([])
  })

  it('is idempotent', () => {
    for (const t of [
      'マイナンバーは123456789019です',
      '1234、5678、9012 と 2345、6789、0123',
      `マイナンバーは${M}、念のため 1234 5678 9012`,
    ]) {
      const once = masked(t)
      expect(masked(once), t).toBe(once)
    }
  })

  it('reads groups joined by の as a number read out', () => {
    expect(of('myNumber', 'マイナンバーは4410の2983の1176です')).toEqual(['4410の2983の1176'])
    expect(of('myNumber', '番号は３３０２ノ８８１９ノ４０５７')).toEqual(['３３０２ノ８８１９ノ４０５７'])
    expect(of('myNumber', '2024の2025の2026年度')).toEqual([])
  })
})

describe('My Numbers as callers say them (round four, decision 0049)', () => {
  it('masks a My Number read out in kana or kanji after its cue', () => {
    expect(
      of('myNumber', 'マイナンバーは、いちにさんよん、ごろくななはち、きゅうぜろいちに、と読み上げ'),
    ).toEqual(['いちにさんよん、ごろくななはち、きゅうぜろいちに'])
    expect(of('myNumber', '個人番号は四三二一 八七六五 〇九一二とのこと')).toEqual([
      '四三二一 八七六五 〇九一二',
    ])
    // a PIN after a bare 番号 stays a PIN; a short number is no My Number
    expect(of('myNumber', '番号はさんいちよんいち')).toEqual([])
  })

  it('reads a bare 番号 after a verb (出した番号, 書いてある番号) as a My Number cue, not after お問い合わせ', () => {
    expect(of('myNumber', '会社に出した番号503817264490が違うと言われた')).toEqual(['503817264490'])
    expect(of('myNumber', 'お問い合わせ番号503817264490の件')).toEqual([])
  })
})

describe('a licence number in brackets (round four, from the fresh4 dev split)', () => {
  it('is a card number, not a My Number', () => {
    expect(found('本人確認書類として運転免許証（番号 4410-2290-1183）')).toEqual([
      ['cardNumber', '4410-2290-1183'],
    ])
  })
})

describe('a My Number said in pieces or corrected (round four, from the fresh4 dev split)', () => {
  it('masks two or more pieces after the words that say which, and four digits said again after いや', () => {
    expect(of('myNumber', '個人番号は、最初が6620、次が1935、最後が4408です')).toEqual([
      '6620',
      '1935',
      '4408',
    ])
    expect(of('myNumber', 'マイナンバー 5521 8830 1147、いや最後は1174')).toEqual(['5521 8830 1147', '1174'])
  })

  it('leaves counts and dates, and the parts of a PIN to the secret detector', () => {
    expect(of('myNumber', 'マイナンバーカードの件、最初は2024年、次は3000円')).toEqual([])
    expect(found('マイナンバーカードの暗証番号は最初が1234、最後が5678')).toEqual([
      ['secret', '1234'],
      ['secret', '5678'],
    ])
  })
})
