import { describe, expect, it } from 'vitest'

import { maskPii } from '../src/pii'

const masked = (t: string) => maskPii(t).text

describe('phone numbers', () => {
  it('fixed, mobile, toll-free, parentheses, no hyphens, full width, +81', () => {
    expect(masked('082-420-0925')).toBe('［電話番号］')
    expect(masked('09012345678に')).toBe('［電話番号］に')
    expect(masked('082(423)1234')).toBe('［電話番号］')
    expect(masked('０９０－１２３４－５６７８')).toBe('［電話番号］')
    expect(masked('+81 90-1111-2222')).toBe('［電話番号］')
    expect(masked('0120-0178-26')).toBe('［電話番号］')
  })
  it('leaves fees, counts and times alone', () => {
    for (const t of ['手数料は1,000円', '8時30分～17時15分', '2027-05-31まで', '100,000件']) expect(masked(t)).toBe(t)
  })
})

describe('e-mail and postal codes', () => {
  it('masks addresses in half and full width', () => {
    expect(masked('a.b+c@example.co.jp まで')).toBe('［メール］ まで')
    expect(masked('ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ')).toBe('［メール］')
  })
  it('masks 〒 codes and codes after 郵便番号, not bare numbers', () => {
    expect(masked('〒739-8601')).toBe('［郵便番号］')
    expect(masked('郵便番号は7390024です')).toBe('郵便番号は［郵便番号］です')
    expect(masked('受付番号7390024')).toBe('受付番号7390024')
  })
})

describe('dates of birth', () => {
  it('masks 西暦 and 和暦 dates said to be a birth date', () => {
    expect(masked('生年月日は昭和50年3月4日')).toBe('生年月日は［生年月日］')
    expect(masked('平成元年5月1日生まれ')).toBe('［生年月日］生まれ')
    expect(masked('誕生日 1985/07/21')).toBe('誕生日 ［生年月日］')
  })
  it('leaves appointment and deadline dates alone', () => {
    for (const t of ['12月2日以降に来庁', '令和8年3月31日まで有効', '期限は2027年5月31日です']) expect(masked(t)).toBe(t)
  })
})

describe('addresses', () => {
  it('masks street addresses with block numbers and rooms', () => {
    expect(masked('東広島市西条栄町8番29号')).toBe('［住所］')
    expect(masked('東京都港区芝公園4丁目2-8から')).toBe('［住所］から')
    expect(masked('さいたま市浦和区高砂3丁目15番1号 コーポ高砂201号室')).toBe('［住所］')
  })
  it('leaves a city or office name alone', () => {
    for (const t of ['東広島市の窓口を案内', '八本松出張所で受け取り']) expect(masked(t)).toBe(t)
  })
})

describe('names', () => {
  it('masks names with honorifics and self-introductions, in kanji, katakana and roman letters', () => {
    expect(masked('山田太郎様から')).toBe('［氏名］様から')
    expect(masked('鈴木と申します')).toBe('［氏名］と申します')
    expect(masked('ジョン・スミスさん')).toBe('［氏名］さん')
    expect(masked('Maria Santosさん')).toBe('［氏名］さん')
  })
  it('leaves roles and places before さん alone', () => {
    for (const t of ['お客様', '市民課さんへ転送', '郵便局さん', '息子さんが代理', '担当者さんの名前は分からない']) expect(masked(t)).toBe(t)
  })
})

describe('masking', () => {
  it('is idempotent and keeps surrounding text', () => {
    const once = masked('佐藤さん（090-1234-5678）東広島市西条栄町8番29号')
    expect(once).toBe('［氏名］さん（［電話番号］）［住所］')
    expect(masked(once)).toBe(once)
  })
  it('reports findings with offsets into the input', () => {
    const { findings } = maskPii('電話 082-420-0925')
    expect(findings).toEqual([{ kind: 'phone', start: 3, end: 15 }])
  })
})
