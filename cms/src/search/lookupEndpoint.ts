import { cleanSnippet } from '@kotae/search-indexer'
import type { Endpoint } from 'payload'
import { z } from 'zod'

import { CALL_TAKERS, hasRole, STAFF_READERS } from '../access/roles'
import type { LookupCandidate, LookupResponse, PastCall } from '../desk/types'
import { LOOKUP_POOL, priorWeight } from './lookupRanking'
import { currentOperatorPrior } from './operatorPrior'
import { faqIdOf, getOperatorIndex, searchOperatorIndex, warmOperatorIndex } from './operatorIndex'
import { blendWithPrior } from './usagePrior'
import { startIndexSync } from './indexSync'
import { isWarmupRequest } from './warmup'

const querySchema = z.object({
  q: z.string().max(10_000, 'q is at most 10,000 characters').default(''),
  limit: z.coerce.number().int().min(1).max(20).default(8),
})

const relName = (rel: unknown) => (rel && typeof rel === 'object' && 'name' in rel ? String((rel as { name: unknown }).name) : null)

/**
 * GET /api/lookup?q=…&limit=8 — answer candidates for the operator desk (staff only): the shared
 * Orama engine over the operator index, enriched with what the operator reads out (short answer,
 * what to bring, steps, sources), plus recent masked calls that used the top FAQs.
 */
