/**
 * 応答件数 (answered).
 *
 *   answered = |{ r offered in the period : r.answeredAt ≠ null }|
 *
 * An offered call an agent picked up, whenever the conversation ended.
 */
import type { TelephonyRecord } from './records'

export function isAnswered(record: TelephonyRecord): boolean {
  return record.answeredAt !== null && record.answeredAt !== undefined && record.answeredAt !== ''
}
