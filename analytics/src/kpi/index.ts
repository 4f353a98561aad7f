export { resolveReportOptions, type ReportOptions, type ResolvedReportOptions } from './options'
export { periodRange, periodLabels, type ReportPeriod, type PeriodLabels } from './period'
export { ratio, median, secondsBetween } from './stats'
export {
  abandonRate,
  abandonWaitSeconds,
  answerRate,
  answerWaitSeconds,
  asaSeconds,
  isAnswered,
  offeredForRate,
  serviceLevel,
} from './telephony'
export { ahtSeconds, attSeconds, handleSeconds, talkSeconds } from './talk'
export { firstContactResolutionRate, calledAgain } from './fcr'
export { halfHourRows, type HalfHourRow } from './by-half-hour'
export { hoursClock, type OutOfHoursReason } from './hours'
export { DAY_TYPE_LABELS, type DayTypeKey, type WeekdayRow } from './by-weekday'
export type { TopicRow } from './by-topic'
export type { FaqUsageRow } from './faq-usage'
export type { EscalationSummary } from './escalations'
export { createReportAccumulator, type ReportAccumulator } from './accumulator'
export type {
  CallSlotAggregate,
  FaqUsageAggregate,
  RepeatCheckAggregate,
  TelephonySlotAggregate,
} from './aggregate'
export {
  computeReport,
  REPORT_KPI_KEYS,
  type Report,
  type ReportMeta,
} from './report'