export const lookupEndpoint: Endpoint = {
  path: '/lookup',
  method: 'get',
  handler: async (req) => {
    // `npm start` asks once, with the process's own token, so the first operator does not wait.
    if (isWarmupRequest(req.headers)) {
      // Only the app server npm start runs sends this: it also follows the other servers' changes.
      startIndexSync(req.payload)
      return Response.json(await warmOperatorIndex(req.payload))
    }
    if (!req.user) return Response.json({ errors: [{ message: 'サインインが必要です。' }] }, { status: 401 })
    if (!hasRole(req.user, ...STAFF_READERS)) return Response.json({ errors: [{ message: '検索する権限がありません。' }] }, { status: 403 })
    const parsed = querySchema.safeParse(Object.fromEntries(req.searchParams ?? new URLSearchParams()))
    if (!parsed.success) return Response.json({ errors: parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })) }, { status: 400 })
    const { q, limit } = parsed.data
    const started = performance.now()
    const index = await getOperatorIndex(req.payload)
    // A larger pool, reordered by which FAQs operators used for similar words, then cut.
    const pool = q.trim() ? searchOperatorIndex(index, q, Math.max(LOOKUP_POOL, limit)) : []
    const weight = priorWeight()
    const prior = weight > 0 && pool.length > 1 ? currentOperatorPrior(req.payload, index) : null
    const priorScores = prior
      ? prior.score(
          q,
          pool.flatMap((h) => (h.kind === 'faq' ? [String(faqIdOf(index, h.id) ?? '')] : [])),
        )
      : new Map<string, number>()
    const priorOf = (h: (typeof pool)[number]) => (h.kind === 'faq' ? (priorScores.get(String(faqIdOf(index, h.id) ?? '')) ?? 0) : 0)
    const hits = blendWithPrior(pool, (h) => h.score, priorOf, weight).slice(0, limit)

    const slugsOf = (kind: string) => hits.filter((h) => h.kind === kind).map((h) => h.id)
    // Only what the desk shows: no virtual usage count (a count over all calls per FAQ) and only
    // the names and links of categories and sources.
    const populate = { categories: { name: true }, sources: { title: true, url: true, checkedAt: true } } as const
    const [faqs, guides, sources] = await Promise.all([
      slugsOf('faq').length
        ? req.payload.find({ collection: 'faqs', where: { slug: { in: slugsOf('faq') } }, select: { slug: true, answerText: true, category: true, sources: true, bring: true }, populate, depth: 1, limit, pagination: false, req, overrideAccess: false, user: req.user })
        : { docs: [] },
      slugsOf('guide').length
        ? req.payload.find({ collection: 'guides', where: { slug: { in: slugsOf('guide') } }, select: { slug: true, summary: true, category: true, sources: true, bring: true, steps: true }, populate, depth: 1, limit, pagination: false, req, overrideAccess: false, user: req.user })
        : { docs: [] },
      slugsOf('source').length
        ? req.payload.find({ collection: 'sources', where: { slug: { in: slugsOf('source') } }, select: { slug: true, title: true, url: true, checkedAt: true }, depth: 0, limit, pagination: false, req })
        : { docs: [] },
    ])
    const bySlug = new Map<string, Record<string, unknown>>()
    for (const d of faqs.docs) bySlug.set(`faq:${d.slug}`, d as never)
    for (const d of guides.docs) bySlug.set(`guide:${d.slug}`, d as never)
    for (const d of sources.docs) bySlug.set(`source:${d.slug}`, d as never)

    const candidates: LookupCandidate[] = []
    for (const h of hits) {
      const d = bySlug.get(`${h.kind}:${h.id}`) as Record<string, any> | undefined
      if (!d) continue // unpublished since the index was read, or not readable by this user
      const srcs = h.kind === 'source' ? [d] : ((d.sources ?? []) as unknown[]).filter((s): s is Record<string, any> => typeof s === 'object' && s !== null)
      // The body is Markdown (as on the site): the snippet shows its text without the marks.
      const snippet = cleanSnippet(h.snippet.text, h.snippet.highlights)
      candidates.push({
        id: `${h.kind}:${h.id}`,
        kind: h.kind,
        docId: d.id,
        title: h.document.question,
        shortAnswer: h.document.shortAnswer ?? '',
        answer: h.kind === 'faq' ? d.answerText ?? '' : h.kind === 'guide' ? d.summary ?? '' : d.url ?? '',
        snippet: { text: snippet.text, marks: snippet.highlights.map((s) => [s.start, s.end] as [number, number]) },
        explanation: h.explanation.reasons.join(' ／ '),
        category: relName(d.category),
        sources: srcs.map((s) => ({ title: String(s.title), url: String(s.url), checkedAt: s.checkedAt ?? null })),
        bring: h.kind === 'faq' ? (d.bring ?? []).map((b: any) => ({ item: b.item, note: b.note })) : (d.bring ?? []).flatMap((b: any) => (b.items ?? []).map((i: any) => ({ item: i.item, note: i.note }))),
        steps: h.kind === 'guide' ? (d.steps ?? []).map((s: any) => ({ title: s.title, detail: s.detail })) : [],
        score: h.score,
      })
    }

    const topFaqIds = candidates.filter((c) => c.kind === 'faq').slice(0, 3).map((c) => c.docId)
    // Past calls are for those who take and supervise calls; editors and reviewers get none.
    const past = topFaqIds.length && hasRole(req.user, ...CALL_TAKERS)
      ? await req.payload.find({
          collection: 'calls',
          where: { faqsUsed: { in: topFaqIds } },
          sort: '-talkStartedAt',
          limit: 3,
          depth: 1,
          pagination: false,
          // Summaries are masked when stored; contact details are never selected.
          select: { talkStartedAt: true, summary: true, outcome: true, faqsUsed: true },
          populate: { faqs: { question: true } },
          overrideAccess: true,
          req,
        })
      : { docs: [] }
    const pastCalls: PastCall[] = past.docs.map((c) => ({
      id: c.id,
      talkStartedAt: c.talkStartedAt,
      summary: c.summary,
      outcome: c.outcome,
      faqsUsed: (c.faqsUsed ?? []).filter((f): f is Exclude<typeof f, number> => typeof f === 'object').map((f) => ({ id: f.id, question: f.question })),
    }))
    const body: LookupResponse = { query: q, tookMs: Math.round(performance.now() - started), candidates, pastCalls }
    return Response.json(body, { headers: { 'Cache-Control': 'no-store' } })
  },
}
