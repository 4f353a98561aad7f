/**
 * The records this package reads and writes: call logs, PBX records and escalations, as zod schemas
 * and types. The imports produce them (telephony/, the CMS's transcripts), linking joins them, the
 * KPIs (kpi/) count them.
 * Timestamps are ISO 8601 instants with a zone (`Z` or `+09:00`). KPI functions do not re-validate
 * records (a million zod parses would dominate a report's time); they skip a record whose needed
 * timestamp does not parse and count it in the report's metadata.
 */
import { callChannelSchema, callerTypeSchema, callOutcomeSchema } from '@kotae/content/contracts/calls'
import { z } from 'zod'

const instant = z.iso.datetime({ offset: true })
const seconds = z.number().finite().min(0)

/** One operator's 問い合わせ記録 (the CMS `calls` collection). */
export const CallLogRecordSchema = z.object({
  id: z.string().min(1),
  talkStartedAt: instant,
  talkEndedAt: instant,
  /** Seconds on hold during the call (inside the talk span). */
  holdSeconds: seconds,
  /** 後処理: seconds of after-call work. */
  afterCallWorkSeconds: seconds,
  channel: callChannelSchema,
  callerType: callerTypeSchema,
  /** Category slug (用件), null when the operator did not choose one. */
  category: z.string().min(1).nullable(),
  /** FAQ ids the operator used, in order. */
  faqsUsed: z.array(z.string().min(1)),
  outcome: callOutcomeSchema,
  operator: z.string().min(1).nullable(),
  /** The PBX's call id when the desk received it. */
  telephonyCallId: z.string().min(1).nullable(),
  /** Salted hash of the caller's number (hashCaller); never the number. Null for 非通知. */
  callerHash: z.string().min(1).nullable(),
})
export type CallLogRecord = z.infer<typeof CallLogRecordSchema>

/** One offered call from the PBX/ACD call-detail records. */
export const TelephonyRecordSchema = z.object({
  callId: z.string().min(1),
  queue: z.string().min(1),
  /** When the call entered the queue (入電). */
  offeredAt: instant,
  answeredAt: instant.nullable(),
  /** When the caller hung up unanswered; null when answered. */
  abandonedAt: instant.nullable(),
  endedAt: instant.nullable(),
  agent: z.string().min(1).nullable(),
  wrapUpEndedAt: instant.nullable(),
  /**
   * The caller's number as the PBX wrote it, present only when the mapping names a caller column.
   * Importers turn it into callerHash (hashCaller) at once and never store or log it.
   */
  callerNumber: z.string().min(1).nullable().optional(),
})
export type TelephonyRecord = z.infer<typeof TelephonyRecordSchema>

/** An escalation from an operator to the city's staff (the CMS `escalations` collection). */
export const EscalationRecordSchema = z.object({
  id: z.string().min(1),
  createdAt: instant,
  answeredAt: instant.nullable(),
  closedAt: instant.nullable(),
  urgency: z.string().min(1),
})
export type EscalationRecord = z.infer<typeof EscalationRecordSchema>
