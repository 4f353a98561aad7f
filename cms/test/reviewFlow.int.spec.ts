/**
 * The reviewer's side of the workflow: who asked for review and when, the 承認待ち
 * queue and its count, a send-back that needs a reason, an editor discarding a draft with
 * Payload's 「公開時の内容に戻す」 (only their own draft: the last one to edit it or ask for its review). Over Payload's REST
 * handler where the admin itself goes that way.
 */
import { createLocalReq, handleEndpoints, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Role } from '../src/access/roles'
import { SEND_BACK_REASON_REQUIRED } from '../src/hooks/reviewSteps'
import { countReviewQueue, findReviewItems } from '../src/reviewQueue/queue'
import {
  createReferences,
  createRoleUsers,
  faqData,
  restRequest,
  startPayload,
  type TestUser,
} from './helpers'

let payload: Payload
let users: Record<Role, TestUser>
let refs: { category: number | string; source: number | string }
let tokens: Partial<Record<Role | 'editor2', string>>

beforeAll(async () => {
  payload = await startPayload()
  users = await createRoleUsers(payload)
  refs = await createReferences(payload)
  tokens = {}
  for (const role of ['editor', 'reviewer'] as const) {
    tokens[role] = (
      await payload.login({
        collection: 'users',
        data: { email: users[role].email, password: 'correct horse battery' },
      })
    ).token
  }
})
afterAll(async () => {
  await payload?.destroy()
})

const as = (user: TestUser | undefined) => ({ overrideAccess: false, user, depth: 0 }) as const
const rest = async (role: 'editor' | 'editor2' | 'reviewer', method: string, url: string, body?: unknown) => {
  const res = await handleEndpoints({
    config: payload.config,
    request: restRequest(method, url, tokens[role], body),
  })
  return {
    status: res.status,
    body: (await res.json()) as Record<string, unknown> & {
      doc?: Record<string, unknown>
      errors?: { message: string; data?: { errors?: { path: string; message: string }[] } }[]
    },
  }
}
const draftOf = (id: number | string) => payload.findByID({ collection: 'faqs', id, draft: true, depth: 0 })

