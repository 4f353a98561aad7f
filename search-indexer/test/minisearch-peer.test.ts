import { describe, expect, it } from 'vitest'

import { MiniSearchPeer, peerTokens } from '../src/eval/minisearch-peer'

describe('the MiniSearch peer baseline', () => {
  it('tokenizes with Intl.Segmenter after NFKC and drops particle-only words', () => {
    const tokens = peerTokens('ＡＢＣのカードを更新したいです')
    expect(tokens).toContain('abc')
    expect(tokens).toContain('カード')
    expect(tokens).not.toContain('の')
    expect(tokens).not.toContain('を')
  })

  it('ranks the document sharing the query words first and nothing for unknown words', () => {
    const peer = new MiniSearchPeer([
      { id: 'fee', question: '手数料はいくらですか', answer: '無料です' },
      { id: 'lost', question: 'カードを紛失しました', answer: '一時停止の電話をしてください' },
    ])
    expect(peer.rank('カード 紛失')[0]).toBe('lost')
    expect(peer.rank('手数料')[0]).toBe('fee')
    expect(peer.rank('宇宙旅行')).toEqual([])
  })
})
