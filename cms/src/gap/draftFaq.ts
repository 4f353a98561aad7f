import { GAP_KINDS, GAP_KIND_LABELS, type GapCluster } from '@kotae/analytics'
import type { Payload, PayloadRequest } from 'payload'

import type { GapRange } from './range'
import { GAP_STRINGS } from './strings'

const SIX_MONTHS = 182 * 24 * 60 * 60 * 1000

/** The marker in operatorNotes that ties a draft to its cluster, so a second click finds it. */
const clusterMarker = (id: string) => `まとまり ${id}）`

const breakdownOf = (c: GapCluster) =>
  GAP_KINDS.filter((k) => c.byKind[k])
    .map((k) => `${GAP_KIND_LABELS[k]} ${c.byKind[k]}件`)
    .join('、')

/**
 * A new FAQ draft from a gap cluster: the typical text as the question, the other examples as
 * alternatives, the most frequent call topic as the category, and a note of where it came from.
 * Always a draft: the answer and sources are left for the editor, and a reviewer publishes.
 */
export async function createDraftFromCluster(
  payload: Payload,
  req: PayloadRequest,
  cluster: GapCluster & { topics: string[] },
  range: Pick<GapRange, 'from' | 'to'>,
): Promise<{ id: number | string; created: boolean }> {
  const existing = await payload.find({
    collection: 'faqs',
    where: { operatorNotes: { like: clusterMarker(cluster.id) } },
    draft: true,
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  if (existing.docs[0]) return { id: existing.docs[0].id, created: false }
  const alternatives = cluster.examples
    .map((e) => e.text)
    .filter((t) => t !== cluster.typicalText)
    .slice(0, 10)
    .map((text) => ({ text: text.slice(0, 200) }))
  // The calls' topics are category ids (numbers on both databases); anything else names no category.
  const categoryId = cluster.topics[0] ? Number(cluster.topics[0]) : Number.NaN
  const faq = await payload.create({
    collection: 'faqs',
    draft: true,
    // Supervisors may draft from the analysis though they cannot write FAQs: the draft only
    // enters the review queue, and the audit log records who made it (req carries the user).
    overrideAccess: true,
    req,
    data: {
      _status: 'draft',
      question: cluster.typicalText.slice(0, 200),
      alternatives,
      category: Number.isNaN(categoryId) ? undefined : categoryId,
      sources: [],
      reviewBy: new Date(Date.now() + SIX_MONTHS).toISOString(),
      operatorNotes: GAP_STRINGS.draftNote(
        range.from,
        range.to,
        cluster.id,
        cluster.volume,
        breakdownOf(cluster),
      ),
    },
  })
  return { id: faq.id, created: true }
}
