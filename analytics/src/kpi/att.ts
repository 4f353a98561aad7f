/**
 * 平均通話時間 ATT (average talk time), from the operators' call logs.
 *
 *   span(c)    = c.talkEndedAt − c.talkStartedAt                   (seconds)
 *   talk(c)    = max(0, span(c) − c.holdSeconds)   when holdInsideTalkSpan (default)
 *              = span(c)                           otherwise
 *   attSeconds = Σ talk(c) / |calls with a valid span|
 *
 * The desk records the span from pick-up to hang-up, so it contains the hold; hold is subtracted so
 * that AHT = talk + hold + after-call work does not count it twice. Calls come from the logs (not the
 * PBX) so the figure exists with or without telephony data.
 */
import { meanOf, secondsBetween } from './stats'
import type { CallLogRecord } from './records'
import { parseInstant } from '../time'

/** Talk seconds of one call, or null when its span is missing or negative. */
export function talkSeconds(
  call: CallLogRecord,
  holdInsideTalkSpan = true,
  startMs = parseInstant(call.talkStartedAt),
): number | null {
  const span = secondsBetween(startMs, parseInstant(call.talkEndedAt))
  if (span === null) return null
  return holdInsideTalkSpan ? Math.max(0, span - safeSeconds(call.holdSeconds)) : span
}

export function attSeconds(sums: { talkSeconds: number; callsWithTalk: number }): number | null {
  return meanOf(sums.talkSeconds, sums.callsWithTalk)
}

/** A non-negative finite number of seconds, else 0. */
export function safeSeconds(value: number | null | undefined): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0
}
