/**
 * GET /api/call-transcript?call=<id> — a call's masked transcript and what it suggests for the call
 * log (search-indexer's suggestFromTranscript over the operator index and the published FAQs' short
 * answers): FAQs with their evidence turn, a draft summary, a category and an outcome. Read with the
 * user's own access: the call's operator, supervisors and the city roles only (the transcripts
 * collection's read access); anyone else gets 404, as for a call that does not exist. Nothing is
 * saved here: accepting a FAQ is the person's PATCH of the call.
 */
import { prepareFaqs, suggestFromTranscript } from '@kotae/search-indexer/transcripts/suggest'
import type { Endpoint } from 'payload'
import { z } from 'zod'

import { gated } from '../access/endpointAccess'
import { getOperatorIndex } from '../search/operatorIndex'

const querySchema = z.object({ call: z.coerce.number().int().positive() })
const notFound = () =>
  Response.json({ errors: [{ message: 'この通話の文字起こしはありません。' }] }, { status: 404 })

export interface CallTranscriptResponse {
  transcript: {
    segments: { speaker: 'operator' | 'caller' | 'unknown'; start: number; end: number; text: string }[]
    linkMethod: string
    format: string
  } | null
  suggestions: {
    faqs: {
      id: number | string
      slug: string
      question: string
      shortAnswer: string
      reasons: string[]
      evidence: { turn: number; speaker: string; text: string }
      used: boolean
    }[]
    summary: string[]
    category: { id: number | string; name: string } | null
    outcome: string | null
  } | null
}

export const callTranscriptEndpoint: Endpoint = {
  path: '/call-transcript',
  method: 'get',
  handler: gated(undefined, async (req) => {
    const parsed = querySchema.safeParse(Object.fromEntries(req.searchParams ?? new URLSearchParams()))
    if (!parsed.success)
      return Response.json(
        { errors: [{ field: 'call', message: 'call は問い合わせ記録の ID です' }] },
        { status: 400 },
      )
    const as = { req, overrideAccess: false, user: req.user } as const
    const call = await req.payload
      .findByID({
        collection: 'calls',
        id: parsed.data.call,
        depth: 0,
        select: { faqsUsed: true },
        disableErrors: true,
        ...as,
      })
      .catch(() => null)
    if (!call) return notFound()
    const found = await req.payload
      .find({
        collection: 'transcripts',
        where: { call: { equals: parsed.data.call } },
        depth: 0,
        limit: 1,
        ...as,
      })
      .catch(() => null)
    const t = found?.docs[0]
    if (!t) return Response.json({ transcript: null, suggestions: null } satisfies CallTranscriptResponse)
    const segments = t.segments as NonNullable<CallTranscriptResponse['transcript']>['segments']

    const [index, faqs] = await Promise.all([
      getOperatorIndex(req.payload),
      req.payload.find({
        collection: 'faqs',
        where: { _status: { equals: 'published' } },
        select: { slug: true, question: true, shortAnswer: true, category: true },
        depth: 0,
        pagination: false,
        overrideAccess: true,
        req,
      }),
    ])
    const bySlug = new Map(faqs.docs.map((f) => [String(f.slug), f]))
    const s = suggestFromTranscript(
      segments,
      index,
      prepareFaqs(
        faqs.docs.map((f) => ({
          id: String(f.slug),
          shortAnswer: f.shortAnswer ?? '',
          category: f.category == null ? null : String(f.category),
        })),
      ),
    )
    const used = new Set((call.faqsUsed ?? []).map((f) => String(typeof f === 'object' && f ? f.id : f)))
    const category = s.category
      ? await req.payload
          .findByID({ collection: 'categories', id: s.category, depth: 0, disableErrors: true, req })
          .catch(() => null)
      : null
    const body: CallTranscriptResponse = {
      transcript: { segments, linkMethod: t.linkMethod, format: t.format },
      suggestions: {
        faqs: s.faqs.flatMap((f) => {
          const doc = bySlug.get(f.id)
          return doc
            ? [
                {
                  id: doc.id,
                  slug: f.id,
                  question: doc.question,
                  shortAnswer: doc.shortAnswer ?? '',
                  reasons: f.reasons,
                  evidence: f.evidence,
                  used: used.has(String(doc.id)),
                },
              ]
            : []
        }),
        summary: s.summary,
        category: category ? { id: category.id, name: category.name } : null,
        outcome: s.outcome,
      },
    }
    return Response.json(body)
  }),
}
