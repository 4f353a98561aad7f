import { cleanSnippet } from '@kotae/search-indexer'
import type { Endpoint } from 'payload'
import { z } from 'zod'

import { refuseUnless } from '../access/endpointAccess'
import { CALL_TAKERS, hasRole, STAFF_READERS } from '../access/roles'
import type { LookupCandidate, LookupResponse } from '../desk/types'
import { fieldErrors } from '../http/fieldErrors'
import { LOOKUP_POOL, priorWeight } from './lookupRanking'
import { currentOperatorPrior } from './operatorPrior'
import { facetVocabulary, hasFacetValue } from './facetVocabulary'
import { deskCards } from './deskCards'
import { pastCallsFor } from './pastCalls'
import { answerOperatorIndex, faqIdOf, getOperatorIndex, warmOperatorIndex } from './operatorIndex'
import { blendWithPrior } from './usagePrior'
import { startIndexSync } from './indexSync'
import { isWarmupRequest } from './warmup'

/** A facet dimension or value id as content/facets.yaml writes them (kebab-case), at most 40 characters. */
const FACET_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const MAX_FACET_PAIRS = 3

/**
 * `facets=what:certificate` or `facets=what:certificate,who:proxy`: the operator's choice after an
 * ask back, at most three `dimension:value` pairs; several values of one dimension are kept together.
 */
const facetsParamSchema = z
  .string()
  .max(200, 'facets is at most 200 characters')
  .transform((raw, ctx) => {
    const pairs = raw
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean)
    if (pairs.length > MAX_FACET_PAIRS) {
      ctx.addIssue({
        code: 'custom',
        message: `facets takes at most ${MAX_FACET_PAIRS} dimension:value pairs`,
      })
      return z.NEVER
    }
    const out: Record<string, string[]> = {}
    for (const pair of pairs) {
      const [dimension = '', value = '', ...rest] = pair.split(':')
      if (
        rest.length > 0 ||
        !FACET_ID.test(dimension) ||
        !FACET_ID.test(value) ||
        dimension.length > 40 ||
        value.length > 40
      ) {
        ctx.addIssue({
          code: 'custom',
          message: `facets: "${pair.slice(0, 90)}" is not dimension:value (lowercase a-z, 0-9 and -, each at most 40 characters), e.g. what:certificate`,
        })
        return z.NEVER
      }
      const values = out[dimension] ?? []
      out[dimension] = values
      if (!values.includes(value)) values.push(value)
    }
    return out
  })

const querySchema = z.object({
  q: z.string().max(10_000, 'q is at most 10,000 characters').default(''),
  limit: z.coerce.number().int().min(1).max(20).default(8),
  facets: facetsParamSchema.optional(),
})

/**
 * GET /api/lookup?q=…&limit=8[&facets=what:certificate] — answer candidates for the operator desk
 * (staff only): the shared search engine (@kotae/search-indexer) over the operator index (`answer()`: how sure the first
 * answer is, and a question to ask back when the first answers differ by one facet), enriched with
 * what the operator reads out (short answer, what to bring, steps, sources), plus recent masked
 * calls that used the top FAQs. `facets` is the operator's choice after an ask back; it re-ranks.
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
    const refused = refuseUnless(req, { roles: STAFF_READERS, forbidden: '検索する権限がありません。' })
    if (refused) return refused
    const parsed = querySchema.safeParse(Object.fromEntries(req.searchParams ?? new URLSearchParams()))
    if (!parsed.success) return Response.json({ errors: fieldErrors(parsed.error) }, { status: 400 })
    const { q, limit } = parsed.data
    const facets = parsed.data.facets ?? {}
    const started = performance.now()
    // Where a lookup's time goes, for `Server-Timing` (bench:lookup prints it): phase → ms.
    const phases: [string, number][] = []
    let mark = started
    const lap = (name: string) => {
      const now = performance.now()
      phases.push([name, now - mark])
      mark = now
    }
    if (Object.keys(facets).length > 0) {
      const vocabulary = await facetVocabulary()
      const unknown = Object.entries(facets).flatMap(([d, values]) =>
        values.filter((v) => !hasFacetValue(vocabulary, d, v)).map((v) => `${d}:${v}`),
      )
      if (unknown.length > 0)
        return Response.json(
          {
            errors: [
              {
                field: 'facets',
                message: `facets: unknown dimension or value ${unknown.join(', ')} (see content/facets.yaml)`,
              },
            ],
          },
          { status: 400 },
        )
    }
    const index = await getOperatorIndex(req.payload)
    lap('index')
    // A larger pool, reordered by which FAQs operators used for similar words, then cut.
    const answer = q.trim() ? answerOperatorIndex(index, q, Math.max(LOOKUP_POOL, limit), facets) : undefined
    const pool = answer?.hits ?? []
    const weight = priorWeight()
    const prior = weight > 0 && pool.length > 1 ? currentOperatorPrior(req.payload, index) : null
    const priorScores = prior
      ? prior.score(
          q,
          pool.flatMap((h) => (h.kind === 'faq' ? [String(faqIdOf(index, h.id) ?? '')] : [])),
        )
      : new Map<string, number>()
    const priorOf = (h: (typeof pool)[number]) =>
      h.kind === 'faq' ? (priorScores.get(String(faqIdOf(index, h.id) ?? '')) ?? 0) : 0
    const hits = blendWithPrior(pool, (h) => h.score, priorOf, weight).slice(0, limit)
    lap('engine')

    const cards = await deskCards(req.payload, index, hits)
    lap('documents')

    const candidates: LookupCandidate[] = []
    for (const h of hits) {
      const card = cards.get(`${h.kind}:${h.id}`)
      if (!card) continue // unpublished since the index was read
      // The body is Markdown (as on the site): the snippet shows its text without the marks.
      const snippet = cleanSnippet(h.snippet.text, h.snippet.highlights)
      candidates.push({
        id: `${h.kind}:${h.id}`,
        kind: h.kind,
        title: h.document.question,
        shortAnswer: h.document.shortAnswer ?? '',
        snippet: {
          text: snippet.text,
          marks: snippet.highlights.map((s) => [s.start, s.end] as [number, number]),
        },
        explanation: h.explanation.reasons.join(' ／ '),
        score: h.score,
        ...card,
      })
    }

    lap('candidates')
    const topFaqIds = candidates
      .filter((c) => c.kind === 'faq')
      .slice(0, 3)
      .map((c) => c.docId)
    // Past calls are for those who take and supervise calls; editors and reviewers get none.
    const pastCalls =
      topFaqIds.length && hasRole(req.user, ...CALL_TAKERS) ? await pastCallsFor(req, index, topFaqIds) : []
    lap('pastCalls')
    const body: LookupResponse = {
      query: q,
      tookMs: Math.round(performance.now() - started),
      candidates,
      pastCalls,
      // How sure the engine's first answer is (before the usage prior reorders the pool): the desk
      // marks the list as uncertain below the model's threshold. The operator decides either way.
      sure: (answer?.sure ?? false) && candidates.length > 0,
      confidence: Math.round((answer?.confidence ?? 0) * 1000) / 1000,
      ...(answer?.askBack && candidates.length > 1 ? { askBack: answer.askBack } : {}),
      facets,
    }
    const timing = [...phases, ['total', performance.now() - started] as [string, number]]
      .map(([name, ms]) => `${name};dur=${ms.toFixed(1)}`)
      .join(', ')
    return Response.json(body, { headers: { 'Cache-Control': 'no-store', 'Server-Timing': timing } })
  },
}
