import type { FaqCsvRecord, KnownReferences } from '../src/csv/index'

export const CITY = { localGovernmentCode: '342122', name: '東広島市' }

/** A valid record; `over` changes fields. */
export const record = (over: Partial<FaqCsvRecord> = {}): FaqCsvRecord => ({
  localGovernmentCode: CITY.localGovernmentCode,
  id: 'pin-forgot',
  cityName: CITY.name,
  question: '暗証番号を忘れました。どうすればよいですか？',
  alternatives: ['暗証番号 わすれた', 'パスワード忘れた', 'ぴんばんごう'],
  shortAnswer: '本人確認書類とカードを持って市民課で再設定できます。',
  answer: '市民課の窓口で再設定できます。\n\n- マイナンバーカード\n- 本人確認書類',
  category: 'pin',
  sources: ['hh-pin'],
  reviewBy: '2027-05-31',
  status: 'published',
  audience: 'public',
  locale: 'ja',
  related: [],
  needsReview: false,
  ...over,
})

export const known: KnownReferences = {
  categories: new Set(['pin', 'renewal']),
  sources: new Set(['hh-pin', 'jpki-faq']),
  faqs: new Set(['stored-faq']),
}

/** A CSV file from lines of cells (no quoting: the caller quotes), CRLF, UTF-8 with BOM. */
export const csvBytes = (text: string, bom = true): Buffer =>
  Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')])
