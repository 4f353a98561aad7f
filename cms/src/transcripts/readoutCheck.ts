/**
 * 読み上げ確認 (decision 0039): the calls of a period whose transcript shows the operator saying a
 * fee, period, count, date or document that differs from the FAQ marked used on the call
 * (search-indexer's checkReadout holds the rule). Read with the user's own access; for supervisors,
 * 承認者 and admins (READOUT_READERS). The FAQs compared are the published ones.
 */
import {
  checkReadout,
  documentLexicon,
  type FactKind,
  type ReadoutFaq,
} from '@kotae/search-indexer/transcripts/readout'
import type { Endpoint, Payload, PayloadRequest } from 'payload'

import { gated } from '../access/endpointAccess'
import { TRANSCRIPT_READERS } from '../collections/Transcripts/access'
import { type GapRange, gapRangeSchema } from '../gap/range'
import { fieldErrors } from '../http/fieldErrors'

/**
 * Supervisors, 承認者 and admins: those who read every call and every transcript (市職員 reads
 * transcripts but not the call logs this view lists).
 */
export const READOUT_READERS = TRANSCRIPT_READERS.filter((r) => r !== 'cityViewer')

export interface ReadoutRow {
  call: { id: number | string; talkStartedAt: string | null }
  faq: { id: number | string; question: string }
  kind: FactKind
  operatorLine: string
  faqLine: string
  said: string
  expected: string[]
}
export interface ReadoutResult {
  from: string
  to: string
  /** Calls with a transcript and at least one FAQ marked used, checked. */
  checked: number
  rows: ReadoutRow[]
}

const PAGE = 200

export async function readoutCheck(
  payload: Payload,
  range: GapRange,
  req: PayloadRequest,
): Promise<ReadoutResult> {
  const as = { req, overrideAccess: false, user: req.user } as const
  const faqs = await payload.find({
    collection: 'faqs',
    where: { _status: { equals: 'published' } },
    select: { question: true, shortAnswer: true, answerText: true },
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const byId = new Map(
    faqs.docs.map((f) => [
      String(f.id),
      {
        id: String(f.id),
        question: f.question,
        shortAnswer: f.shortAnswer ?? '',
        answerText: f.answerText ?? '',
      },
    ]),
  )
  const lexicon = documentLexicon([...byId.values()] satisfies ReadoutFaq[])
  const rows: ReadoutRow[] = []
  let checked = 0
  for (let page = 1; ; page++) {
    const calls = await payload.find({
      collection: 'calls',
      where: {
        and: [
          { talkStartedAt: { greater_than_equal: range.start } },
          { talkStartedAt: { less_than: range.end } },
        ],
      },
      select: { faqsUsed: true, talkStartedAt: true },
      sort: 'talkStartedAt',
      depth: 0,
      limit: PAGE,
      page,
      ...as,
    })
    const ids = calls.docs.filter((c) => c.faqsUsed?.length).map((c) => c.id)
    const transcripts = ids.length
      ? await payload.find({
          collection: 'transcripts',
          where: { call: { in: ids } },
          select: { call: true, segments: true },
          depth: 0,
          pagination: false,
          ...as,
        })
      : { docs: [] }
    const segmentsOf = new Map(transcripts.docs.map((t) => [String(t.call), t.segments as ReadoutTurn[]]))
    for (const c of calls.docs) {
      const turns = segmentsOf.get(String(c.id))
      const used = (c.faqsUsed ?? []).flatMap((f) => {
        const faq = byId.get(String(typeof f === 'object' && f ? f.id : f))
        return faq ? [faq] : []
      })
      if (!turns || !used.length) continue
      checked++
      for (const issue of checkReadout(turns, used, lexicon)) {
        const faq = byId.get(issue.faq)!
        rows.push({
          call: { id: c.id, talkStartedAt: c.talkStartedAt ?? null },
          faq: { id: Number(faq.id) || faq.id, question: faq.question },
          kind: issue.kind,
          operatorLine: issue.operatorLine,
          faqLine: issue.faqLine,
          said: issue.said,
          expected: issue.expected,
        })
      }
    }
    if (!calls.hasNextPage) break
  }
  return { from: range.from, to: range.to, checked, rows }
}
type ReadoutTurn = { speaker: 'operator' | 'caller' | 'unknown'; text: string }

const READOUT_GATE = {
  roles: READOUT_READERS,
  forbidden: '読み上げ確認はスーパーバイザー、承認者、システム管理者が使えます。',
} as const

/** GET /api/readout-check?from=YYYY-MM-DD&to=YYYY-MM-DD (JST days; default the last 30). */
export const readoutCheckEndpoint: Endpoint = {
  path: '/readout-check',
  method: 'get',
  handler: gated(READOUT_GATE, async (req) => {
    const q = Object.fromEntries(req.searchParams ?? new URLSearchParams())
    const range = gapRangeSchema.safeParse({ from: q.from || undefined, to: q.to || undefined })
    if (!range.success) return Response.json({ errors: fieldErrors(range.error, 'from') }, { status: 400 })
    return Response.json(await readoutCheck(req.payload, range.data, req))
  }),
}
