import { describe, expect, it } from 'vitest'

import { findDates } from '../src/pii'
import { masked, of } from './helpers'

describe('finding dates', () => {
  it('reads 西暦 and 和暦 dates, full, year–month, year only and month–day', () => {
    const read = (t: string) => findDates(t).map(({ year, month, day }) => ({ year, month, day }))
    expect(read('昭和50年3月4日')).toEqual([{ year: 1975, month: 3, day: 4 }])
    expect(read('S50.3.4')).toEqual([{ year: 1975, month: 3, day: 4 }])
    expect(read('H元.5.1')).toEqual([{ year: 1989, month: 5, day: 1 }])
    expect(read('平成元年')).toEqual([{ year: 1989, month: undefined, day: undefined }])
    expect(read('令和5年4月')).toEqual([{ year: 2023, month: 4, day: undefined }])
    expect(read('大正15年')).toEqual([{ year: 1926, month: undefined, day: undefined }])
    expect(read('明治45年7月30日')).toEqual([{ year: 1912, month: 7, day: 30 }])
    expect(read('1975/3/4')).toEqual([{ year: 1975, month: 3, day: 4 }])
    expect(read('1975-03-04')).toEqual([{ year: 1975, month: 3, day: 4 }])
    expect(read('1975年3月4日')).toEqual([{ year: 1975, month: 3, day: 4 }])
    expect(read('12月2日')).toEqual([{ year: undefined, month: 12, day: 2 }])
    // numerals in kanji, and day-first or month-first dates with a 4-digit year
    expect(read('昭和四十二年十一月三十日')).toEqual([{ year: 1967, month: 11, day: 30 }])
    expect(read('平成元年十月')).toEqual([{ year: 1989, month: 10, day: undefined }])
    expect(read('一九八〇年五月十日')).toEqual([{ year: 1980, month: 5, day: 10 }])
    expect(read('25/12/1979')).toEqual([{ year: 1979, month: 12, day: 25 }])
    expect(read('12/25/1979')).toEqual([{ year: 1979, month: 12, day: 25 }])
    expect(read('05.11.1990')).toEqual([{ year: 1990, month: 5, day: 11 }])
  })

  it('rejects impossible months and days and number runs that only look like dates', () => {
    expect(findDates('1975/13/4')).toEqual([])
    expect(findDates('2025-12-0034')).toEqual([])
    expect(findDates('SH-51C')).toEqual([])
  })
})

