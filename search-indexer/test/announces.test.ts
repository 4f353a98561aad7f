import { beforeAll, describe, expect, it } from 'vitest'

import { announcesOnly } from '../src/analyzer/announces'
import { loadContentIndex, loadSiteIndex } from '../src/cli/content-index'
import { loadSerializedIndex, serializeIndex } from '../src/engine/persist'
import type { SearchIndex } from '../src/engine/search-index'

// Written for this test (not taken from a question set): how callers open a call.
const OPENERS = [
  'ちょっとお伺いしたいんですけど',
  '質問があるんですが',
  'カードのことで聞きたいことがあって',
  '案内が来たんですけど',
  'あ、もしもし。すみません、ちょっとお伺いしたいんですけど。',
  'あのー、マイナンバーカードのことで聞きたいことがあって。',
  '電子証明書の件でお電話しました',
  '引っ越しのことで相談があるんじゃけど',
  'マイナンバーカードのことなんですけど',
  '市からお知らせが届いたんですが',
  'えーと、手続きのことでちょっと確認したいことがありまして',
  'ＰＩＮのことで質問なんですけど…',
  // A topic in kana, and English.
  'まいなんばーかーどのことでききたいんですけど',
  'ほけんしょうのことでおうかがいしたいんですが',
  'かーどのけんででんわしました',
  'Hello, I have a question about my My Number card',
  'I’m calling about my card.',
  'Excuse me, can I ask a question?',
]

// A real ask: a verb of the caller's own, a question word, an object, something after the opener.
const ASKS = [
  '暗証番号を忘れたんですけど',
  '更新の案内が来たんですがどうすれば',
  'カードを落としたので聞きたいんですが',
  'どこで更新できるか聞きたいんですけど',
  '受け取りの時の持ち物を聞きたいです',
  'マイナンバーカードのことで聞きたいことがあって、暗証番号はどこで変えられますか',
  '電話したんですけど繋がらないんです',
  'カードです',
  'かーどをなくしたことについてききたい',
  'あんしょうばんごうをわすれたのでききたい',
  'I want to ask about how to renew',
  "I'm calling because I lost my card",
  'I have a question about my card, how much is it',
  'I lost my card',
  '暗証番号',
  '',
]

let desk: SearchIndex
let site: SearchIndex
beforeAll(async () => {
  desk = (await loadContentIndex()).index
  site = loadSerializedIndex(serializeIndex((await loadSiteIndex()).index))
}, 120_000)

describe('a query that only announces a question (announces.ts)', () => {
  it.each(OPENERS)('announces only: %s', (q) => expect(announcesOnly(q)).toBe(true))
  it.each(ASKS)('asks something: %s', (q) => expect(announcesOnly(q)).toBe(false))

  it('drawn-out fillers in a row still open a call, and hostile runs are answered at once (no exponential backtracking)', () => {
    expect(announcesOnly('あーー、えーーっと、あのーー、ええ、カードのことで聞きたいんですけど')).toBe(true)
    // Each of these took seconds to minutes when a filler could end in ー and ー was a separator too;
    // the test's own time limit (5 s) is the check.
    const hostile = [
      `${'あーー'.repeat(26)}聞きたい？どうすれば`,
      `${'あのーー、'.repeat(16)}聞きたい？`,
      `${'ええ'.repeat(40)}x`,
      `カ${'ー'.repeat(76)}のことで聞きたい？`,
      `${'あーー'.repeat(50_000)}聞きたいんですけど`,
      `${'かー'.repeat(39)}のことで聞きたい？`,
      `${'um '.repeat(25)}i have a question about ${'card '.repeat(4)}how`,
      `hello ${'a'.repeat(60)} i have a question?x`,
    ]
    for (const q of hostile) expect(announcesOnly(q)).toBe(false)
  })

  it('is not sure on the desk or the site, however well its words match; a real ask still is', () => {
    for (const index of [desk, site]) {
      const opener = index.answer('マイナンバーカードのことで聞きたいことがあって', { kinds: ['faq'] })
      // The closest topics are still listed (the site shows them); only the sureness goes.
      expect(opener.hits.length).toBeGreaterThan(0)
      expect(opener).toMatchObject({ sure: false, confidence: 0 })
      const ask = index.answer('暗証番号を忘れたんですけど', { kinds: ['faq'] })
      expect(ask.sure).toBe(true)
      expect(ask.hits[0]!.id).toBe('pin-forgot')
    }
  })
})
