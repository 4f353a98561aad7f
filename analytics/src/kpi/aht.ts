/**
 * 平均処理時間 AHT (average handle time), from the operators' call logs.
 *
 *   handle(c)  = talk(c) + hold(c) + c.afterCallWorkSeconds          (talk as in ATT)
 *   hold(c)    = min(c.holdSeconds, span(c))   when holdInsideTalkSpan (default)
 *              = c.holdSeconds                 otherwise
 *   ahtSeconds = Σ handle(c) / |calls with a valid span|
 *
 * With the default holdInsideTalkSpan this is exactly span + after-call work, even when the logged
 * hold is longer than the span (a typo or a clock slip): the hold inside the span cannot exceed it.
 */
import { meanOf, secondsBetween } from './stats'
import { parseInstant } from '../time'
import { safeSeconds } from './att'
import type { CallLogRecord } from './records'

/** Handle seconds of one call, given its talk seconds (null when talk is unknown). */
export function handleSeconds(
  call: CallLogRecord,
  talk: number | null,
  holdInsideTalkSpan = true,
  startMs = parseInstant(call.talkStartedAt),
): number | null {
  if (talk === null) return null
  const acw = safeSeconds(call.afterCallWorkSeconds)
  if (!holdInsideTalkSpan) return talk + safeSeconds(call.holdSeconds) + acw
  // Talk and hold both lie inside the span, so together they are the span, whatever hold was logged.
  return (secondsBetween(startMs, parseInstant(call.talkEndedAt)) ?? talk) + acw
}

export function ahtSeconds(sums: { handleSeconds: number; callsWithTalk: number }): number | null {
  return meanOf(sums.handleSeconds, sums.callsWithTalk)
}
