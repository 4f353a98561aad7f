import type { Payload, PayloadRequest, Where } from 'payload'

export type ReviewItem = {
  collection: 'faqs' | 'guides'
  id: number | string
  title: string
  reviewState: 'draft' | 'in_review'
  /** Who asked for review and when (ISO), null when not recorded. */
  submittedBy: string | null
  submittedAt: string | null
  sendBackReason: string | null
  sentBackBy: string | null
  sentBackAt: string | null
  updatedAt: string
}

const IN_REVIEW: Where = { reviewState: { equals: 'in_review' } }
const IN_WORK: Where = { reviewState: { in: ['draft', 'in_review'] } }

type Doc = Record<string, unknown> & { id: number | string }
const idOf = (v: unknown): string | null =>
  v === null || v === undefined
    ? null
    : String(v && typeof v === 'object' && 'id' in v ? (v as { id: unknown }).id : v)

/**
 * How many FAQs and guides wait for a reviewer, read with the reader's access. Counted on the
 * latest version of each entry: a never-published draft's state lives only there.
 */
export async function countReviewQueue(payload: Payload, user: PayloadRequest['user']): Promise<number> {
  const where: Where = {
    and: [{ latest: { equals: true } }, { 'version.reviewState': { equals: 'in_review' } }],
  }
  const access = { overrideAccess: false, user, where } as const
  const [faqs, guides] = await Promise.all([
    payload.countVersions({ collection: 'faqs', ...access }),
    payload.countVersions({ collection: 'guides', ...access }),
  ])
  return faqs.totalDocs + guides.totalDocs
}

/**
 * 承認待ち (`which: 'queue'`, oldest request first) or every entry in work, drafts and 承認待ち
 * (`which: 'work'`, sent-back first, then the latest change first), from the latest draft of each
 * entry. Staff names come from the users collection (name, else e-mail).
 */
export async function findReviewItems(
  payload: Payload,
  req: PayloadRequest,
  which: 'queue' | 'work',
): Promise<ReviewItem[]> {
  const common = {
    where: which === 'queue' ? IN_REVIEW : IN_WORK,
    draft: true,
    depth: 0,
    limit: 500,
    pagination: false,
    overrideAccess: false,
    req,
    user: req.user,
  } as const
  const [faqs, guides] = await Promise.all([
    payload.find({ collection: 'faqs', ...common }),
    payload.find({ collection: 'guides', ...common }),
  ])
  const docs: { collection: 'faqs' | 'guides'; title: string; doc: Doc }[] = [
    ...faqs.docs.map((d) => ({ collection: 'faqs' as const, title: d.question, doc: d as unknown as Doc })),
    ...guides.docs.map((d) => ({ collection: 'guides' as const, title: d.title, doc: d as unknown as Doc })),
  ]
  const userIds = [
    ...new Set(
      docs
        .flatMap(({ doc }) => [idOf(doc.submittedBy), idOf(doc.sentBackBy)])
        .filter((v): v is string => v !== null),
    ),
  ]
  const names = new Map<string, string>()
  if (userIds.length > 0) {
    const users = await payload.find({
      collection: 'users',
      where: { id: { in: userIds } },
      depth: 0,
      limit: userIds.length,
      pagination: false,
      overrideAccess: true,
      req,
    })
    for (const u of users.docs) names.set(String(u.id), (u as { name?: string | null }).name || u.email)
  }
  const items = docs.map(
    ({ collection, title, doc }): ReviewItem => ({
      collection,
      id: doc.id,
      title,
      reviewState: doc.reviewState === 'in_review' ? 'in_review' : 'draft',
      submittedBy: names.get(idOf(doc.submittedBy) ?? '') ?? null,
      submittedAt: (doc.submittedAt as string | null) ?? null,
      sendBackReason: doc.reviewState === 'draft' ? ((doc.sendBackReason as string | null) ?? null) : null,
      sentBackBy: names.get(idOf(doc.sentBackBy) ?? '') ?? null,
      sentBackAt: (doc.sentBackAt as string | null) ?? null,
      updatedAt: String(doc.updatedAt),
    }),
  )
  if (which === 'queue')
    return items.sort((a, b) => (a.submittedAt ?? a.updatedAt).localeCompare(b.submittedAt ?? b.updatedAt))
  return items.sort(
    (a, b) =>
      Number(Boolean(b.sendBackReason)) - Number(Boolean(a.sendBackReason)) ||
      b.updatedAt.localeCompare(a.updatedAt),
  )
}
