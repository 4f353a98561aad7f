import { describe, expect, it } from 'vitest'

import { nationalPhoneDigits } from '../src/pii'
import { found, masked, of } from './helpers'

describe('phone numbers', () => {
  it('masks fixed, mobile, IP, toll-free and navi-dial numbers in the usual shapes', () => {
    for (const n of [
      '03-1234-5678',
      '090-1234-5678',
      '0120-123-456',
      '0120-12-3456',
      '0800-123-4567',
      '0570-012-345',
      '082-422-1234',
      '0824-22-1234',
      '08477-1-2345',
      '050-1234-5678',
      '09012345678',
      '0824221234',
      '082(422)1234',
      '(082)422-1234',
      '(082) 422-1234',
      '082 422 1234',
      '082.422.1234',
      '090 - 1234 - 5678',
      '０９０－１２３４－５６７８',
      '０８２（４２２）１２３４',
      '090ー1234ー5678',
      '+81 90-1234-5678',
      '+81-82-422-1234',
      '+819012345678',
      '+81 (0)90 1234 5678',
      '090・1234・5678',
      '090、1234、5678',
      '０９０・１２３４・５６７８',
      '090ｰ1234ｰ5678', // half-width ｰ between digits
      '０９０-1234-５６７８', // mixed widths
      '090-12345-678', // grouped oddly
      '0 8 0 9 9 1 2 3 4 0 0', // read out digit by digit
      '0・8・2・4・2・2・1・2・3・4',
    ])
      expect(masked(`連絡先${n}まで`), n).toBe('連絡先［電話番号］まで')
  })

  it('masks a fixed number said with a digit too many next to a phone word, and only there', () => {
    expect(masked('携帯からではなく08242213344から電話')).toBe('携帯からではなく［電話番号］から電話')
    expect(masked('06-6123-45678にかけたがつながらない')).toBe('［電話番号］にかけたがつながらない')
    expect(masked('整理番号08242213344')).toBe('整理番号08242213344')
    expect(masked('携帯 090-1234-56789 は桁が多い')).toBe('携帯 ［電話番号］ は桁が多い') // 12 digits grouped as a phone number
    expect(of('phone', '電話でマイナンバー0123 4567 8901を聞いた')).toEqual([]) // 4-4-4 is a My Number
  })

  it('keeps the brackets around a number outside the mask', () => {
    // the learned tagger reads 佐藤 before a phone number as the name it is (decision 0067); the brackets stay outside both masks
    expect(masked('佐藤（090-1234-5678）')).toBe('［氏名］（［電話番号］）')
  })

  it('leaves fees, times, counts, dates, PINs and reference numbers alone', () => {
    for (const t of [
      '手数料は1,000円',
      '8時30分～17時15分',
      '8:30-17:15',
      '2027-05-31まで',
      '100,000件',
      '受付番号0012345678',
      '内線2345',
      '110番',
      '0120の番号は無料',
      '予約受付番号08012345',
      '090-1234-5678-9',
      '12-3456-7890',
      '0、1、2、3の順に押す',
      '2024・2025・2026年度',
    ])
      expect(masked(t), t).toBe(t)
    // a PIN is not a phone number (the PIN itself is masked as a secret, see pii-secret.test.ts)
    expect(of('phone', '暗証番号1234')).toEqual([])
    // nor is an 11-digit 住民票コード (masked as a card number, see pii-cardnumber.test.ts)
    expect(of('phone', '住民票コード12345678901')).toEqual([])
  })

  it('checks the number of digits against the kind of number', () => {
    expect(nationalPhoneDigits('090-1234-5678')).toBe('09012345678')
    expect(nationalPhoneDigits('082-422-1234')).toBe('0824221234')
    expect(nationalPhoneDigits('082-4221-23456')).toBeUndefined() // 11 digits but not a mobile/IP number
    expect(nationalPhoneDigits('+81 (0)82 422 1234')).toBe('0824221234')
    expect(nationalPhoneDigits('+1 212 555 0100')).toBeUndefined()
    expect(nationalPhoneDigits('0012345678')).toBeUndefined()
  })

  it('keeps listed public numbers readable when asked', () => {
    const keepPhones = ['0120-95-0178', '082-420-0925']
    expect(masked('フリーダイヤル0120950178を案内、本人は090-1111-2222', { keepPhones })).toBe(
      'フリーダイヤル0120950178を案内、本人は［電話番号］',
    )
    expect(of('phone', '市役所 ０８２－４２０－０９２５', { keepPhones })).toEqual([])
  })

  it('masks a number read out in groups joined by の, or in kana and kanji words', () => {
    const cases: [string, string][] = [
      ['「080の3321の4409です」と口頭で', '080の3321の4409'],
      ['携帯は０７０ノ５５１２ノ８８３０', '０７０ノ５５１２ノ８８３０'],
      ['082の423の7781へ折り返し', '082の423の7781'],
      [
        '番号はゼロキューゼロ、よんよんななイチ、にーぜろはちさんです',
        'ゼロキューゼロ、よんよんななイチ、にーぜろはちさん',
      ],
      ['〇九〇の四四七一の二〇八三に連絡', '〇九〇の四四七一の二〇八三'],
      ['ぜろはちにいよんにいさんいちにいさんよんにかけ直す', 'ぜろはちにいよんにいさんいちにいさんよん'], // a fixed number: 10 digits, に after it is a particle
      ['まるきゅうまる いちにさんよん ごろくななはち', 'まるきゅうまる いちにさんよん ごろくななはち'],
    ]
    for (const [t, n] of cases) expect(of('phone', t), t).toEqual([n])
    // not phone numbers: too few digit words, no leading zero, an ordinary phrase with の
    for (const t of ['ゼロからやり直し', 'いちにさんしの体操', '2の3の4番地', '0の1の2で数える', '〇一二三'])
      expect(of('phone', t), t).toEqual([])
  })

  it('keeps a listed public number read out in words readable', () => {
    expect(
      of('phone', 'ゼロイチニーゼロ、きゅうごー、ゼロイチななはち', { keepPhones: ['0120-95-0178'] }),
    ).toEqual([])
  })
})

