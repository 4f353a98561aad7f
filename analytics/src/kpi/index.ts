export * from './records'
export {
  ReportOptionsSchema,
  resolveReportOptions,
  type ReportOptions,
  type ResolvedReportOptions,
} from './options'
export { ReportPeriodSchema, periodRange, periodLabels, type ReportPeriod, type PeriodLabels } from './period'
export { ratio, meanOf, median, secondsBetween } from './stats'
export { offeredAtMs, isOfferedIn } from './offered'
export { isAnswered } from './answered'
export { abandonWaitSeconds, isShortAbandon, abandonRate, type AbandonedSummary } from './abandoned'
export { answerRate, offeredForRate } from './answer-rate'
export { answerWaitSeconds, asaSeconds } from './asa'
export { isWithinServiceLevel, serviceLevel, type ServiceLevelSummary } from './service-level'
export { talkSeconds, attSeconds } from './att'
export { handleSeconds, callHandleSeconds, ahtSeconds } from './aht'
export {
  isLoggedResolved,
  firstContactResolutionRate,
  RepeatTracker,
  callerKey,
  MAX_REPEAT_CATEGORIES,
  type RepeatCheckResult,
} from './fcr'
export { halfHourRows, type HalfHourRow } from './by-half-hour'
export { hoursClock, OUT_OF_HOURS_REASONS, type HoursClock, type OutOfHoursReason } from './hours'
export {
  DAY_TYPE_KEYS,
  DAY_TYPE_LABELS,
  dayTypeIndex,
  DayTypeTable,
  weekdayRows,
  type DayTypeKey,
  type WeekdayRow,
} from './by-weekday'
export { topicRows, type TopicRow } from './by-topic'
export { addFaqsUsed, faqUsageRows, type FaqUsageRow } from './faq-usage'
export {
  escalationTurnaroundHours,
  EscalationCounter,
  type EscalationSummary,
  type TurnaroundSummary,
} from './escalations'
export { linkCallsToTelephony, type LinkOptions, type LinkResult, type CallTelephonyLink } from './link'
export { createReportAccumulator, type ReportAccumulator } from './accumulator'
export type {
  CallSlotAggregate,
  FaqUsageAggregate,
  RepeatCheckAggregate,
  RepeatCheckCall,
  TelephonySlotAggregate,
} from './aggregate'
export {
  computeReport,
  REPORT_KPI_KEYS,
  type Report,
  type ReportMeta,
  type ComputeReportInput,
} from './report'
