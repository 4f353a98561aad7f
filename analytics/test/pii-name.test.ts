import { describe, expect, it } from 'vitest'

import { masked, of } from './helpers'

describe('personal names', () => {
  it('masks names before honorifics, in kanji, kana and roman letters', () => {
    expect(masked('山田太郎様から')).toBe('［氏名］様から')
    expect(masked('石井さんより')).toBe('［氏名］さんより')
    expect(masked('中村 一郎様')).toBe('［氏名］様')
    expect(masked('林さん')).toBe('［氏名］さん')
    expect(masked('藤井氏より')).toBe('［氏名］氏より')
    expect(masked('健太くん')).toBe('［氏名］くん')
    expect(masked('さとう様')).toBe('［氏名］様')
    expect(masked('ジョン・スミスさん')).toBe('［氏名］さん')
    expect(masked('グエン ヴァン アン様')).toBe('［氏名］様')
    expect(masked('Maria Santosさん')).toBe('［氏名］さん')
    expect(masked('NGUYEN VAN AN様')).toBe('［氏名］様')
    expect(masked('小川 さくらさん')).toBe('［氏名］さん')
    expect(masked('Tanaka-san')).toBe('［氏名］-san')
  })

  it('masks names in self-introductions, after labels and after titles', () => {
    expect(masked('鈴木と申します')).toBe('［氏名］と申します')
    expect(masked('わたなべといいます')).toBe('［氏名］といいます')
    expect(masked('パク・ジミンと言います')).toBe('［氏名］と言います')
    expect(masked('お名前は高橋花子、')).toBe('お名前は［氏名］、')
    expect(masked('氏名：小川 さくら')).toBe('氏名：［氏名］')
    expect(masked('フリガナ：ヤマザキ タロウ')).toBe('フリガナ：［氏名］')
    expect(masked('Name: Tran Van Long')).toBe('Name: ［氏名］')
    expect(masked('Ms. Emily Brown called')).toBe('Ms. ［氏名］ called')
  })

  it('masks a reading or spelling given in brackets too', () => {
    expect(masked('佐藤（さとう）様')).toBe('［氏名］（［氏名］）様')
    expect(masked('グエン・ヴァン・ナム（Nguyen Van Nam）さん')).toBe('［氏名］（［氏名］）さん')
  })

  it('masks common surnames without honorific where the sentence says they are a person', () => {
    expect(masked('小林です。')).toBe('［氏名］です。')
    expect(masked('市民課 西村が対応')).toBe('市民課 ［氏名］が対応')
    expect(masked('渡辺から電話あり')).toBe('［氏名］から電話あり')
    expect(masked('田中課長に確認')).toBe('［氏名］課長に確認')
    expect(masked('折返し 090-1234-5678 山本')).toBe('折返し ［電話番号］ ［氏名］')
  })

  it('reads half-width katakana, full-width roman letters and readings in brackets', () => {
    expect(masked('ｻﾄｳ様')).toBe('［氏名］様')
    expect(masked('氏名 ｲﾄｳ ﾀﾛｳ')).toBe('氏名 ［氏名］')
    expect(masked('ＬＥＥ　ＳＵＮＧ　ＨＯ様')).toBe('［氏名］様')
    expect(masked('田中 太郎（たなか たろう）さん')).toBe('［氏名］（［氏名］）さん')
    expect(masked('John（ジョン）さん')).toBe('［氏名］（［氏名］）さん')
  })

  it('finds a name after a label past a relative, and a surname before 宅 or between particles', () => {
    expect(of('name', '代理人：長男 佐藤健一')).toEqual(['佐藤健一'])
    expect(of('name', '佐々木宅に郵送')).toEqual(['佐々木'])
    expect(of('name', '内線1234の田村に転送')).toEqual(['田村'])
    expect(of('name', '岡本様方')).toEqual(['岡本'])
  })

  it('cuts time words, relatives and offices off the name', () => {
    expect(of('name', '本日山田さんから')).toEqual(['山田'])
    expect(of('name', '長男太郎さん')).toEqual(['太郎'])
    expect(of('name', '市民課田中さんへ')).toEqual(['田中'])
  })

  it('masks a full name written straight after a label, after 本人確認 and after a relative', () => {
    expect(masked('氏名岡部 ユキ、来庁予定')).toBe('氏名［氏名］、来庁予定')
    expect(masked('お客様名小松 ひろし、折り返し希望')).toBe('お客様名［氏名］、折り返し希望')
    expect(masked('申請者田中ゆうこ、代理人なし')).toBe('申請者［氏名］、代理人なし')
    expect(masked('本人確認：片山 りょう、住所一致')).toBe('本人確認：［氏名］、住所一致')
    expect(masked('本人Pham Van Long、在留期限内')).toBe('本人［氏名］、在留期限内')
    expect(masked('父の高田 ノボルの代理で来庁')).toBe('父の［氏名］の代理で来庁')
    expect(masked('妻の松井 由美が受け取る')).toBe('妻の［氏名］が受け取る')
    expect(masked('旧姓は岩田とのこと')).toBe('旧姓は［氏名］とのこと')
    expect(masked('名前は、おかだ みのる')).toBe('名前は、［氏名］')
    expect(masked('母は山下 さち子、施設に入所')).toBe('母は［氏名］、施設に入所')
    expect(masked('長女 小島 翔')).toBe('長女 ［氏名］')
    expect(masked('北原トシ江様の代理')).toBe('［氏名］様の代理') // katakana given name ending in kanji
  })

  it('masks a name again wherever it stands once found, and its surname', () => {
    expect(masked('タカハシです、タカハシ ジロウの妻です')).toBe('［氏名］です、［氏名］の妻です')
    expect(masked('Ms. Okafor called; Okafor will come on Monday')).toBe(
      'Ms. ［氏名］ called; ［氏名］ will come on Monday',
    )
  })

  it('masks romaji names that start an English report or stand in a Japanese line', () => {
    expect(masked('Olga Petrova asked about the fee')).toBe('［氏名］ asked about the fee')
    expect(masked('Thanks. Chen Jie wants the form in English')).toBe(
      'Thanks. ［氏名］ wants the form in English',
    )
    expect(masked('Pham Thi Lan、電話あり、在留カード持参')).toBe('［氏名］、電話あり、在留カード持参')
    expect(masked('Tran Van An (the caller) asked for help')).toBe('［氏名］ (the caller) asked for help')
    expect(masked('Kenji Mori, the son, phoned')).toBe('［氏名］, the son, phoned')
    expect(masked('The applicant is Sofia Ruiz')).toBe('The applicant is ［氏名］')
    expect(masked("The caller's son Ali Khan will come")).toBe("The caller's son ［氏名］ will come")
  })

  it('leaves words that only look like names alone', () => {
    for (const t of [
      '母の実家に送る',
      '父の手続きをしたい',
      '息子の受取予約について',
      '本人確認書類などを持参',
      '母の介護 認定の件',
      '母は仕事 なので来られない',
      '住所、氏名、生年月日、性別の4情報',
      'A Number Card is issued',
      '氏名変更の手続き',
      'The City Hall is closed on Sunday',
      'Each KPI is a rate',
      'Google Play で入手',
      'マイナポータルは Apple Store から',
      'My Number Card の申請',
      'Saijo Branch Office に行く',
    ])
      expect(masked(t), t).toBe(t)
  })

  it('leaves roles, relatives, offices and set phrases alone', () => {
    for (const t of [
      'お客様',
      '皆さん',
      '皆様へ',
      '市民課さんへ転送',
      '郵便局さん',
      '窓口の方',
      '息子さん',
      'お子さん',
      'お母さん',
      'ご主人様',
      '奥様',
      'お孫さん',
      '大家さん',
      '担当者様',
      'ケアマネさん',
      'ドコモショップさん',
      'デジタル庁さん',
      '医療機関さん',
      '同様の問い合わせ',
      '所定様式',
      '仕様変更',
      'お疲れ様です',
      'ご苦労様',
      '氏名欄',
      '本人氏名',
      'ちゃんと届いた',
      'さまざまな書類',
      '名前は言いたくない',
      '名前は不明',
      '代理人は長女',
      'これを個人番号カードといいます',
      '本人確認を身元確認といいます',
      '法定代理人が同行',
      'name: 東広島市',
      '以上です。',
      '山田太郎（例）',
      '千葉',
      'NTTさん',
      'JAさん',
      'KDDIさん',
      'イオンさん',
      'ゆめタウンさん',
      'ヤマト運輸さん',
      '長女様より',
      'おじいさまのカード',
      'みなさまへ',
      'ゆうちょ銀行さん',
      '方法',
    ])
      expect(masked(t), t).toBe(t)
  })

  it('finds a full name before の長女/の母 and a comma or は, and one glued after a relative', () => {
    expect(of('name', '松井 ゆりえの長女と名乗る方から')).toEqual(['松井 ゆりえ'])
    expect(of('name', '木村 あおいの母、携帯から入電')).toEqual(['木村 あおい'])
    expect(of('name', 'ナカノ ケイタの父は来庁できない')).toEqual(['ナカノ ケイタ'])
    expect(of('name', '長男藤田 ひろし（本人）から')).toEqual(['藤田 ひろし'])
    expect(of('name', '母村上 トメの代理受取について')).toEqual(['村上 トメ'])
    expect(of('name', '妻高橋 恵子が代理で来庁')).toEqual(['高橋 恵子'])
    // relatives before words, not names
    for (const t of [
      '自分の母、施設に入所中',
      'うちの母は来られない',
      '本人の長女と名乗る方',
      '父母の手続き',
      '母子手帳を持参',
      '妻名義の口座',
      '長女夫婦が同居',
    ])
      expect(of('name', t), t).toEqual([])
  })

  it('finds a hiragana full name said on its own, and its surname wherever else it stands', () => {
    expect(of('name', '「かとうです。かとう みさきの件で」と娘さんから')).toEqual(['かとう', 'かとう みさき'])
    expect(of('name', 'はやし けんたの母です')).toEqual(['はやし けんた'])
    expect(of('name', 'もりた あいと申します')).toEqual(['もりた あい'])
    for (const t of ['はい そうの件', 'えっと あのの件で', '「はい。それの件です」'])
      expect(of('name', t), t).toEqual([])
  })

  it('finds a kanji full name with no space after a relative or a label when the surname is a common one', () => {
    expect(of('name', '母佐藤花子の代理で来庁')).toEqual(['佐藤花子'])
    expect(of('name', '長男の山本翔太が受け取る')).toEqual(['山本翔太'])
    expect(of('name', '氏名鈴木一郎、生年月日は不明')).toEqual(['鈴木一郎'])
    for (const t of ['母佐藤課長に確認', '長女の結婚式', '妻名義の口座', '本人確認書類を持参'])
      expect(of('name', t), t).toEqual([])
  })

  it('finds a full name after a relative when the given name reads as one, and a hiragana full name after a label', () => {
    expect(of('name', '妻の久米 美穂が代理で')).toEqual(['久米 美穂'])
    expect(of('name', '息子の宍戸 健太郎から電話')).toEqual(['宍戸 健太郎'])
    expect(of('name', '母の介護 認定の件')).toEqual([])
    expect(of('name', '父の通院 予定が合わない')).toEqual([])
    expect(of('name', 'お名前はしばた みのる、電話は自宅')).toEqual(['しばた みのる'])
    expect(of('name', 'お名前しばた みのる、電話は自宅')).toEqual(['しばた みのる'])
    expect(of('name', '氏名 はい そうです')).toEqual([])
  })

  it('reads さん inside kana digits as a number read out, not an honorific', () => {
    expect(of('name', '番号は、いちにさんよんまでしか覚えていない')).toEqual([])
    expect(of('name', 'ごろくさんなな')).toEqual([])
    expect(of('name', 'いちかさんの母から')).toEqual(['いちか'])
  })
})

