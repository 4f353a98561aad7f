import { describe, expect, it } from 'vitest'

import { masked, of } from './helpers'

describe('e-mail addresses', () => {
  it('masks addresses in half and full width, with plus, dots, hyphens and subdomains', () => {
    expect(masked('a.b+c@example.co.jp まで')).toBe('［メール］ まで')
    expect(masked('ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ')).toBe('［メール］')
    expect(masked('taro＠example.jp')).toBe('［メール］')
    expect(masked('メール:k-sato_01@mail.city.example.lg.jp。')).toBe('メール:［メール］。')
  })

  it('masks addresses with the @ spelt out', () => {
    expect(of('email', 'yamada(at)example.com')).toEqual(['yamada(at)example.com'])
    expect(of('email', 'yamada [at] example.com')).toEqual(['yamada [at] example.com'])
  })

  it('masks addresses read out: アットマーク, ドット, at, dot', () => {
    expect(masked('アドレスは sato.k アットマーク example ドットコム です')).toBe(
      'アドレスは ［メール］ です',
    )
    expect(masked('taro ドット yamada あっとまーく docomo ドット ne ドット jp に送信')).toBe(
      '［メール］ に送信',
    )
    expect(masked('mika99アットマークgmailドットコムとのこと')).toBe('［メール］とのこと')
    expect(masked('it is john dot lee at gmail dot com')).toBe('it is ［メール］')
    expect(masked('hana_m アット mail.example.co.jp')).toBe('［メール］')
  })

  it('does not swallow a sentence-final period or surrounding Japanese', () => {
    expect(of('email', 'アドレスはhanako@example.jp.です')).toEqual(['hanako@example.jp'])
  })

  it('leaves incomplete addresses and talk about e-mail alone', () => {
    for (const t of [
      'abc@def',
      '@マークの入力方法',
      'メールアドレスの登録',
      'user@localhost',
      'アットマークの入力方法',
      'ドットコムのサイト',
      'look at the card',
      'arrived at 3 dot com',
      'Gmail アットマーク',
    ])
      expect(masked(t), t).toBe(t)
  })
})

describe('an address read out part by part in kana (round four, from the fresh4 dev split)', () => {
  it('masks it after a mail word or in quotes, with アットマーク and a spoken top-level domain', () => {
    expect(of('email', 'メールはたろう、アットマーク、ドコモ、ドット、ネ、ドット、ジェーピーです')).toEqual([
      'たろう、アットマーク、ドコモ、ドット、ネ、ドット、ジェーピー',
    ])
    expect(of('email', 'アットマークの入力方法を教えてほしい、ドットコムのサイト')).toEqual([])
  })
})
