import type { Endpoint } from 'payload'

import { gated } from '../../access/endpointAccess'
import { CONTENT_WRITERS } from '../../access/roles'
import { richTextOf } from '../../lib/markdown'

const SIX_MONTHS = 182 * 24 * 60 * 60 * 1000

const DRAFT_GATE = { roles: CONTENT_WRITERS, forbidden: 'FAQの下書きを作る権限がありません。' } as const

/**
 * POST /api/escalations/:id/draft-faq — the one action that turns 市民課's answer into a new FAQ
 * draft, linked both ways. The draft goes through the normal review before anyone sees it.
 */
export const draftFaqEndpoint: Endpoint = {
  path: '/:id/draft-faq',
  method: 'post',
  handler: gated(DRAFT_GATE, async (req) => {
    const id = req.routeParams?.id as string
    const escalation = await req.payload
      .findByID({ collection: 'escalations', id, depth: 1, req, overrideAccess: false, user: req.user })
      .catch(() => null)
    if (!escalation)
      return Response.json({ errors: [{ message: 'エスカレーションが見つかりません。' }] }, { status: 404 })
    if (!escalation.answer)
      return Response.json(
        { errors: [{ field: 'answer', message: '市民課の回答がまだありません。' }] },
        { status: 400 },
      )
    if (escalation.faqDraft) {
      const existing = typeof escalation.faqDraft === 'object' ? escalation.faqDraft.id : escalation.faqDraft
      return Response.json({ faq: existing, created: false })
    }
    const richText = await richTextOf(req.payload)
    const call = typeof escalation.call === 'object' ? escalation.call : null
    const category = call && typeof call.category === 'object' ? call.category?.id : call?.category
    const firstSentence = escalation.answer.split(/(?<=。)/)[0] ?? escalation.answer
    const faq = await req.payload.create({
      collection: 'faqs',
      draft: true,
      req,
      data: {
        _status: 'draft',
        question: escalation.summary.slice(0, 200),
        shortAnswer: firstSentence.slice(0, 80),
        answer: richText(escalation.answer),
        category: category ?? undefined,
        sources: [],
        reviewBy: new Date(Date.now() + SIX_MONTHS).toISOString(),
        operatorNotes: `エスカレーション No.${escalation.id} の回答から作成しました。出典を追加し、文面を整えてから承認を依頼してください。`,
      },
    })
    await req.payload.update({
      collection: 'escalations',
      id: escalation.id,
      data: { faqDraft: faq.id },
      req,
      overrideAccess: true,
    })
    return Response.json({ faq: faq.id, created: true }, { status: 201 })
  }),
}