describe('承認待ち: the queue, its count, and a send-back with a reason', () => {
  it('records who asked and when; the reviewer sees it queued; a send-back without a reason is refused, with one it reaches the editor and the log', async () => {
    const reviewerReq = await createLocalReq({ user: { ...users.reviewer } as never }, payload)
    const before = await countReviewQueue(payload, reviewerReq.user)
    const draft = await payload.create({
      collection: 'faqs',
      data: {
        ...faqData(refs, { slug: 'rf-1', question: '差し戻しの流れの質問' }),
        _status: 'draft',
      } as never,
      draft: true,
      ...as(users.editor),
    })
    await payload.update({
      collection: 'faqs',
      id: draft.id,
      data: { reviewState: 'in_review', _status: 'draft' },
      draft: true,
      ...as(users.editor),
    })
    const submitted = await draftOf(draft.id)
    expect(submitted.submittedBy).toBe(users.editor.id)
    expect(Date.now() - Date.parse(String(submitted.submittedAt))).toBeLessThan(60_000)

    expect(await countReviewQueue(payload, reviewerReq.user)).toBe(before + 1)
    const queue = await findReviewItems(payload, reviewerReq, 'queue')
    expect(queue.find((i) => i.id === draft.id)).toMatchObject({
      title: '差し戻しの流れの質問',
      submittedBy: 'editor',
      reviewState: 'in_review',
    })

    // Back to 下書き by the reviewer is a send-back: refused without a reason, naming the field.
    const refused = await rest('reviewer', 'PATCH', `/api/faqs/${draft.id}?draft=true&depth=0`, {
      reviewState: 'draft',
      _status: 'draft',
      sendBackReason: '   ',
    })
    expect(refused.status).toBe(400)
    expect(JSON.stringify(refused.body)).toContain('sendBackReason')
    expect(JSON.stringify(refused.body)).toContain(SEND_BACK_REASON_REQUIRED)
    expect((await draftOf(draft.id)).reviewState).toBe('in_review')

    const sentBack = await rest('reviewer', 'PATCH', `/api/faqs/${draft.id}?draft=true&depth=0`, {
      reviewState: 'draft',
      _status: 'draft',
      sendBackReason: '出典の確認日が古いので更新してください。',
    })
    expect(sentBack.status).toBe(200)
    const afterSendBack = await draftOf(draft.id)
    expect(afterSendBack).toMatchObject({
      reviewState: 'draft',
      sendBackReason: '出典の確認日が古いので更新してください。',
      sentBackBy: users.reviewer.id,
    })
    expect(await countReviewQueue(payload, reviewerReq.user)).toBe(before)

    // The editor sees the reason in their list, and cannot change or clear it themselves.
    const editorReq = await createLocalReq({ user: { ...users.editor } as never }, payload)
    const work = await findReviewItems(payload, editorReq, 'work')
    expect(work[0]).toMatchObject({
      id: draft.id,
      sendBackReason: '出典の確認日が古いので更新してください。',
      sentBackBy: 'reviewer',
    })
    await payload.update({
      collection: 'faqs',
      id: draft.id,
      data: { sendBackReason: '', sentBackBy: null, _status: 'draft' } as never,
      draft: true,
      ...as(users.editor),
    })
    expect((await draftOf(draft.id)).sendBackReason).toBe('出典の確認日が古いので更新してください。')

    const log = await payload.find({
      collection: 'audit-log',
      where: { docId: { equals: String(draft.id) }, action: { equals: 'sendBack' } },
      depth: 0,
    })
    expect(log.docs.map((d) => [d.userEmail, d.user, d.note])).toEqual([
      [users.reviewer.email, users.reviewer.id, '出典の確認日が古いので更新してください。'],
    ])

    // The fix goes back for review: the reason is cleared, the new request recorded.
    await payload.update({
      collection: 'faqs',
      id: draft.id,
      data: {
        shortAnswer: '発行日から5回目の誕生日までです（確認済み）。',
        reviewState: 'in_review',
        _status: 'draft',
      },
      draft: true,
      ...as(users.editor),
    })
    expect(await draftOf(draft.id)).toMatchObject({
      reviewState: 'in_review',
      sendBackReason: null,
      sentBackBy: null,
    })
    const published = await payload.update({
      collection: 'faqs',
      id: draft.id,
      data: { _status: 'published' },
      ...as(users.reviewer),
    })
    expect(published).toMatchObject({
      _status: 'published',
      reviewState: 'approved',
      approvedBy: users.reviewer.id,
    })
  })

  it('an editor who withdraws their own request needs no reason', async () => {
    const draft = await payload.create({
      collection: 'faqs',
      data: { ...faqData(refs, { slug: 'rf-2' }), reviewState: 'in_review', _status: 'draft' } as never,
      draft: true,
      ...as(users.editor),
    })
    const withdrawn = await payload.update({
      collection: 'faqs',
      id: draft.id,
      data: { reviewState: 'draft', _status: 'draft' },
      draft: true,
      ...as(users.editor),
    })
    expect(withdrawn).toMatchObject({ reviewState: 'draft', sendBackReason: null })
  })
})

describe('editors see and do only what they may', () => {
  it('an editor cannot publish a draft, but can discard it with 「公開時の内容に戻す」 (what the admin sends), which publishes nothing new', async () => {
    const live = await payload.create({
      collection: 'faqs',
      data: { ...faqData(refs, { slug: 'rf-3' }), _status: 'published' } as never,
    })
    const edited = await rest('editor', 'PATCH', `/api/faqs/${live.id}?draft=true&depth=0`, {
      shortAnswer: '捨てられる下書きです。',
      _status: 'draft',
    })
    expect(edited.status).toBe(200)
    // Publishing the draft is refused.
    const publish = await rest('editor', 'PATCH', `/api/faqs/${live.id}?depth=0`, {
      ...edited.body.doc,
      _status: 'published',
    })
    expect(publish.status).toBe(403)
    // Payload's revert: read the published document, save it back as it is.
    const publishedDoc = await rest('editor', 'GET', `/api/faqs/${live.id}?depth=0`)
    expect(publishedDoc.body.shortAnswer).toBe('発行日から5回目の誕生日までです。')
    const reverted = await rest('editor', 'PATCH', `/api/faqs/${live.id}?depth=0`, publishedDoc.body)
    expect(reverted.status).toBe(200)
    expect(await draftOf(live.id)).toMatchObject({
      _status: 'published',
      shortAnswer: '発行日から5回目の誕生日までです。',
      reviewState: 'approved',
    })
    const log = await payload.find({
      collection: 'audit-log',
      where: { docId: { equals: String(live.id) } },
      sort: '-createdAt',
      limit: 1,
      depth: 0,
    })
    expect(log.docs[0]).toMatchObject({ action: 'discard', userEmail: users.editor.email })

    // The same request with one changed value is a publish, and refused.
    const sneaky = await rest('editor', 'PATCH', `/api/faqs/${live.id}?depth=0`, {
      ...publishedDoc.body,
      shortAnswer: '勝手に公開する回答です。',
    })
    expect(sneaky.status).toBe(403)
    // A never-published draft has nothing to go back to.
    const draft = await payload.create({
      collection: 'faqs',
      data: { ...faqData(refs, { slug: 'rf-4' }), _status: 'draft' } as never,
      draft: true,
      ...as(users.editor),
    })
    const never = await rest('editor', 'PATCH', `/api/faqs/${draft.id}?depth=0`, {
      ...(await rest('editor', 'GET', `/api/faqs/${draft.id}?depth=0&draft=true`)).body,
      _status: 'published',
    })
    expect(never.status).toBe(403)
  })
})

