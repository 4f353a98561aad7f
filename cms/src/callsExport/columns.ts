/**
 * The columns of the inquiry log (対応履歴) export, in file order: each header as written in the
 * file's first row (CSV) or the sheet's header row (XLSX), with what it holds. docs/calls-export.md
 * is this list for the city; a test checks they agree. The call-back contact (name, phone,
 * preferred time), the caller's hash and the operator are never columns.
 */
export const CALLS_EXPORT_COLUMNS = [
  { key: 'id', header: '記録番号', kind: 'number', width: 10 },
  { key: 'startedAt', header: '通話開始（日本時間）', kind: 'datetime', width: 20 },
  { key: 'endedAt', header: '通話終了（日本時間）', kind: 'datetime', width: 20 },
  { key: 'talkSeconds', header: '通話時間（秒）', kind: 'number', width: 10 },
  { key: 'holdSeconds', header: '保留（秒）', kind: 'number', width: 10 },
  { key: 'afterCallWorkSeconds', header: '後処理（秒）', kind: 'number', width: 10 },
  { key: 'channel', header: '入電経路', kind: 'text', width: 16 },
  { key: 'callerType', header: '相談者', kind: 'text', width: 10 },
  { key: 'category', header: '用件', kind: 'text', width: 16 },
  { key: 'faqs', header: '使用したFAQ', kind: 'list', width: 24 },
  { key: 'queries', header: '検索した言葉（マスク済み）', kind: 'list', width: 30 },
  { key: 'summary', header: '要旨（マスク済み）', kind: 'text', width: 60 },
  { key: 'outcome', header: '結果', kind: 'text', width: 22 },
  { key: 'telephonyCallId', header: '電話システムの通話ID', kind: 'text', width: 18 },
  { key: 'anonymizedAt', header: '個人情報の消去日時（日本時間）', kind: 'datetime', width: 20 },
] as const

export const CALLS_EXPORT_HEADER: readonly string[] = CALLS_EXPORT_COLUMNS.map((c) => c.header)

/** One exported call: texts are as stored (masked at write, decision 0026); instants in epoch ms. */
export type CallsExportRow = {
  id: number
  startedAt: number
  endedAt: number
  talkSeconds: number
  holdSeconds: number
  afterCallWorkSeconds: number
  channel: string
  callerType: string
  category: string
  faqs: string[]
  queries: string[]
  summary: string
  outcome: string
  telephonyCallId: string
  anonymizedAt: number | null
}
