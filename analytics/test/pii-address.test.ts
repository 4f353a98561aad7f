import { describe, expect, it } from 'vitest'

import { masked, of } from './helpers'

describe('addresses', () => {
  it('masks prefecture/city/town + block numbers', () => {
    expect(masked('広島県東広島市西条栄町8-29')).toBe('［住所］')
    expect(masked('東広島市西条栄町8番29号から')).toBe('［住所］から')
    expect(masked('東京都港区芝公園4丁目2-8へ')).toBe('［住所］へ')
    expect(masked('西条町御薗宇1234番地の5')).toBe('［住所］')
    expect(masked('志和町志和東1234に住む')).toBe('［住所］に住む')
    expect(masked('西条中央七丁目23番35号')).toBe('［住所］')
    expect(masked('札幌市中央区北1条西2丁目')).toBe('［住所］')
    expect(masked('千代田区霞が関2-1-2')).toBe('［住所］')
    expect(masked('さいたま市浦和区高砂3丁目15番1号')).toBe('［住所］')
  })

  it('includes the building and room', () => {
    expect(masked('東広島市八本松南3丁目2-1 ハイツ八本松203号室に転居')).toBe('［住所］に転居')
    expect(masked('西条岡町2-13-301')).toBe('［住所］')
    expect(masked('高屋町中島2-3-4 市営住宅B棟201')).toBe('［住所］')
    expect(masked('西条町吉行2145-3 吉行団地3-201')).toBe('［住所］')
    expect(masked('東広島市西条栄町8-29 101号室の方')).toBe('［住所］の方')
    expect(masked('住所：西条西本町28-6 サンシャイン西条305')).toBe('住所：［住所］')
    expect(masked('西条西本町28-6 本館2階')).toBe('［住所］ 本館2階')
  })

  it('masks a building with a room number on its own', () => {
    expect(masked('○○マンション101号室')).toBe('［住所］')
    expect(masked('宛先はコーポさくら203号室')).toBe('宛先は［住所］')
  })

  it('masks a place and block after a label such as 住所', () => {
    expect(of('address', '住所は中央1-2-3')).toEqual(['中央1-2-3'])
    expect(of('address', '住所 西条下見4丁目3-12')).toEqual(['西条下見4丁目3-12'])
  })

  it('cuts words that come before an address', () => {
    expect(of('address', '新住所東広島市西条町寺家1-2')).toEqual(['東広島市西条町寺家1-2'])
    expect(of('address', '昨日広島県呉市中央4丁目1-6に転居')).toEqual(['広島県呉市中央4丁目1-6'])
  })

  it('reads a hiragana part of a place name, a room like 1-B and English addresses', () => {
    expect(masked('送付先は東広島市黒瀬町みどりが丘3丁目2番1号')).toBe('送付先は［住所］')
    expect(masked('東広島市西条町寺家5340-2 ハイツ寺家 2-A、確認済み')).toBe('［住所］、確認済み')
    expect(masked('東広島市高屋町中島12-4 コーポ中島 B')).toBe('［住所］')
    expect(masked('I moved to 3-21-7 Misonou, Higashihiroshima, Apt 102 last month')).toBe(
      'I moved to ［住所］ last month',
    )
    expect(masked('address: Saijo Chuo 5-1-12, Room 3')).toBe('address: ［住所］')
    expect(masked('new address 1108-2, Sukezane, Saijo-cho')).toBe('new address ［住所］')
  })

  it('leaves city names, offices, 丁目 alone and numbers that are not blocks', () => {
    for (const t of [
      '東広島市の窓口を案内',
      '八本松出張所で受け取り',
      '鏡山3丁目で降りる',
      '本庁舎2階の市民課21番窓口',
      '1番窓口から3番窓口へ',
      '国道2号沿い',
      '県道59号線',
      '東広島市内に2か所',
      '黒瀬町で3件',
      '様式第1-2号',
      'ID: 2025-12-0034',
      '101号室',
      '東広島市の1丁目から3丁目まで',
      '東広島市から12番の窓口へ',
      'open 9-5, Monday, Friday',
      'Update 2026-11-30 Tokyo',
      'Windows 10-11',
    ])
      expect(masked(t), t).toBe(t)
    expect(of('address', 'call 082-420-0925 Saijo')).toEqual([]) // a phone number: its groups start with 0
    expect(of('address', '電話082-424-1111')).toEqual([]) // a phone number, not a block number
  })

  it('cuts 本人 and 申請者 written before an address, and takes a bare room after a building name and a space', () => {
    expect(of('address', '本人住所東広島市八本松東3丁目4-12、受取は市民課')).toEqual([
      '東広島市八本松東3丁目4-12',
    ])
    expect(of('address', '申請者住所東広島市西条町寺家5012-3')).toEqual(['東広島市西条町寺家5012-3'])
    expect(of('address', '東広島市高屋町中島2-14 グリーンヒル中島 203に転居')).toEqual([
      '東広島市高屋町中島2-14 グリーンヒル中島 203',
    ])
    // a number after a name that is no room: a count or an amount
    expect(of('address', '東広島市西条町寺家5012-3 市民課 300円')).toEqual(['東広島市西条町寺家5012-3'])
  })

  it('reads an English address written place first with -shi/-cho, a building and a floor', () => {
    expect(
      of('address', 'address: Higashihiroshima-shi Hachihonmatsu-cho Iida 812-3, Green Court 3F'),
    ).toEqual(['Higashihiroshima-shi Hachihonmatsu-cho Iida 812-3, Green Court 3F'])
    expect(of('address', 'I live at Kurose-cho Munekata 455-2 now')).toEqual(['Kurose-cho Munekata 455-2'])
    for (const t of [
      'open Monday-Friday 9-5',
      'Saijo-cho office, 8:30-17:15',
      'Shiwa-cho 2026-12-06 appointment',
    ])
      expect(of('address', t), t).toEqual([])
  })

  it('takes a room written first in an English address', () => {
    expect(of('address', 'send it to Apt 7, 4-1-22 Misonou, Higashihiroshima please')).toEqual([
      'Apt 7, 4-1-22 Misonou, Higashihiroshima',
    ])
    expect(of('address', 'Room 3 is on the 2nd floor')).toEqual([])
  })

  it('takes a building after 、 and a 棟 with its room into the address, not an office after 、', () => {
    expect(of('address', '住所は西条町寺家3301-2、コーポ寺家 A棟205です')).toEqual([
      '西条町寺家3301-2、コーポ寺家 A棟205',
    ])
    expect(of('address', '東広島市西条町寺家5012-3、市民課で受取')).toEqual(['東広島市西条町寺家5012-3'])
  })
})

