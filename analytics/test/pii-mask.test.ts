import { describe, expect, it } from 'vitest'

import { findPii, foldWidth, maskPii, PII_KINDS, PII_PLACEHOLDERS } from '../src/pii'
import { cpuMs, found, masked } from './helpers'

describe('maskPii', () => {
  it('replaces each finding with its typed placeholder and keeps the rest', () => {
    const t =
      '佐藤さん（090-1234-5678）東広島市西条栄町8番29号、生年月日S50.3.4、a@example.jp、〒739-8601、個人番号123456789018'
    expect(masked(t)).toBe(
      '［氏名］さん（［電話番号］）［住所］、生年月日［生年月日］、［メール］、［郵便番号］、個人番号［個人番号］',
    )
  })

  it('reports findings with offsets into the input, sorted and never overlapping', () => {
    const t = '電話 ０８２－４２０－０９２５ 山田様'
    const { findings } = maskPii(t)
    expect(findings).toEqual([
      { kind: 'phone', start: 3, end: 15 },
      { kind: 'name', start: 16, end: 18 },
    ])
    expect(t.slice(3, 15)).toBe('０８２－４２０－０９２５')
  })

  it('keeps offsets right around characters outside the BMP', () => {
    const t = '𠮷田さん 090-1234-5678'
    const [phone] = findPii(t).filter((f) => f.kind === 'phone')
    expect(t.slice(phone!.start, phone!.end)).toBe('090-1234-5678')
  })

  it('gives an overlap to the stronger kind', () => {
    // a valid My Number is also 12 digits a phone pattern could not take; an e-mail beats a name inside it
    expect(found('Maria.Santos@example.com')).toEqual([['email', 'Maria.Santos@example.com']])
    expect(found('1234-5678-9018')).toEqual([['myNumber', '1234-5678-9018']])
  })

  it('is idempotent', () => {
    for (const t of [
      '山田様 090-1234-5678',
      '生年月日 ［生年月日］ 予約 R8.1.5',
      '［氏名］さん',
      '住所は［住所］',
      '氏名：［氏名］',
    ]) {
      const once = masked(t)
      expect(masked(once), t).toBe(once)
    }
    expect(masked('［氏名］様 ［電話番号］')).toBe('［氏名］様 ［電話番号］')
  })

  it('masks only the kinds asked for', () => {
    expect(masked('山田様 090-1234-5678', { kinds: ['phone'] })).toBe('山田様 ［電話番号］')
    expect(masked('山田様 090-1234-5678', { kinds: [] })).toBe('山田様 090-1234-5678')
  })

  it('handles several lines, empty text and placeholders for every kind', () => {
    expect(masked('山田様\n090-1234-5678\n')).toBe('［氏名］様\n［電話番号］\n')
    expect(masked('')).toBe('')
    expect(new Set(PII_KINDS.map((k) => PII_PLACEHOLDERS[k])).size).toBe(PII_KINDS.length)
  })

  it('folds width one character for one', () => {
    const t = '０９０ー１２３４ー５６７８　ＡＢＣ＠ｅｘ．ｊｐ'
    expect(foldWidth(t)).toBe('090-1234-5678 ABC@ex.jp')
    expect(foldWidth(t)).toHaveLength(t.length)
    expect(foldWidth('コーポ')).toBe('コーポ')
    expect(foldWidth('ｻﾄｳ ｶﾞｲﾄﾞ･ﾌﾞｯｸ')).toBe('サトウ カ゛イト゛・フ゛ック')
    expect(foldWidth('ｻﾄｳ ｶﾞｲﾄﾞ･ﾌﾞｯｸ')).toHaveLength('ｻﾄｳ ｶﾞｲﾄﾞ･ﾌﾞｯｸ'.length)
  })

  it('lets no control or zero-width character hide a number, an address or a name', () => {
    const cases: [string, string][] = [
      ['電話090\u00001234\u00005678', '電話［電話番号］'],
      ['携帯0\u200b8\u200b0\u200b9\u200b9\u200b1\u200b2\u200b3\u200b4\u200b0\u200b0', '携帯［電話番号］'],
      ['マイナンバー1234\u200b5678\u200b9012', 'マイナンバー［個人番号］'],
      ['\ufeff1234\u00075678\u00079018', '\ufeff［個人番号］'],
      ['taro\u200d@example.com', '［メール］'],
      ['田\u0000中\u0000太郎様', '［氏名］様'],
      ['090\t1234\t5678', '［電話番号］'],
      ['東広島市西条町\u00ad助実1108\u200b-2', '［住所］'],
    ]
    for (const [t, want] of cases) expect(maskPii(t).text, JSON.stringify(t)).toBe(want)
    const line = `${'\u0000'.repeat(500_000)}電話090-1234-5678${'\u200b'.repeat(500_000)}`
    expect(maskPii(line).text).toBe(`${'\u0000'.repeat(500_000)}電話［電話番号］${'\u200b'.repeat(500_000)}`)
  })

  it('stays fast on long and hostile input', () => {
    const cpu = cpuMs(() => {
      for (const t of [
        '東'.repeat(50_000),
        '1 '.repeat(25_000),
        '町1-'.repeat(15_000),
        '山田さん'.repeat(10_000),
        `${'a.'.repeat(25_000)}@`,
      ])
        maskPii(t)
      // patterns that once went quadratic: romaji words joined by hyphens, spoken e-mail parts, names after relatives
      for (const t of [
        'Ab-'.repeat(20_000),
        'aドット'.repeat(20_000),
        'a at b dot '.repeat(10_000),
        '母の田中 '.repeat(10_000),
        '1-2-3 Aa, '.repeat(5_000),
        'Mr A'.repeat(20_000),
      ])
        maskPii(t)
    })
    expect(cpu).toBeLessThan(2_000)
  })

  // a budget far above the linear time (about 1 s on a shared core) and far below a quadratic one (minutes)
  it('stays fast on hostile repeats of the third round’s shapes', { timeout: 20_000 }, () => {
    const cpu = cpuMs(() => {
      for (const t of [
        'ゼロ、'.repeat(30_000),
        'ぜろにいのさん・'.repeat(12_000),
        '〇九〇の'.repeat(25_000),
        '090の1の'.repeat(16_000),
        'しょうわ じゅうねん の'.repeat(8_000),
        '、あいう えおかの件'.repeat(10_000),
        'あいう えおの長女、'.repeat(10_000),
        '母佐藤'.repeat(30_000),
        'Aa-shi Bb-cho Cc 1-'.repeat(5_000),
        'Room 1, '.repeat(12_000),
        '町1-2、ハイツ原 A棟'.repeat(8_000),
        '1234-'.repeat(20_000),
      ])
        maskPii(t)
    })
    expect(cpu).toBeLessThan(6_000)
  })

  it('stays fast on hostile repeats of the fourth round’s shapes', { timeout: 20_000 }, () => {
    const cpu = cpuMs(() => {
      for (const t of [
        '暗証番号ですか。えっと、'.repeat(10_000),
        'パスワードはエー、ビー、'.repeat(10_000),
        'エー、1、ビー、'.repeat(15_000),
        'PIN is one two '.repeat(8_000),
        'typed 1 2 '.repeat(12_000),
        '暗証番号は1の…2、'.repeat(10_000),
        'マイナンバーはいちにさん、'.repeat(8_000),
        '旧姓は坂口、現在は'.repeat(10_000),
        'フリガナ漢字は'.repeat(12_000),
        'やまだ、やまの山に'.repeat(10_000),
        '山田様（やまだ）'.repeat(10_000),
        'Li Wei from the a b c '.repeat(5_000),
        '〒なしで'.repeat(25_000),
        'X0912-'.repeat(15_000),
        // the follow-ups from the fresh4 dev split
        '暗証番号は最初が1で'.repeat(10_000),
        '入れたのは1、'.repeat(15_000),
        '「1、2、3」で暗証'.repeat(10_000),
        '兄の雄一郎の'.repeat(15_000),
        '甥っ子の翼'.repeat(15_000),
        '「山田 太郎'.repeat(15_000),
        'ヤマダ タロウ '.repeat(12_000),
        '東広島市の、'.repeat(15_000),
        '町の、1の2'.repeat(15_000),
        '在留カード番号エー、ケー、4、'.repeat(8_000),
        '電話の下4桁は1234、前は090の'.repeat(8_000),
        'マイナンバーは最初が1234、'.repeat(10_000),
        'マイナンバー1234 5678 9018、いや1234'.repeat(6_000),
        '「あ、ドット、い、アットマーク、う、ドット、'.repeat(6_000),
      ])
        maskPii(t)
    })
    expect(cpu).toBeLessThan(6_000)
  })

  it('masks 140,000 typed PINs in one 1 MB line without overflowing the stack', { timeout: 30_000 }, () => {
    const typed = '1234を入れ'.repeat(140_000)
    const out = maskPii(typed)
    expect(out.findings).toHaveLength(140_000)
    expect(out.text).not.toMatch(/\d/)
  })
})