describe('names as callers say them (round four, decision 0049)', () => {
  it('masks a reading in brackets after a name and its honorific', () => {
    expect(of('name', '山岸様（やまぎし）から折り返し希望')).toEqual(['山岸', 'やまぎし'])
    expect(of('name', '林さん(Hayashi)の件')).toEqual(['林', 'Hayashi'])
    // not a reading: an age, an office, a role
    expect(of('name', '田中さん（88）から')).toEqual(['田中'])
    expect(of('name', '小野さん（ケアマネ）から')).toEqual(['小野'])
  })

  it('masks the name now after a maiden name, and the kanji given after a reading', () => {
    expect(of('name', '旧姓は石田、今は川端 愛とのこと')).toEqual(['石田', '川端 愛'])
    expect(of('name', 'フリガナ：ヤマネ タクミ、漢字は山根とのこと')).toEqual(['ヤマネ タクミ', '山根'])
    expect(of('name', '現在は施設に入所中')).toEqual([])
    expect(of('name', '漢字は旧字体ですかとの質問')).toEqual([])
  })

  it('masks a kana name followed by how its kanji are written', () => {
    expect(of('name', 'ハマモト、はまは海浜の浜に、もとは本の本です')).toEqual([
      'ハマモト',
      'はまは海浜の浜に、もとは本の本',
    ])
    expect(of('name', '暗証番号、あんの暗に、しょうの証です')).toEqual([])
    expect(of('name', '名前は、やまだ、やまの山に田んぼの田です')).toEqual(['やまだ', 'やまの山に田んぼの田'])
  })

  it('masks an English subject said with where they are from', () => {
    expect(of('name', 'Peter Lange from the hotel asked about a guest')).toEqual(['Peter Lange'])
    expect(of('name', 'Saijo Branch from the city asked')).toEqual([])
  })
})

