/** What is wrong with a telephony CSV, row by row. Messages are Japanese: city staff read them. */
import type { TelephonyField } from './mapping'

export type TelephonyErrorCode =
  | 'bad-mapping'
  | 'no-header'
  | 'no-rows'
  | 'missing-column'
  | 'duplicate-column'
  | 'unknown-encoding'
  | 'invalid-bytes'
  | 'csv-syntax'
  | 'column-count'
  | 'missing-value'
  | 'bad-time'
  | 'answer-before-offer'
  | 'abandon-before-offer'
  | 'answered-and-abandoned'
  | 'end-before-answer'
  | 'end-before-offer'
  | 'wrap-up-before-end'
  | 'duplicate-call-id'

export interface TelephonyImportError {
  /** Line of the file where the row starts (the header is line 1); null for the file or the mapping. */
  row: number | null
  /** The CSV header the problem is in, as written in the file; null for the whole row or file. */
  column: string | null
  /** The mapped field, when the column is mapped. */
  field: TelephonyField | null
  code: TelephonyErrorCode
  message: string
  /** The offending cell, cut to 100 characters. */
  value?: string
}

export const TELEPHONY_ERROR_MESSAGES: Record<TelephonyErrorCode, string> = {
  'bad-mapping': '列の対応づけ（マッピング）が正しくありません',
  'no-header': '見出し行がありません（空のファイル）',
  'no-rows': 'データ行がありません（見出し行だけのファイル）。0 行のため、何も取り込んでいません',
  'missing-column': 'マッピングで指定した列が見出し行にありません',
  'duplicate-column': '同じ見出しの列が複数あります',
  'unknown-encoding': '文字コードを判別できません（UTF-8 でも Shift_JIS でもありません）',
  'invalid-bytes': '指定の文字コードとして読めない文字があります',
  'csv-syntax': 'CSV の形式が正しくありません（引用符など）',
  'column-count': '列の数が見出し行と合いません',
  'missing-value': '必須の値が空です',
  'bad-time': '日時を読み取れません',
  'answer-before-offer': '応答日時が着信日時より前です',
  'abandon-before-offer': '放棄日時が着信日時より前です',
  'answered-and-abandoned': '応答日時と放棄日時の両方があります',
  'end-before-answer': '終了日時が応答日時より前です',
  'end-before-offer': '終了日時が着信日時より前です',
  'wrap-up-before-end': '後処理終了日時が通話終了より前です',
  'duplicate-call-id': '同じ通話IDがファイル内で重複しています',
}

export function telephonyError(
  code: TelephonyErrorCode,
  row: number | null,
  column: string | null,
  field: TelephonyField | null,
  detail?: string,
  value?: string,
): TelephonyImportError {
  const e: TelephonyImportError = {
    row,
    column,
    field,
    code,
    message: detail ? `${TELEPHONY_ERROR_MESSAGES[code]}（${detail}）` : TELEPHONY_ERROR_MESSAGES[code],
  }
  if (value !== undefined) e.value = value.length > 100 ? `${value.slice(0, 100)}…` : value
  return e
}
