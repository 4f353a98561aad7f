import { describe, expect, it } from 'vitest'

import { found, of } from './helpers'

// Cases from misses and false alarms on the fresh DEV split (test/pii-fresh.dev.jsonl), written as
// new sentences, plus what must stay unmasked next to them.
describe('fixes from the fresh dev split', () => {
  it('reads ごお as 5 in a PIN spelt in kana', () => {
    expect(of('secret', '暗証番号はさんごおなないちのはず')).toEqual(['さんごおなないち'])
  })

  it('leaves 12 digits right after a letter to the card-number detector', () => {
    expect(found('証明書の番号：B1234-5678-9012')).toEqual([['cardNumber', 'B1234-5678-9012']])
    expect(of('myNumber', '個人番号 1234 5678 9018')).toEqual(['1234 5678 9018'])
  })

  it('takes a room number with a block letter (B-201) into the address', () => {
    expect(of('address', '八本松町原2-3 ハイツ原A-105')).toEqual(['八本松町原2-3 ハイツ原A-105'])
  })

  it('reads English birth dates after born/DOB, not other English dates', () => {
    expect(of('birthDate', 'She was born on July 21, 1968 in Kure')).toEqual(['July 21, 1968'])
    expect(of('birthDate', 'DOB 3 Feb 1990')).toEqual(['3 Feb 1990'])
    expect(of('birthDate', 'Appointment on December 5, 2025 at the branch')).toEqual([])
  })

  it('finds a kanji surname with a kana given name written together', () => {
    expect(of('name', '西川ちひろ様より入電')).toEqual(['西川ちひろ'])
    expect(of('name', '石原マサエさん（90歳）')).toEqual(['石原マサエ'])
    expect(of('name', '本日サトウ様から再度')).toEqual(['サトウ'])
  })

  it('finds hiragana full names, and full names after a label up to とのこと or a particle', () => {
    expect(of('name', 'いのうえ はなこ様の件')).toEqual(['いのうえ はなこ'])
    expect(of('name', '名前は小池 まゆみとのこと')).toEqual(['小池 まゆみ'])
    expect(of('name', 'お名前はなかむら ゆうさん')).toEqual(['なかむら ゆう'])
    expect(of('name', '代理人 久保 真一様')).toEqual(['久保 真一'])
    expect(of('name', '担当者 宮城が対応予定')).toEqual(['宮城'])
  })

  it('finds names before の母/の父 without an honorific, not うちの母 or 本人の父', () => {
    expect(of('name', 'ハマダ リクの母です')).toEqual(['ハマダ リク'])
    expect(of('name', '大野 みおの父から入電')).toEqual(['大野 みお'])
    expect(of('name', 'うちの母が申請したい')).toEqual([])
    expect(of('name', '本人の父から入電')).toEqual([])
  })

  it('finds English names after introductions and romanized honorifics of several words', () => {
    expect(of('name', 'My name is Laura Chen and I lost my card')).toEqual(['Laura Chen'])
    expect(of('name', 'The caller, Omar Farouk, asked about fees')).toEqual(['Omar Farouk'])
    expect(of('name', 'Le Thi Hoa-san called again')).toEqual(['Le Thi Hoa'])
    expect(of('name', 'caller anna weber asked about the PIN')).toEqual(['anna weber'])
    expect(of('name', 'This is City Hall, My Number Card section')).toEqual([])
    expect(of('name', 'caller then asked about fees')).toEqual([])
  })

  it('leaves label words and phrases alone', () => {
    expect(of('name', '法定代理人は当日に手続きできます')).toEqual([])
    expect(of('name', '名前はわからないが男性')).toEqual([])
    expect(of('name', '氏名は漢字が違う')).toEqual([])
  })
})
