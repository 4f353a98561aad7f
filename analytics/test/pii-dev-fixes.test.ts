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
})
