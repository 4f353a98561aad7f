import { describe, expect, it } from 'vitest'

import { findBoldSpacing } from '../src/markdown/boldSpacing'

describe('findBoldSpacing: a gap between Japanese text and bold', () => {
  it('finds a space before or after bold next to Japanese, with its line', () => {
    expect(findBoldSpacing('作れます。\n**1歳未満** の方は **顔写真なし**のカードです。')).toEqual([
      { line: 2, text: '**1歳未満**' },
      { line: 2, text: '**顔写真なし**' },
    ])
    expect(findBoldSpacing('「の　**どちらか一方**を」')).toHaveLength(1) // an ideographic space too
  })

  it('leaves bold without spaces, list markers, English, tables and code alone', () => {
    const markdown = [
      '- **24時間365日**受け付けています。',
      '受け取りは原則**ご本人の来庁**です。',
      'It is **free** of charge.',
      '| **種類** | 桁 |',
      '```',
      '本人 **確認** です',
      '```',
    ].join('\n')
    expect(findBoldSpacing(markdown)).toEqual([])
  })
})
