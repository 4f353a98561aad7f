import { describe, expect, it } from 'vitest'

import { editDistance, suggest } from '../src/lib/search/suggest'

describe('suggest', () => {
  it('offers a known term one character away', () => {
    expect(suggest('暗唱番号', ['暗証番号', 'パスワード', '更新'])).toEqual(['暗証番号'])
  })
  it('offers nothing for unrelated or very short text', () => {
    expect(suggest('天気予報', ['暗証番号', '更新'])).toEqual([])
    expect(suggest('a', ['ab'])).toEqual([])
  })
  it('editDistance', () => {
    expect(editDistance('kitten', 'sitting', 5)).toBe(3)
    expect(editDistance('マイナンバー', 'マイナンバー', 1)).toBe(0)
  })
})