describe('dates of birth', () => {
  it('masks dates next to a birth-date word', () => {
    expect(masked('生年月日は昭和50年3月4日')).toBe('生年月日は［生年月日］')
    expect(masked('生年月日：1962年8月30日')).toBe('生年月日：［生年月日］')
    expect(masked('誕生日 1985/07/21')).toBe('誕生日 ［生年月日］')
    expect(masked('DOB 1990-01-31')).toBe('DOB ［生年月日］')
    expect(masked('生年月日を確認：H12.1.1')).toBe('生年月日を確認：［生年月日］')
    expect(masked('誕生日が7月7日')).toBe('誕生日が［生年月日］')
    expect(masked('生まれは平成3年')).toBe('生まれは［生年月日］')
    expect(masked('生年月日は平成二年八月一日と記入')).toBe('生年月日は［生年月日］と記入')
    expect(masked('date of birth 17/09/1992')).toBe('date of birth ［生年月日］')
  })

  it('masks dates followed by 生まれ / 生', () => {
    expect(masked('平成元年5月1日生まれの方')).toBe('［生年月日］生まれの方')
    expect(masked('（S12.4.5生）')).toBe('（［生年月日］生）')
    expect(masked('令和5年4月1日生まれ')).toBe('［生年月日］生まれ')
    expect(masked('平成元年生まれ')).toBe('［生年月日］生まれ')
    expect(masked('昭和50年3月生まれ')).toBe('［生年月日］生まれ')
  })

  it('masks full dates older than 2006 even without a birth-date word', () => {
    expect(masked('本人確認 S50.3.4 一致')).toBe('本人確認 ［生年月日］ 一致')
    expect(masked('1948/5/5の方')).toBe('［生年月日］の方')
  })

  it('leaves appointment, deadline, issue and procedure dates alone', () => {
    for (const t of [
      '12月2日以降に来庁',
      '来週の3日に予約',
      '令和8年3月31日まで有効',
      '期限は2027年5月31日です',
      '2024年12月2日から保険証の新規発行停止',
      '平成27年10月5日から通知カード送付',
      '平成10年3月31日付で転入',
      '受付日 R7.11.20',
      '昭和30年代生まれの方',
      '昭和61年に結婚',
      '生年月日の入力を間違えた',
      '4月1日生活保護の申請',
      '令和七年四月一日以降',
      '十二月の予約',
      'due 31/03/2027',
    ])
      expect(masked(t), t).toBe(t)
  })

  it('can turn the bare-date rule off', () => {
    expect(of('birthDate', '本人確認 S50.3.4', { bareBirthYearBefore: 0 })).toEqual([])
    expect(of('birthDate', '生年月日 S50.3.4', { bareBirthYearBefore: 0 })).toEqual(['S50.3.4'])
  })

  it('reads a date said with の between year and month', () => {
    expect(of('birthDate', '「昭和48年の11月3日です」と生年月日を申告')).toEqual(['昭和48年の11月3日'])
    expect(of('birthDate', '生まれは1979年の2月14日')).toEqual(['1979年の2月14日'])
    expect(of('birthDate', '2026年の12月10日に予約')).toEqual([])
  })

  it('reads a 和暦 date written in hiragana', () => {
    expect(of('birthDate', '生年月日はしょうわ よんじゅうはちねん じゅういちがつ みっか')).toEqual([
      'しょうわ よんじゅうはちねん じゅういちがつ みっか',
    ])
    expect(of('birthDate', 'へいせい がんねん しがつ にじゅうよっか生まれ')).toEqual([
      'へいせい がんねん しがつ にじゅうよっか',
    ])
    expect(of('birthDate', '誕生日はれいわ にねん くがつ じゅうごにち')).toEqual([
      'れいわ にねん くがつ じゅうごにち',
    ])
    // a full date of an old era needs no birth-date word, as in digits (昭和50年3月4日)
    expect(of('birthDate', 'たいしょう じゅうごねん ろくがつ ついたち')).toEqual([
      'たいしょう じゅうごねん ろくがつ ついたち',
    ])
    for (const t of ['しょうわのじだい', 'へいせいねんかん', 'れいわねんどの申請'])
      expect(of('birthDate', t), t).toEqual([])
  })

  it('reads a date in kanji numerals with の between year and month', () => {
    expect(of('birthDate', '生年月日は平成三年の十二月一日')).toEqual(['平成三年の十二月一日'])
    expect(of('birthDate', '一九八二年の五月五日生まれ')).toEqual(['一九八二年の五月五日'])
  })
})

describe('a birth date said in two halves (round four, decision 0049)', () => {
  it('masks the year said right after the month and day of a birth date, and before them', () => {
    expect(of('birthDate', '誕生日は11月3日、平成2年です')).toEqual(['11月3日', '平成2年'])
    expect(of('birthDate', '生年月日は昭和40年、5月6日')).toEqual(['昭和40年', '5月6日'])
    expect(of('birthDate', '予約は12月3日、令和8年度の更新')).toEqual([])
  })
})

describe('a birth date corrected, and one in English with its 和暦 year last', () => {
  it('masks the date given as the correction of a birth date, not a correction of another date', () => {
    expect(of('birthDate', '生年月日、平成四年九月、いや平成五年九月です')).toEqual([
      '平成四年九月',
      '平成五年九月',
    ])
    expect(of('birthDate', '誕生日は昭和52年8月1日じゃなくて昭和53年8月1日')).toEqual([
      '昭和52年8月1日',
      '昭和53年8月1日',
    ])
    expect(of('birthDate', '予約は3月4日、いや3月5日に')).toEqual([])
  })

  it('reads “May 3rd, Heisei 2” as a date of birth after its word', () => {
    expect(of('birthDate', 'Date of birth: May 3rd, Heisei 2')).toEqual(['May 3rd, Heisei 2'])
  })
})
