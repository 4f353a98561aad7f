/**
 * The fixed choices of a 問い合わせ記録 (the CMS `calls` collection), each value with the label
 * staff see: the one list the CMS's fields, the desk, the KPIs and the benches' generated calls
 * read. A value is stored and counted; a label only shown.
 */
import { z } from 'zod'

type Labels = Readonly<Record<string, string>>
/** The values of a label table, in its order, as zod wants an enum's values. */
const valuesOf = <L extends Labels>(labels: L) =>
  Object.keys(labels) as [keyof L & string, ...(keyof L & string)[]]
/** A select's options (Payload fields, the desk's pickers), in the table's order. */
const optionsOf = <L extends Labels>(labels: L) =>
  valuesOf(labels).map((value) => ({ label: labels[value]!, value }))

const CHANNEL_LABELS = {
  direct: '直接入電',
  'transfer-shiminka': '市民課から転送',
  'transfer-switchboard': '代表電話から転送',
  'outbound-callback': '折り返しの発信',
  outbound: 'センターからの発信',
} as const
const CALLER_TYPE_LABELS = {
  self: '本人',
  family: '家族',
  proxy: '代理人',
  business: '事業者',
  unknown: '不明',
} as const
const OUTCOME_LABELS = {
  resolved: '一次完了（その場で解決）',
  escalated: '市民課へエスカレーション',
  callback: '折り返し',
  'reservation-made': '予約の受付',
  'reservation-changed': '予約の変更',
  'reservation-cancelled': '予約の取消',
  transferred: '転送',
} as const

export const callChannelSchema = z
  .enum(valuesOf(CHANNEL_LABELS))
  .describe('入電経路: how the call reached the call center')
export const callerTypeSchema = z.enum(valuesOf(CALLER_TYPE_LABELS)).describe('相談者: who called')
export const callOutcomeSchema = z.enum(valuesOf(OUTCOME_LABELS)).describe('結果: how the call ended')

export const CALL_OUTCOMES = callOutcomeSchema.options
export type CallChannel = z.infer<typeof callChannelSchema>
export type CallerType = z.infer<typeof callerTypeSchema>
export type CallOutcome = z.infer<typeof callOutcomeSchema>

/**
 * Calls the centre made (a promised callback, or a call of its own): no PBX record of an offered
 * call, so the reports show them apart and leave them out of ATT, AHT, 一次完了 and FAQ usage.
 */
export const OUTBOUND_CHANNELS: readonly CallChannel[] = ['outbound-callback', 'outbound']
export const isOutboundChannel = (channel: string): boolean =>
  (OUTBOUND_CHANNELS as readonly string[]).includes(channel)

export const CALL_CHANNEL_OPTIONS = optionsOf(CHANNEL_LABELS)
export const CALLER_TYPE_OPTIONS = optionsOf(CALLER_TYPE_LABELS)
export const CALL_OUTCOME_OPTIONS = optionsOf(OUTCOME_LABELS)
/**
 * The outcomes of generated calls (the benches, the seeded e2e month), one drawn uniformly from
 * this list: seven in ten resolved at once, then one each escalated, callback and reservation.
 */
export const GENERATED_OUTCOME_MIX: readonly CallOutcome[] = [
  'resolved',
  'resolved',
  'resolved',
  'resolved',
  'resolved',
  'resolved',
  'resolved',
  'escalated',
  'callback',
  'reservation-made',
]
/** An outcome's label, for tables and charts; a value not in the list shows as itself. */
export const callOutcomeLabel = (outcome: string): string => (OUTCOME_LABELS as Labels)[outcome] ?? outcome
