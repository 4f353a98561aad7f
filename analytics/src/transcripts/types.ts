/** A call transcript as the recording or speech-to-text system writes it, after parsing (not yet masked). */
export const SPEAKERS = ['operator', 'caller', 'unknown'] as const
export type Speaker = (typeof SPEAKERS)[number]

export const TRANSCRIPT_FORMATS = ['vtt', 'srt', 'json', 'csv'] as const
export type TranscriptFormat = (typeof TRANSCRIPT_FORMATS)[number]

/** One turn or cue: who spoke (the role, never the label, which may be a name), seconds from the start, and what was said. */
export interface TranscriptSegment {
  speaker: Speaker
  start: number
  end: number
  text: string
}

export interface ParsedTranscript {
  /** What identifies it across imports: the call id, else `agent@startedAt`. */
  key: string
  /** The call id the file gives (Kotae's telephonyCallId, the PBX's call id). */
  callId: string | null
  /** The PBX agent id, for linking by agent and time when there is no call id. */
  agent: string | null
  /** When the recording started (ISO 8601), for linking by agent and time. */
  startedAt: string | null
  format: TranscriptFormat
  segments: TranscriptSegment[]
  /** Line of the file where it starts (CSV: its first row; others: 1). */
  line: number
}