describe('a serial glued to a letter (round four, decision 0049)', () => {
  it('leaves a number written straight after a single letter to the card-number detector', () => {
    expect(found('製造番号X0912-4471-88の記載場所')).toEqual([['cardNumber', 'X0912-4471-88']])
    expect(of('phone', 'TEL0824201234まで')).toEqual(['0824201234'])
  })
})

describe('phone numbers as read out in the fresh4 dev split (round four)', () => {
  it('reads an area code in brackets after a space, the area code then digit by digit, and three separators in words', () => {
    expect(of('phone', '電話番号 082 (431) 2290')).toEqual(['082 (431) 2290'])
    expect(of('phone', '「080、3、3、1、7、7、0、2、9」と一桁ずつ')).toEqual(['080、3、3、1、7、7、0、2、9'])
    expect(of('phone', '携帯はゼロハチゼロの、さんさんいちなな、の、ななぜろにきゅう')).toEqual([
      'ゼロハチゼロの、さんさんいちなな、の、ななぜろにきゅう',
    ])
  })
})

describe('a phone number said in pieces (round four, from the fresh4 dev split)', () => {
  it('masks each piece after the word that says which it is, in a text about a phone number', () => {
    expect(of('phone', '携帯の下4桁は3344、上は080の1212')).toEqual(['3344', '080の1212'])
    expect(of('phone', '連絡先は、市外局番が084、続きが923の5511')).toEqual(['084', '923の5511'])
  })

  it('keeps a public number said in pieces, and counts, amounts, times and dates', () => {
    const keepPhones = ['082-420-0925']
    expect(of('phone', '市役所の電話、市外局番082、その後が420の0925', { keepPhones })).toEqual([])
    expect(of('phone', '電話は2回目、前は1000件')).toEqual([])
    expect(of('phone', '携帯の料金、前は3000円')).toEqual([])
    expect(of('phone', '折り返し電話、次は15時以降、前は12月に来庁')).toEqual([])
  })
})

describe('a last four digits alone (round four)', () => {
  it('stays: it names no one', () => {
    expect(of('phone', 'ご本人の携帯（末尾5678）、前は来庁済み')).toEqual([])
  })
})
