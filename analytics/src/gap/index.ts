export {
  GAP_KINDS,
  GAP_KIND_LABELS,
  type GapKind,
  type GapSignal,
  type GapCluster,
  type SiteEventRecord,
  type GapCallRecord,
  type GapEscalationRecord,
  type Tokenize,
} from './types'
export { collectGapSignals, safeText, firstSentence, type CollectInput, type CollectOptions } from './signals'
export { clusterGapSignals, type ClusterOptions } from './cluster'
export { setCosine, setContainment, fnv1a } from './similarity'
export {
  staleContent,
  STALE_REASONS,
  STALE_REASON_LABELS,
  type StaleReason,
  type StaleInput,
  type StaleOptions,
  type StaleRow,
} from './stale'
export {
  selfServiceTrend,
  NO_TOPIC,
  type TrendInput,
  type SelfServiceTrend,
  type TrendWeek,
  type TrendTopic,
  type TrendCounts,
} from './trend'
export { outcomeRows, hourRows, busyHours, type OutcomeRow, type HourRow } from './dashboard'
export { proposalsFromGaps, type Proposal, type ProposalOptions } from './proposals'
export {
  facetChoiceTable,
  type FacetChoiceTable,
  type FacetChoiceDimension,
  type FacetChoiceValue,
  type FacetNames,
} from './facetChoices'
