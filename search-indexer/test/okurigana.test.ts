import { describe, expect, it } from 'vitest'

import { createAnalyzer } from '../src/analyzer/analyzer'
import { foldOkurigana } from '../src/analyzer/okurigana'

describe('okurigana folding', () => {
  it('gives 申し込み, 申込み and 申込 the same form and tokens', () => {
    expect(foldOkurigana('申し込み')).toBe('申込')
    expect(foldOkurigana('申込み')).toBe('申込')
    expect(foldOkurigana('申込')).toBe('申込')
    const a = createAnalyzer()
    const sorted = (s: string) => [...new Set(a.documentTokens(s))].sort()
    expect(sorted('申し込み')).toEqual(sorted('申込'))
    expect(sorted('申込み')).toEqual(sorted('申込'))
  })
  it('folds other common variants', () => {
    expect(foldOkurigana('引っ越し')).toBe('引越')
    expect(foldOkurigana('受け付け')).toBe('受付')
    expect(foldOkurigana('受け取り')).toBe('受取')
    expect(foldOkurigana('問い合わせ先')).toBe('問合先')
    expect(foldOkurigana('手続きを')).toBe('手続を')
  })
  it('never removes particles or katakana', () => {
    expect(foldOkurigana('市役所で申請')).toBe('市役所で申請')
    expect(foldOkurigana('住所の変更')).toBe('住所の変更')
    expect(foldOkurigana('マイナンバーカード')).toBe('マイナンバーカード')
  })
})
