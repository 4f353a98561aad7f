import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'

import { foldMachineDependent, isSafeChar, readFaqCsv, unsafeChars, writeFaqCsv } from '../src/csv/index'
import { CITY, known, record } from './csv-helpers'

describe('機種依存文字', () => {
  it.each([
    ['①の手順', '（1）の手順'],
    ['⑳', '（20）'],
    ['㈱東広島', '(株)東広島'],
    ['ｶﾞｲｺｸｼﾞﾝ', 'ガイコクジン'],
    ['ﾏｲﾅﾝﾊﾞｰｶｰﾄﾞ', 'マイナンバーカード'],
    ['Ⅲ型', 'III型'],
    ['ⅲ', 'iii'],
    ['㍻31年', '平成31年'],
    ['10㌔', '10キロ'],
    ['№5 ℡', 'No5 TEL'],
    ['髙橋さん 﨑', '高橋さん 崎'],
    ['9時〜17時', '9時～17時'],
    ['A—B −1', 'A―B －1'],
    ['café', 'cafe'],
  ])('%s → %s', (input, output) => {
    const { text, folds } = foldMachineDependent(input)
    expect(text).toBe(output)
    expect(folds.length).toBeGreaterThan(0)
    expect(unsafeChars(text)).toEqual([])
  })

  it('leaves JIS X 0208 text alone: full-width digits, ～, ；, （）, ―, 「」, ≒', () => {
    const text = '１，０００円（税込）；9時～17時 ― 「マイナ保険証」≒ 健康保険証 ＼ ￥'
    expect(foldMachineDependent(text)).toEqual({ text, folds: [] })
  })

  it('what has no stand-in becomes 〓 and is reported with line and column', () => {
    expect(foldMachineDependent('OK😀').text).toBe('OK〓')
    const { warnings, bytes } = writeFaqCsv([record({ question: '絵文字😀は？', alternatives: ['a', '𩸽'] })])
    expect(warnings).toEqual([
      { line: 2, column: '質問', message: expect.stringContaining('「😀」(U+1F600)') },
      { line: 2, column: '言い換え', message: expect.stringContaining('U+29E3D') },
    ])
    expect(bytes.toString('utf8')).toContain('絵文字〓は？')
  })

  it('no export contains an unsafe character, in UTF-8 or Shift_JIS, and Shift_JIS loses nothing', () => {
    const nasty = '①②③㈱㈲ｱｲｳｴｵﾊﾟ髙﨑Ⅰ㍉㌢∮∟⊿〜−—‖¢£¬¥·é😀\u0007'
    const records = [
      record({
        question: `質問${nasty}`,
        alternatives: [nasty, 'x'],
        shortAnswer: nasty.slice(0, 20),
        answer: `${nasty}\n${nasty}`,
      }),
    ]
    const utf8 = writeFaqCsv(records, 'utf8').bytes.subarray(3).toString('utf8')
    expect(unsafeChars(utf8.replace(/\r\n/g, ''))).toEqual([])
    const sjis = writeFaqCsv(records, 'shift_jis').bytes
    expect(iconv.decode(sjis, 'cp932')).toBe(utf8)
    // and every double-byte character of the Shift_JIS file is in JIS X 0208 (no NEC/IBM rows)
    for (let i = 0; i < sjis.length; i++) {
      const b = sjis[i]!
      if (b < 0x80) continue
      expect(b >= 0xa1 && b <= 0xdf, `half-width kana byte at ${i}`).toBe(false)
      expect(
        (b >= 0x81 && b <= 0x84) || (b >= 0x88 && b <= 0x9f) || (b >= 0xe0 && b <= 0xea),
        `lead byte 0x${b.toString(16)} at ${i}`,
      ).toBe(true)
      i++
    }
  })

  it('an exported file reads back as the folded text', () => {
    const { bytes } = writeFaqCsv([record({ question: '①と②のどちらですか？ｶｰﾄﾞ' })], 'shift_jis')
    const read = readFaqCsv(bytes, { city: CITY, known })
    expect(read.problems).toEqual([])
    expect(read.rows[0]!.question).toBe('（1）と（2）のどちらですか？カード')
  })

  it('isSafeChar: ASCII printable and JIS X 0208 only', () => {
    for (const c of ['a', '~', '\\', 'あ', '亜', '熙', '～', '∥']) expect(isSafeChar(c), c).toBe(true)
    for (const c of ['\u0000', '\t', '①', 'ｱ', '髙', '〜', '¥', '😀']) expect(isSafeChar(c), c).toBe(false)
  })
})
