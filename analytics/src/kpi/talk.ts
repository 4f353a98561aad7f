/**
 * 平均通話時間 ATT and 平均処理時間 AHT (average talk and handle time), from the operators' call logs
 * (not the PBX), so they exist with or without telephony data.
 *
 *   span(c)    = c.talkEndedAt − c.talkStartedAt                   (seconds)
 *   talk(c)    = max(0, span(c) − c.holdSeconds)   when holdInsideTalkSpan (default)
 *              = span(c)                           otherwise
 *   handle(c)  = talk(c) + hold(c) + c.afterCallWorkSeconds
 *   hold(c)    = min(c.holdSeconds, span(c))   when holdInsideTalkSpan (default)
 *              = c.holdSeconds                 otherwise
 *   attSeconds = Σ talk(c) / |calls with a valid span|
 *   ahtSeconds = Σ handle(c) / |calls with a valid span|
 *
 * The desk records the span from pick-up to hang-up, so it contains the hold; hold is subtracted from
 * talk so that AHT does not count it twice. With the default holdInsideTalkSpan, AHT is exactly span
 * + after-call work, even when the logged hold is longer than the span (a typo or a clock slip): the
 * hold inside the span cannot exceed it.
 */
import { parseInstant } from '../time'
import type { CallLogRecord } from '../records'
import { ratio, secondsBetween } from './stats'

/** A non-negative finite number of seconds, else 0. */
const safeSeconds = (value: number | null | undefined): number =>
  typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0

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

export const attSeconds = (sums: { talkSeconds: number; callsWithTalk: number }): number | null =>
  ratio(sums.talkSeconds, sums.callsWithTalk)

export const ahtSeconds = (sums: { handleSeconds: number; callsWithTalk: number }): number | null =>
  ratio(sums.handleSeconds, sums.callsWithTalk)
