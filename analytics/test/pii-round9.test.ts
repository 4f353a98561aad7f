import { describe, expect, it } from 'vitest'

import { findPii } from '../src/pii'
import { expectLinear, of } from './helpers'

// Round nine (fresh9 as tuning data, decision 0072): each class of miss with an example written for
// this test, not taken from a corpus. The secret window rule is a rule: read with the tagger off.
const rules = { tagger: null }

describe('secrets, round nine: a value read out near a word of a secret, before or after it', () => {
  it('takes the value after a bare 番号 or a 4-digit length, whatever joins them', () => {
    expect(of('secret', '母の4けた 3・8・3・8 らしい', rules)).toEqual(['3・8・3・8'])
    expect(of('secret', 'いつもの番号、6071にしとる', rules)).toEqual(['6071'])
    // four digits alone after a bare 番号 are a PIN too (pii-secret's last part); five are not
    expect(of('secret', '番号？ 2580', rules)).toEqual(['2580'])
    expect(of('secret', '番号？ 25801', rules)).toEqual([])
    expect(of('secret', '番号？ 2・5・8・0', rules)).toEqual(['2・5・8・0'])
  })

  it('takes the value when the word of a secret comes after it', () => {
    expect(of('secret', '「5・0・5・0」…あれが父の暗証番号', rules)).toEqual(['5・0・5・0'])
  })

  it('reads katakana English, the old counting words and ひと/ふた as digits there', () => {
    expect(of('secret', '番号はフォー・ツー・ナイン・ワン、と言った', rules)).toEqual([
      'フォー・ツー・ナイン・ワン',
    ])
    expect(of('secret', '暗証は「ダブルスリー、ダブルエイト」やって', rules)).toEqual([
      'ダブルスリー、ダブルエイト',
    ])
    expect(of('secret', '暗証はみっつ、ななつ、ふたつ、ひとつ、やと', rules)).toEqual([
      'みっつ、ななつ、ふたつ、ひとつ',
    ])
    expect(of('secret', '暗証を「ふたまるまるさん」と読み上げた', rules)).toEqual(['ふたまるまるさん'])
  })

  it('takes none of another numbered thing, a count, a date, or a group of a longer number', () => {
    expect(of('secret', '整理券の番号 4821 でお呼びします', rules)).toEqual([])
    expect(of('secret', '番号は3番の窓口、2025年4月から', rules)).toEqual([])
    expect(of('secret', '電話の下4桁 5521 で照合', rules)).toEqual([])
    expect(findPii('番号は四二七〇の三三一七の二四五八です', { kinds: ['secret'], ...rules })).toEqual([])
    expect(of('secret', 'ひとつ、ふたつ、みっつと数えた', rules)).toEqual([])
  })
})

describe('secrets, round nine: the window rule on hostile input', () => {
  it('stays linear on a long run of digits, spaced digits, kana and katakana digits near a cue', () => {
    // (digit groups joined with no separator once let the pattern split one run in exponentially many ways)
    expectLinear(
      (s) => [
        `暗証番号 ${'1'.repeat(100_000 * s)}x`,
        `暗証 ${'1 '.repeat(100_000 * s)}x`,
        `番号、${'いちにさんよん、'.repeat(25_000 * s)}`,
        `暗証 ${'ワン・'.repeat(60_000 * s)}`,
      ],
      (t) => findPii(t, rules),
    )
  }, 60_000) // wall time on a loaded machine; the check itself is on CPU time
})

describe('secrets, round nine: a password spelled in hiragana', () => {
  it('takes letters and digits spelled in hiragana after a word of a secret, and no word of hiragana', () => {
    expect(of('secret', 'ぱすわーど は でぃー いー えむ わん つー です', rules)).toEqual([
      'でぃー いー えむ わん つー',
    ])
    expect(of('secret', '暗証番号を忘れた、あいさんに聞いた', { ...rules, kinds: ['secret'] })).toEqual([])
  })
})

describe('secrets, round nine: cue words and lists', () => {
  it('reads パス before a value and half-width katakana cue words', () => {
    expect(of('secret', '申請用のパス：hitomi42go', rules)).toEqual(['hitomi42go'])
    expect(of('secret', 'ﾊﾟｽﾜｰﾄﾞ：kaeru0808', rules)).toEqual(['kaeru0808'])
    expect(of('secret', 'バスで来た、パス2枚', rules)).toEqual([])
  })

  it('masks each value of a list of tries and of passwords listed with a slash', () => {
    expect(of('secret', 'ロックした、入れたのは1357、7531、1375', rules)).toEqual(['1357', '7531', '1375'])
    expect(of('secret', '署名用パスワードの候補：NAMIKI42／NAMIKI24', rules)).toEqual([
      'NAMIKI42',
      'NAMIKI24',
    ])
  })
})

describe('names, round nine', () => {
  it('takes a hiragana full name after a spaced self-introduction or なまえ は, as a speech recogniser writes', () => {
    expect(of('name', 'ASR：わたし は やまぐち ともえ です', rules)).toEqual(['やまぐち ともえ'])
    expect(of('name', 'なまえ は いしだ こうじ、でんわ は あとで', rules)).toEqual(['いしだ こうじ'])
    expect(of('name', 'わたし は きのう いった です', rules)).toEqual([])
  })
})