describe('a draft is discarded only by its editor or by a reviewer', () => {
  it('another editor gets 403; the editor who last edited or asked for review, and any reviewer, may', async () => {
    await payload.create({
      collection: 'users',
      data: {
        email: 'editor2@example.test',
        password: 'correct horse battery',
        roles: ['editor'],
        name: 'editor2',
      },
    })
    tokens.editor2 = (
      await payload.login({
        collection: 'users',
        data: { email: 'editor2@example.test', password: 'correct horse battery' },
      })
    ).token
    const live = await payload.create({
      collection: 'faqs',
      data: { ...faqData(refs, { slug: 'rf-5' }), _status: 'published' } as never,
    })
    const url = `/api/faqs/${live.id}?depth=0`
    const edit = (who: 'editor' | 'editor2', shortAnswer: string, more: Record<string, unknown> = {}) =>
      rest(who, 'PATCH', `/api/faqs/${live.id}?draft=true&depth=0`, {
        shortAnswer,
        _status: 'draft',
        ...more,
      })
    // What 「公開時の内容に戻す」 sends: the published document read and saved back as it is.
    const discard = async (who: 'editor' | 'editor2' | 'reviewer') =>
      rest(who, 'PATCH', url, (await rest(who, 'GET', url)).body)
    const lastDiscard = async () =>
      (
        await payload.find({
          collection: 'audit-log',
          where: { docId: { equals: String(live.id) }, action: { equals: 'discard' } },
          sort: '-createdAt',
          limit: 1,
          depth: 0,
        })
      ).docs[0]

    // The first editor's draft: the second editor may not throw it away, and nothing changes.
    expect((await edit('editor', '一人目の編集者の下書きです。')).status).toBe(200)
    const refused = await discard('editor2')
    expect(refused.status).toBe(403)
    expect(JSON.stringify(refused.body)).toContain('最後に編集または承認依頼をした人')
    expect(await draftOf(live.id)).toMatchObject({
      _status: 'draft',
      shortAnswer: '一人目の編集者の下書きです。',
    })

    // Asked for review and sent back by the reviewer: still the first editor's draft.
    expect((await edit('editor', '一人目の編集者の下書きです。', { reviewState: 'in_review' })).status).toBe(
      200,
    )
    const sentBack = await rest('reviewer', 'PATCH', `/api/faqs/${live.id}?draft=true&depth=0`, {
      reviewState: 'draft',
      _status: 'draft',
      sendBackReason: '短い回答を公式の表現に合わせてください。',
    })
    expect(sentBack.status).toBe(200)
    expect((await discard('editor2')).status).toBe(403)
    expect((await discard('editor')).status).toBe(200)
    expect(await draftOf(live.id)).toMatchObject({
      _status: 'published',
      shortAnswer: '発行日から5回目の誕生日までです。',
    })
    expect(await lastDiscard()).toMatchObject({ userEmail: users.editor.email })

    // The second editor's draft: now the first editor is the one refused; a reviewer may discard any.
    expect((await edit('editor2', '二人目の編集者の下書きです。')).status).toBe(200)
    expect((await discard('editor')).status).toBe(403)
    expect((await discard('reviewer')).status).toBe(200)
    expect(await draftOf(live.id)).toMatchObject({
      _status: 'published',
      shortAnswer: '発行日から5回目の誕生日までです。',
    })
    expect(await lastDiscard()).toMatchObject({ userEmail: users.reviewer.email })
  })
})
