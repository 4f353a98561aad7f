/** What is wrong with a transcript file, line by line. Messages are Japanese: city staff read them. */
export type TranscriptErrorCode =
  | 'bad-mapping'
  | 'too-large'
  | 'empty-file'
  | 'unknown-format'
  | 'unknown-encoding'
  | 'mixed-encoding'
  | 'syntax'
  | 'missing-value'
  | 'bad-time'
  | 'end-before-start'
  | 'overlap'
  | 'no-segments'
  | 'no-call-reference'
  | 'unknown-call-id'
  | 'duplicate-transcript'
  | 'duplicate-file-name'

export interface TranscriptError {
  /** The file (its name as given on the command line or in the folder). */
  file: string
  /** Line of the file; null for the whole file. */
  line: number | null
  code: TranscriptErrorCode
  message: string
  /** The offending value, cut to 100 characters. Never a segment's text (it is unmasked). */
  value?: string
}

export const TRANSCRIPT_ERROR_MESSAGES: Record<TranscriptErrorCode, string> = {
  'bad-mapping': '対応づけファイル（マッピング）が正しくありません',
  'too-large': 'ファイルが大きすぎます（読み込む前に中止しました）',
  'empty-file': '空のファイルです',
  'unknown-format': '形式を判別できません（WebVTT、SRT、JSON、CSV のいずれでもありません）',
  'unknown-encoding': '文字コードを判別できません（UTF-8 でも Shift_JIS でもありません）',
  'mixed-encoding': '文字コードが混在しています（UTF-8 と Shift_JIS など）。この行は読めません',
  syntax: '書式が正しくありません',
  'missing-value': '必須の値が空です',
  'bad-time': '時刻を読み取れません',
  'end-before-start': '終了時刻が開始時刻より前です',
  overlap: '前の発話と時間が重なっています（同じ話者）',
  'no-segments': '発話が 1 つもありません',
  'no-call-reference': '通話ID、または担当者と通話開始時刻がありません（どの通話か分かりません）',
  'unknown-call-id': 'この通話IDの問い合わせ記録も電話システム記録もありません',
  'duplicate-transcript': '同じ通話の文字起こしがこの取り込みの中に 2 つあります',
  'duplicate-file-name': '同じ名前のファイルが 2 つ以上選ばれています（名前を変えてください）',
}

export const transcriptError = (
  file: string,
  line: number | null,
  code: TranscriptErrorCode,
  detail?: string,
  value?: string,
): TranscriptError => ({
  file,
  line,
  code,
  message: detail ? `${TRANSCRIPT_ERROR_MESSAGES[code]}（${detail}）` : TRANSCRIPT_ERROR_MESSAGES[code],
  ...(value === undefined ? {} : { value: value.slice(0, 100) }),
})
