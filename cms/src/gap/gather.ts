import type { GapCallRecord, GapEscalationRecord, SiteEventRecord, StaleInput } from '@kotae/analytics'
import { DAY_MS } from '@kotae/analytics'
import type { Payload, PayloadRequest, Where } from 'payload'

import type { Call, Escalation, SiteEvent, Transcript } from '../payload-types'

import type { GapRange } from './range'

/** The role check is done by the caller (endpoint or view); reads here see every record. */
const sys = (req?: PayloadRequest) => ({ overrideAccess: true, depth: 0, pagination: false, req }) as const

/**
 * Bulk reads straight from the database adapter: no access, hooks or afterRead per field (a month
 * of site events through payload.find cost ~1.7 s for 12,000 rows on SQLite; this path ~5× less).
 */
async function rows<T>(
  payload: Payload,
  collection: 'site-events' | 'calls' | 'escalations' | 'transcripts',
  where: Where,
  select: Record<string, true>,
  req?: PayloadRequest,
): Promise<T[]> {
  const result = await payload.db.find<T>({ collection, where, select, limit: 0, pagination: false, req })
  return result.docs
}
const idOf = (v: unknown): string | null =>
  v === null || v === undefined ? null : typeof v === 'object' ? String((v as { id: unknown }).id) : String(v)
const between = (field: string, start: string, end: string) => ({
  and: [{ [field]: { greater_than_equal: start } }, { [field]: { less_than: end } }],
})

export interface GapData {
  siteEvents: SiteEventRecord[]
  calls: GapCallRecord[]
  escalations: GapEscalationRecord[]
  /** Category id → name, for topics. */
  categories: Map<string, string>
  /** The masked transcripts of the range's calls (call id → turns). */
  transcripts: { call: string; segments: { speaker: 'operator' | 'caller' | 'unknown'; text: string }[] }[]
}

/** Site events, calls (with their transcripts) and escalations of the range, as analytics' plain records. */
export async function gatherGapData(
  payload: Payload,
  range: GapRange,
  req?: PayloadRequest,
): Promise<GapData> {
  const [events, calls, escalations, categories] = await Promise.all([
    rows<SiteEvent>(
      payload,
      'site-events',
      between('at', range.start, range.end),
      {
        type: true,
        at: true,
        query: true,
        faq: true,
        helpful: true,
        reason: true,
        dimension: true,
        value: true,
      },
      req,
    ),
    rows<Call>(
      payload,
      'calls',
      between('talkStartedAt', range.start, range.end),
      { talkStartedAt: true, queries: true, summary: true, faqsUsed: true, category: true },
      req,
    ),
    rows<Escalation>(
      payload,
      'escalations',
      between('createdAt', range.start, range.end),
      { createdAt: true, summary: true },
      req,
    ),
    payload.find({ collection: 'categories', select: { name: true }, limit: 0, ...sys(req) }),
  ])
  const transcripts: GapData['transcripts'] = []
  const callIds = calls.map((c) => c.id)
  for (let i = 0; i < callIds.length; i += 500) {
    const found = await rows<Transcript>(
      payload,
      'transcripts',
      { call: { in: callIds.slice(i, i + 500) } },
      { call: true, segments: true },
      req,
    )
    for (const t of found)
      if (t.call != null)
        transcripts.push({
          call: idOf(t.call)!,
          segments: t.segments as GapData['transcripts'][number]['segments'],
        })
  }
  return {
    transcripts,
    siteEvents: events.map((e) => ({
      type: e.type,
      at: e.at,
      query: e.query,
      faq: e.faq,
      helpful: e.helpful,
      reason: e.reason,
      dimension: e.dimension,
      value: e.value,
    })),
    calls: calls.map((c) => ({
      id: String(c.id),
      talkStartedAt: c.talkStartedAt,
      queries: c.queries ?? [],
      summary: c.summary,
      faqsUsed: (c.faqsUsed ?? []).map((f) => idOf(f)!).filter(Boolean),
      category: idOf(c.category),
    })),
    escalations: escalations.map((e) => ({ id: String(e.id), createdAt: e.createdAt, summary: e.summary })),
    categories: new Map(categories.docs.map((c) => [String(c.id), c.name])),
  }
}

/**
 * Published FAQs with their last use in a call and last site view in the `days` before `now`, and
 * their helpful / not-helpful votes in that window (site events name FAQs by slug, calls by id).
 */
export async function gatherStaleInputs(
  payload: Payload,
  now: Date,
  days = 90,
  req?: PayloadRequest,
): Promise<StaleInput[]> {
  const start = new Date(now.getTime() - days * DAY_MS).toISOString()
  const end = now.toISOString()
  const [faqs, calls, events] = await Promise.all([
    payload.find({
      collection: 'faqs',
      where: { _status: { equals: 'published' } },
      select: { question: true, slug: true, reviewBy: true, createdAt: true },
      limit: 0,
      ...sys(req),
    }),
    rows<Call>(
      payload,
      'calls',
      between('talkStartedAt', start, end),
      { talkStartedAt: true, faqsUsed: true },
      req,
    ),
    rows<SiteEvent>(
      payload,
      'site-events',
      { and: [between('at', start, end), { type: { in: ['faq-view', 'helpful'] } }] },
      { type: true, at: true, faq: true, helpful: true },
      req,
    ),
  ])
  const lastUse = new Map<string, string>()
  for (const c of calls)
    for (const f of c.faqsUsed ?? []) {
      const id = idOf(f)!
      if ((lastUse.get(id) ?? '') < c.talkStartedAt) lastUse.set(id, c.talkStartedAt)
    }
  const lastView = new Map<string, string>()
  const votes = new Map<string, { yes: number; no: number }>()
  for (const e of events) {
    if (!e.faq) continue
    if (e.type === 'faq-view' && (lastView.get(e.faq) ?? '') < e.at) lastView.set(e.faq, e.at)
    if (e.type === 'helpful') {
      const v = votes.get(e.faq) ?? { yes: 0, no: 0 }
      if (e.helpful) v.yes += 1
      else v.no += 1
      votes.set(e.faq, v)
    }
  }
  return faqs.docs.map((f) => ({
    id: String(f.id),
    title: f.question,
    reviewBy: f.reviewBy ?? null,
    createdAt: f.createdAt,
    lastUsedAt: lastUse.get(String(f.id)) ?? null,
    lastViewedAt: (f.slug && lastView.get(f.slug)) || null,
    helpfulVotes: (f.slug && votes.get(f.slug)?.yes) || 0,
    notHelpfulVotes: (f.slug && votes.get(f.slug)?.no) || 0,
  }))
}
