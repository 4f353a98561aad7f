import { describe, expect, it } from 'vitest'

import { offtopicSetsToPrint } from '../src/eval/test-reads'

const ALL = ['offtopic', 'offtopic2', 'offtopic11', 'offtopic12']

describe('which off-topic sets an eval run prints', () => {
  it('the dev split prints every off-topic set', () => {
    expect(offtopicSetsToPrint('dev', ['golden'], ALL)).toEqual(ALL)
  })

  it('the test split prints only the rounds named, so a later round’s held-out half is not read by the way', () => {
    expect(offtopicSetsToPrint('test', ['golden', 'colloquial11'], ALL)).toEqual(['offtopic11'])
    expect(offtopicSetsToPrint('test', ['colloquial'], ALL)).toEqual(['offtopic'])
    expect(offtopicSetsToPrint('test', ['golden'], ALL)).toEqual([])
  })
})
