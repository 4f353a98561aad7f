import type { Detector } from './types'

// Place names are kanji or katakana; hiragana is allowed only as a whole city name (さいたま市), so
// particles such as 「住所は」 never start an address.
const PLACE = String.raw`[一-龥々ヶァ-ヶー]`
/**
 * A street address: a place name ending in 都道府県市区町村 followed by block numbers
 * (1丁目2番3号, 8-29, 1234番地の5) and optionally a building and room. A city name alone
 * (「東広島市の窓口」) has no block numbers and is not personal.
 */
const ADDRESS = new RegExp(
  String.raw`(?:${PLACE}{1,4}[都道府県])?(?:(?:${PLACE}{1,8}|[ぁ-ん]{2,5})[市郡区町村])+${PLACE}{0,8}\d{1,5}(?:丁目|番地の|番地|番|号|-|の)(?:\d{1,5}(?:丁目|番地の|番地|番|号|-|の)?){0,3}(?:\s?[^\s、。,，]{1,20}?\d{1,4}号室)?`,
  'g',
)

export const detectAddress: Detector = (text) =>
  [...text.matchAll(ADDRESS)].map((m) => ({ kind: 'address' as const, start: m.index, end: m.index + m[0].length }))
