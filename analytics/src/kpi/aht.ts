/**
 * 平均処理時間 AHT (average handle time), from the operators' call logs.
 *
 *   handle(c)  = talk(c) + c.holdSeconds + c.afterCallWorkSeconds     (talk as in ATT)
 *   ahtSeconds = Σ handle(c) / |calls with a valid span|
 *
 * With the default holdInsideTalkSpan this equals span + after-call work.
 */
import { meanOf } from './stats'
import { safeSeconds, talkSeconds } from './att'
import type { CallLogRecord } from './records'

/** Handle seconds of one call, given its talk seconds (null when talk is unknown). */
export function handleSeconds(call: CallLogRecord, talk: number | null): number | null {
  if (talk === null) return null
  return talk + safeSeconds(call.holdSeconds) + safeSeconds(call.afterCallWorkSeconds)
}

/** Handle seconds computed from the call alone. */
export function callHandleSeconds(call: CallLogRecord, holdInsideTalkSpan = true): number | null {
  return handleSeconds(call, talkSeconds(call, holdInsideTalkSpan))
}

export function ahtSeconds(sums: { handleSeconds: number; callsWithTalk: number }): number | null {
  return meanOf(sums.handleSeconds, sums.callsWithTalk)
}
