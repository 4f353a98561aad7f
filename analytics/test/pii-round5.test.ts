import { describe, expect, it } from 'vitest'

import { found, of } from './helpers'

// Round five (rules from the misses on both halves of the fifth fresh corpus, both read and tuned on):
// each rule with an example of the same kind written for this test, not taken from a corpus.

describe('PINs and passwords, round five', () => {
  it('takes the current or the new value, and a correction, in a text about a PIN', () => {
    expect(of('secret', '暗証番号を忘れたので再設定。新しいのは6407で登録')).toEqual(['6407'])
    expect(of('secret', 'パスワードの変更を希望。今はharu1988xyz')).toEqual(['haru1988xyz'])
    expect(of('secret', '暗証番号はたぶん7731。いや、7713だったかも')).toEqual(['7731', '7713'])
    expect(of('secret', '暗証番号をロックされた。今は3回目の来庁')).toEqual([])
  })

  it('reads a bare 番号 from the start of the sentence of the first PIN cue', () => {
    expect(of('secret', '「いつも使う番号、2468です」と暗証番号のことを話された。')).toEqual(['2468'])
    // a 番号 in an earlier sentence, before anything about a PIN, stays the other detectors'
    expect(of('secret', '番号、2468の窓口へ。暗証番号の件です')).toEqual([])
  })

  it('goes on past a label the value is compared to', () => {
    expect(of('secret', '暗証番号は自宅の番号と同じ5120にしたとのこと')).toEqual(['5120'])
    expect(of('secret', '暗証番号は電話番号の下4桁')).toEqual([])
  })

  it('masks each number of a list of candidates on its own', () => {
    expect(of('secret', 'PINは4411、1144、4141のどれかと言われた')).toEqual(['4411', '1144', '4141'])
    expect(of('secret', '暗証番号は7、3、0、2です')).toEqual(['7、3、0、2'])
  })

  it('leaves a particle に before a verb out of a PIN in kana', () => {
    expect(of('secret', '暗証番号はさんろくななはちにしたと思う')).toEqual(['さんろくななはち'])
    expect(of('secret', '暗証番号はいちきゅうごにするつもり')).toEqual(['いちきゅうご'])
  })

  it('reads a four-digit PIN said with its place values', () => {
    expect(of('secret', '暗証番号は九千八十七だとのこと')).toEqual(['九千八十七'])
    expect(of('secret', '暗証番号の再発行は千円ですか')).toEqual([])
  })
})

describe('My Numbers said in pieces, round five', () => {
  it('masks one piece after the word that says which, and pieces of eight digits', () => {
    expect(of('myNumber', 'マイナンバーの末尾4桁が2291とだけ伝えられた')).toEqual(['2291'])
    expect(of('myNumber', '個人番号の上の8桁は5510 7382、残りは不明')).toEqual(['5510 7382'])
    expect(of('myNumber', 'マイナンバーの後ろ4桁だけ「8034」と言われた')).toEqual(['8034'])
    expect(of('myNumber', 'マイナンバーの件、次は2025年の更新')).toEqual([])
  })

  it('masks a shorter correction of the last digits', () => {
    expect(of('myNumber', 'マイナンバーは送った…いや、最後は482だったと訂正')).toEqual(['482'])
  })

  it('masks another 12 digits listed right after a My Number', () => {
    expect(found('マイナンバーが二つある。518213706402と518213706413')).toEqual([
      ['myNumber', '518213706402'],
      ['myNumber', '518213706413'],
    ])
  })
})

describe('names, round five', () => {
  it('takes a kanji surname glued to a longer hiragana given name after a label, without the copula', () => {
    expect(of('name', '氏名は石井しゅうへいで登録済み')).toEqual(['石井しゅうへい'])
    expect(of('name', 'お名前は、森本あつしで、漢字は後で確認')).toEqual(['森本あつし'])
    // a given name that starts like a particle only after a common surname
    expect(of('name', '名前は、小林はるなです')).toEqual(['小林はるな'])
  })

  it('masks how the kanji of a name are spelled out', () => {
    expect(of('name', '名前は森本あつし、漢字は森林の森に本棚の本')).toEqual(['森本あつし', '森林の森に本棚の本'])
    expect(of('name', 'くぼた様、くぼたは久しいの久に保険の保に田')).toEqual([
      'くぼた',
      'くぼた',
      '久しいの久に保険の保に田',
    ])
    expect(of('name', '窓口は市役所の前に東館の奥です')).toEqual([])
  })

  it('takes a full name after フルネーム and カナ, and in brackets after 本人', () => {
    expect(of('name', 'ハヤシ様（フルネーム：林 さゆり）')).toEqual(['ハヤシ', '林 さゆり'])
    expect(of('name', 'カナはコバヤシユウト、漢字は未確認')).toEqual(['コバヤシユウト'])
    expect(of('name', '本人（吉川 なお、中学生）の申請')).toEqual(['吉川 なお'])
    expect(of('name', 'カナは不要とのこと')).toEqual([])
    expect(of('name', 'ご本人（渡辺様）が来庁')).toEqual(['渡辺'])
  })

  it('takes a full name before who the person is in brackets', () => {
    expect(of('name', '木下 ゆうこ（本人）から電話')).toEqual(['木下 ゆうこ'])
    expect(of('name', '申請書（本人）を提出')).toEqual([])
  })

  it('takes a name after a relative and a pause, and a hiragana full name after a relative', () => {
    expect(of('name', '亡くなった母、佐々木ふみえの手続き')).toEqual(['佐々木ふみえ'])
    expect(of('name', '弟のおかべ しんじの代理で来庁')).toEqual(['おかべ しんじ'])
    expect(of('name', '父、本人確認書類を持参')).toEqual([])
  })
})
