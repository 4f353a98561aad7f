import type { DateFieldValidation } from 'payload'

/** A call cannot end before it starts, nor last more than 8 hours (a typo in the date). */
export const validateTalkEnd: DateFieldValidation = (value, { siblingData }) => {
  if (!value) return '通話終了の日時を入力してください。'
  const start = Date.parse(String((siblingData as { talkStartedAt?: unknown }).talkStartedAt ?? ''))
  const end = Date.parse(String(value))
  if (Number.isNaN(end)) return '通話終了の日時が正しくありません。'
  if (!Number.isNaN(start) && end < start) return '通話終了が通話開始より前になっています。'
  if (!Number.isNaN(start) && end - start > 8 * 3600 * 1000)
    return '通話時間が8時間を超えています。日時を確認してください。'
  return true
}