describe('names and the words around them (round four, from the fresh3 test split)', () => {
  it('finds a full name before の母の件, and no name in 「の」をはさんで or in 暗証番号ロック', () => {
    expect(of('name', '川西 ミヨコの母の件で電話')).toEqual(['川西 ミヨコ'])
    expect(of('name', '「の」をはさんで言われた')).toEqual([])
    expect(of('name', '母の暗証番号ロックについて')).toEqual([])
  })
})

describe('names as callers say them (round four, from the fresh4 dev split)', () => {
  it('masks a given name alone after a relative and の, not a thing', () => {
    expect(of('name', '兄の健太郎の分も申請したい')).toEqual(['健太郎'])
    expect(of('name', '娘のさくらが来る予定')).toEqual(['さくら'])
    expect(of('name', '長女の、ゆかりの分を聞きたい')).toEqual(['ゆかり'])
    expect(of('name', '母のほうが詳しい')).toEqual([])
    expect(of('name', '父の説明が分かりにくい')).toEqual([])
  })

  it('masks full names in quotes, katakana full names, and a one-kanji surname or given name', () => {
    expect(of('name', '券面に「真鍋 徹」とあるとのこと')).toEqual(['真鍋 徹'])
    expect(of('name', '外国籍：シルバ・マリア（在留カードあり）')).toEqual(['シルバ・マリア'])
    expect(of('name', '「はい、オオタケです、オオタケ ススム」')).toEqual(['オオタケ', 'オオタケ ススム'])
    expect(of('name', '本人は堤 はるか、その母から')).toEqual(['堤 はるか'])
    expect(of('name', '夫の浅野 剛の手続きについて')).toEqual(['浅野 剛'])
  })

  it('masks a name and how its kanji are written, a name before a space and と申します, and more labels', () => {
    expect(of('name', '名前は「浜口、海浜の浜に入口の口」')).toEqual(['浜口', '海浜の浜に入口の口'])
    expect(of('name', 'わたくし、たかはし と申します')).toEqual(['たかはし'])
    expect(of('name', '申請者氏名 山崎ゆうな（ひらがな）')).toEqual(['山崎ゆうな'])
    expect(of('name', '申し出人：石丸 大地（本人）')).toEqual(['石丸 大地'])
    expect(of('name', '相談者は名乗らず、制度の質問のみ')).toEqual([])
    expect(of('name', 'にじゅうさん、と読み上げ')).toEqual([])
  })

  it('masks English introductions: identified as, the applicant’s son', () => {
    expect(of('name', 'Caller identified himself as Omar Haddad.')).toEqual(['Omar Haddad'])
    expect(of('name', "The applicant's son, Lucas Meyer, called")).toEqual(['Lucas Meyer'])
  })
})

describe('a given name alone after a relative, more shapes (round four, from the fresh4 dev split)', () => {
  it('takes a name ending in 耶 before の分, a nephew’s name before くん, and no thing counted as someone’s 分', () => {
    expect(of('name', '姉の摩耶の分も一緒に')).toEqual(['摩耶'])
    expect(of('name', '姪っ子の凛ちゃんが来た')).toEqual(['凛'])
    expect(of('name', '父の口座の分も')).toEqual([])
    expect(of('name', '母の保険証の分')).toEqual([])
  })
})

describe('words that are no names, from the repository’s own text (round four)', () => {
  it('leaves a verb after 名前は and devices written with ・', () => {
    expect(of('name', '「名前はわからないが」')).toEqual([])
    expect(of('name', 'オンライン（スマートフォン・パソコン）で申請')).toEqual([])
  })
})
