import { describe, expect, it } from 'vitest'

import { found, masked, of } from './helpers'

const C = '［カード番号］'

describe('card and certificate serials (cardNumber)', () => {
  it('masks a serial after a card or certificate cue', () => {
    const cases: [string, string][] = [
      ['カード番号AB12345678CD', `カード番号${C}`],
      ['在留カード番号はAB12345678CDです', `在留カード番号は${C}です`],
      ['在留カードの番号：ＡＢ１２３４５６７８ＣＤ', `在留カードの番号：${C}`],
      ['特別永住者証明書番号 XY98765432ZW を確認', `特別永住者証明書番号 ${C} を確認`],
      ['シリアル番号 0A1B2C3D4E5F', `シリアル番号 ${C}`],
      ['電子証明書のシリアル番号は 1A2B3C4D5E6F7A8B とのこと', `電子証明書のシリアル番号は ${C} とのこと`],
      ['証明書の番号は 1234567890123456', `証明書の番号は ${C}`],
      ['カード番号 1234 5678 9012 3456 を読み上げた', `カード番号 ${C} を読み上げた`],
      ['カード番号を聞くと 12345678 とのこと', `カード番号を聞くと ${C} とのこと`],
      ['serial no. 98765432', `serial no. ${C}`],
      // documents read out as proof of identity: a residence card, a licence, a passport, an application ID
      ['在留カードはKL 2041 7730 MN です', `在留カードは${C} です`],
      ['運転免許証の番号は 482001556721', `運転免許証の番号は ${C}`],
      ['免許証 第 920113344558 号', `免許証 第 ${C} 号`],
      ['申請書IDは20931187745520918837112', `申請書IDは${C}`],
      ['交付申請書の申請書ID 7711-2093-1187-7455-2091-883', `交付申請書の申請書ID ${C}`],
      ["driver's license number 3301 2245 6612", `driver's license number ${C}`],
      ['passport no. XQ8812093', `passport no. ${C}`],
      ['residence card: UV55019283WX', `residence card: ${C}`],
    ]
    for (const [t, want] of cases) expect(masked(t), t).toBe(want)
  })

  it('masks the 在留カード and passport shapes anywhere', () => {
    expect(masked('本人確認 AB12345678CD 在留期限内')).toBe(`本人確認 ${C} 在留期限内`)
    expect(masked('旅券TR5510293の写し')).toBe(`旅券${C}の写し`)
    expect(masked('copy of RK0093152 attached')).toBe(`copy of ${C} attached`)
    expect(masked('（ＣＤ９８７６５４３２ＥＦ）')).toBe(`（${C}）`)
  })

  it('leaves lengths, short numbers, words and the FAQ vocabulary alone', () => {
    for (const t of [
      'カード番号は16桁ではない',
      'カード番号の確認方法',
      'カード番号 1234',
      '在留カードの番号欄を確認',
      'グエン・ティ・ホアさんが在留カードを持参',
      'シリアル番号がわからない',
      '証明書の番号は2025年3月に変わる',
      'カード番号はABCDEFGHIJです', // no digit: not a serial
      'ABC12345678CD', // 3 letters: not the residence card shape
      'AB12345678CDE',
      '証明書の有効期限は5年、カードは10年',
      'パスポートの有効期限は2031-04-30',
      'a card with 8 letters and digits', // English words are not a serial
      'the residence card must be valid for 3 more months',
      '運転免許証は2026年に更新',
      'ABC1234567', // 3 letters: not the passport shape
    ])
      expect(of('cardNumber', t), t).toEqual([])
  })

  it('leaves a phone number or a My Number said after the cue to its own kind', () => {
    expect(masked('カード番号がわからない場合は0120-95-0178へ')).toBe(
      'カード番号がわからない場合は［電話番号］へ',
    )
    expect(masked('カードの番号は123456789018')).toBe('カードの番号は［個人番号］')
    expect(masked('カード番号 1234 5678 9012')).toBe('カード番号 ［個人番号］')
  })

  it('is idempotent', () => {
    for (const t of ['在留カード番号はAB12345678CDです', `カード番号${C}、シリアル番号 0A1B2C3D4E5F`]) {
      const once = masked(t)
      expect(masked(once), t).toBe(once)
    }
  })

  it('takes a 運転経歴証明書 number as a card number, even when its check digit would verify', () => {
    expect(found('運転経歴証明書の番号660314927702を読み上げ')).toEqual([['cardNumber', '660314927702']])
    expect(of('cardNumber', '運転経歴証明書 No. 5123 4488 9021')).toEqual(['5123 4488 9021'])
  })

  it('masks other numbers that name one person: 住民票コード, pension and health insurance numbers', () => {
    expect(of('cardNumber', '住民票コードは38120945716です')).toEqual(['38120945716'])
    expect(of('cardNumber', '住基ネットの番号 5512 0938 471')).toEqual(['5512 0938 471'])
    expect(of('cardNumber', '基礎年金番号1234-567890を控えた')).toEqual(['1234-567890'])
    expect(of('cardNumber', '保険証の記号・番号 31240057 を読み上げ')).toEqual(['31240057'])
    for (const t of ['住民票コードの通知が届いた', '基礎年金番号は10桁', '保険証の番号を紐付けたい'])
      expect(of('cardNumber', t), t).toEqual([])
  })

  it('masks a 23-digit 申請書ID in its 4-4-4-4-4-3 groups anywhere, and after 申請書のID', () => {
    expect(of('cardNumber', '読み上げた番号は9021-3374-1180-5526-4409-318')).toEqual([
      '9021-3374-1180-5526-4409-318',
    ])
    expect(of('cardNumber', '申請書のIDを聞かれ 5530 2218 7764 0091 3385 602 と回答')).toEqual([
      '5530 2218 7764 0091 3385 602',
    ])
    expect(of('cardNumber', '申請書のIDは右上にある23桁の数字')).toEqual([])
  })
})

describe('a card number spelled out after its cue (round four, from the fresh4 dev split)', () => {
  it('masks letters said in katakana and digits, each apart; not a length', () => {
    expect(of('cardNumber', '在留カードの番号は「ビー、シー、5、5、0、2、8、1、7、3、エム、ケー」')).toEqual([
      'ビー、シー、5、5、0、2、8、1、7、3、エム、ケー',
    ])
    expect(of('cardNumber', 'カード番号は、えーと、16桁です')).toEqual([])
  })
})

describe('a serial among English words', () => {
  it('ends before the English word after it', () => {
    expect(of('cardNumber', 'He read the card serial 4C-19-A0-77-E2-5B from the screen')).toEqual([
      '4C-19-A0-77-E2-5B',
    ])
    expect(of('cardNumber', 'serial number AB12 CD34 EF56 as printed')).toEqual(['AB12 CD34 EF56'])
    expect(of('cardNumber', 'the serial is on the back of the card')).toEqual([])
  })
})