describe('where someone stays, said before the address (round four, decision 0049)', () => {
  it('leaves 施設/入院先/勤務先 out of the address', () => {
    expect(of('address', '母の施設東広島市西条町寺家5521-3へ郵送')).toEqual(['東広島市西条町寺家5521-3'])
    expect(of('address', '入院先東広島市八本松町飯田1100-2にいる')).toEqual(['東広島市八本松町飯田1100-2'])
  })
})

describe('addresses as written in the fresh4 dev split (round four)', () => {
  it('takes a space before the block numbers, and a floor after the building', () => {
    expect(of('address', '住所 高屋町杵原 4410-2 とのこと')).toEqual(['高屋町杵原 4410-2'])
    expect(of('address', '西条町御薗宇1200-3 コーポ御薗宇 3F')).toEqual([
      '西条町御薗宇1200-3 コーポ御薗宇 3F',
    ])
    expect(of('address', '住所、西条本町12番4号の三階とのこと')).toEqual(['西条本町12番4号の三階'])
    expect(of('address', '窓口は 3番 です')).toEqual([])
  })
})

describe('an address said with pauses (round four, from the fresh4 dev split)', () => {
  it('takes の、 and 、 after the municipality and before the block numbers, not before a count or a date', () => {
    expect(of('address', '「東広島市の、八本松町宗吉の、210の3です」')).toEqual([
      '東広島市の、八本松町宗吉の、210の3',
    ])
    expect(of('address', '住所は高屋町杵原、4410-2です')).toEqual(['高屋町杵原、4410-2'])
    expect(of('address', '東広島市の、2月3日に来庁')).toEqual([])
    expect(of('address', '西条町の、1100円')).toEqual([])
  })
})
