import {
  clusterGapSignals,
  collectGapSignals,
  facetChoiceTable,
  proposalsFromGaps,
  staleContent,
  type FacetChoiceTable,
  type GapCluster,
  type Proposal,
  type StaleRow,
} from '@kotae/analytics'
import { unansweredQuestions } from '@kotae/search-indexer/transcripts/suggest'
import type { Payload, PayloadRequest } from 'payload'

import { hasRole } from '../access/roles'
import { TRANSCRIPT_READERS } from '../collections/Transcripts/access'
import { facetVocabulary } from '../search/facetVocabulary'
import { getOperatorIndex } from '../search/operatorIndex'
import { gapTokenizer } from './analyzer'
import { gatherGapData, gatherStaleInputs } from './gather'
import type { GapRange } from './range'
import { weakQueries } from './weakMatch'

export interface GapAnalysis {
  range: Pick<GapRange, 'from' | 'to'>
  /** Signals behind the clusters. */
  signals: number
  clusters: (GapCluster & { topicNames: string[] })[]
  stale: StaleRow[]
  proposals: Proposal[]
  /** The ask-back choices of the period (site and desk) per dimension and value: which facets people confuse. */
  facetChoices: FacetChoiceTable
}

export interface GapAnalysisOptions {
  /** Clusters returned. Default 50. */
  maxClusters?: number
  now?: Date
}

/** Everything the gap view, GET /api/gap and the monthly report's proposals need. */
export async function analyzeGaps(
  payload: Payload,
  range: GapRange,
  options: GapAnalysisOptions = {},
  req?: PayloadRequest,
): Promise<GapAnalysis> {
  const data = await gatherGapData(payload, range, req)
  const searched = new Set(data.siteEvents.filter((e) => e.type === 'search' && e.query).map((e) => e.query!))
  for (const e of data.siteEvents) if (e.type === 'zero-result' && e.query) searched.delete(e.query)
  const lowScoreQueries =
    searched.size > 0 ? weakQueries(await getOperatorIndex(payload), searched) : new Set<string>()
  // Callers' questions from the transcripts that no FAQ answers (masked text; decision 0039). Only
  // calls with no FAQ marked used: one lookup per question costs ~10 ms, so every transcript of a
  // month would take minutes, and a call whose FAQ was used had its question answered.
  // Transcripts are read by TRANSCRIPT_READERS only: their questions join the analysis only for
  // them, never for an editor, a draft by one, or the monthly report (no user: an export).
  const mayReadTranscripts = hasRole(req?.user, ...TRANSCRIPT_READERS)
  const callById = new Map(data.calls.filter((c) => !c.faqsUsed?.length).map((c) => [c.id, c]))
  const index = mayReadTranscripts && data.transcripts.length ? await getOperatorIndex(payload) : null
  const transcriptQuestions = index
    ? data.transcripts.flatMap((t) => {
        const call = callById.get(t.call)
        return call
          ? unansweredQuestions(t.segments, index).map((q) => ({
              text: q.text,
              at: call.talkStartedAt,
              topic: call.category ?? null,
            }))
          : []
      })
    : []
  const signals = collectGapSignals({ ...data, transcriptQuestions }, { lowScoreQueries })
  const clusters = clusterGapSignals(signals, {
    tokenize: await gapTokenizer(payload, req),
    maxClusters: options.maxClusters ?? 50,
  })
  const stale = staleContent(await gatherStaleInputs(payload, options.now ?? new Date(), 90, req), {
    now: options.now ?? new Date(),
  })
  return {
    range: { from: range.from, to: range.to },
    signals: signals.length,
    clusters: clusters.map((c) => ({ ...c, topicNames: c.topics.map((t) => data.categories.get(t) ?? t) })),
    stale,
    proposals: proposalsFromGaps(clusters, stale),
    facetChoices: facetChoiceTable(data.siteEvents, await facetVocabulary()),
  }
}
