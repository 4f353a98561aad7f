import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Role } from '../src/access/roles'
import { faqData, type TestUser } from './helpers'
import { startWithStaff, type References } from './setup/staffAndReferences'

let payload: Payload, users: Record<Role, TestUser>, refs: References

beforeAll(async () => {
  ;({ payload, users, refs } = await startWithStaff())
})
afterAll(() => payload?.destroy())

const as = (user: TestUser | undefined) => ({ overrideAccess: false, user, depth: 0 }) as const
const anonymousIds = async () =>
  (await payload.find({ collection: 'faqs', ...as(undefined), limit: 100 })).docs.map((d) => d.id)

describe('draft → in review → published', () => {
  it('an editor drafts and submits; only a reviewer publishes, and the approval is recorded', async () => {
    const draft = await payload.create({
      collection: 'faqs',
      data: { ...faqData(refs, { slug: 'wf-1' }), _status: 'draft' } as never,
      draft: true,
      ...as(users.editor),
    })
    expect(draft._status).toBe('draft')
    expect(await anonymousIds()).not.toContain(draft.id)

    const submitted = await payload.update({
      collection: 'faqs',
      id: draft.id,
      data: { reviewState: 'in_review', _status: 'draft' },
      draft: true,
      ...as(users.editor),
    })
    expect(submitted.reviewState).toBe('in_review')

    // An editor cannot publish alone, nor forge the approval.
    await expect(
      payload.update({
        collection: 'faqs',
        id: draft.id,
        data: { _status: 'published' },
        ...as(users.editor),
      }),
    ).rejects.toMatchObject({ status: 403 })
    // 承認済み by hand is refused with a reason (it used to be saved silently as 下書き); approvedBy alone is ignored.
    await expect(
      payload.update({
        collection: 'faqs',
        id: draft.id,
        data: { reviewState: 'approved', _status: 'draft' } as never,
        draft: true,
        ...as(users.editor),
      }),
    ).rejects.toMatchObject({ status: 400 })
    const forged = await payload.update({
      collection: 'faqs',
      id: draft.id,
      data: { approvedBy: users.editor.id, _status: 'draft' } as never,
      draft: true,
      ...as(users.editor),
    })
    expect(forged.reviewState).toBe('in_review')
    expect(forged.approvedBy ?? null).toBeNull()
    expect(await anonymousIds()).not.toContain(draft.id)

    const published = await payload.update({
      collection: 'faqs',
      id: draft.id,
      data: { _status: 'published' },
      ...as(users.reviewer),
    })
    expect(published._status).toBe('published')
    expect(published.reviewState).toBe('approved')
    expect(published.approvedBy).toBe(users.reviewer.id)
    expect(Date.now() - Date.parse(String(published.approvedAt))).toBeLessThan(60_000)
    expect(await anonymousIds()).toContain(draft.id)

    const log = await payload.find({
      collection: 'audit-log',
      where: { docId: { equals: String(draft.id) } },
      sort: 'createdAt',
      limit: 50,
      depth: 0,
    })
    const actions = log.docs.map((d) => `${d.action}:${d.userEmail}`)
    expect(actions).toContain(`create:${users.editor.email}`)
    expect(actions).toContain(`submit:${users.editor.email}`)
    expect(actions).toContain(`publish:${users.reviewer.email}`)
  })

  it('a new draft on a published FAQ stays invisible to the public until a reviewer publishes it; each save is a version', async () => {
    const live = await payload.create({
      collection: 'faqs',
      data: { ...faqData(refs, { slug: 'wf-2' }), _status: 'published' } as never,
    })
    await payload.update({
      collection: 'faqs',
      id: live.id,
      data: { shortAnswer: '新しい下書きの回答です。', _status: 'draft' },
      draft: true,
      ...as(users.editor),
    })

    const publicView = await payload.findByID({ collection: 'faqs', id: live.id, ...as(undefined) })
    expect(publicView.shortAnswer).toBe('発行日から5回目の誕生日までです。')
    const editorView = await payload.findByID({
      collection: 'faqs',
      id: live.id,
      draft: true,
      ...as(users.editor),
    })
    expect(editorView.shortAnswer).toBe('新しい下書きの回答です。')
    // Operators answer calls from the published text only.
    const operatorView = await payload.findByID({
      collection: 'faqs',
      id: live.id,
      draft: true,
      ...as(users.operator),
    })
    expect(operatorView.shortAnswer).toBe('発行日から5回目の誕生日までです。')

    await payload.update({
      collection: 'faqs',
      id: live.id,
      data: { _status: 'published' },
      ...as(users.reviewer),
    })
    expect((await payload.findByID({ collection: 'faqs', id: live.id, ...as(undefined) })).shortAnswer).toBe(
      '新しい下書きの回答です。',
    )

    const versions = await payload.findVersions({
      collection: 'faqs',
      where: { parent: { equals: live.id } },
      limit: 50,
      depth: 0,
    })
    expect(versions.totalDocs).toBeGreaterThanOrEqual(3)
    await expect(payload.findVersions({ collection: 'faqs', ...as(undefined) })).rejects.toMatchObject({
      status: 403,
    })
  })
})

describe('unpublishing is a publishing decision', () => {
  it('an editor cannot take a published FAQ offline, alone or in bulk; a reviewer can; a draft version leaves it live', async () => {
    const live = await payload.create({
      collection: 'faqs',
      data: { ...faqData(refs, { slug: 'wf-unpub' }), _status: 'published' } as never,
    })
    // PATCH /api/faqs/:id {"_status":"draft"} as an editor (was 200, and the answer went offline).
    await expect(
      payload.update({ collection: 'faqs', id: live.id, data: { _status: 'draft' }, ...as(users.editor) }),
    ).rejects.toMatchObject({ status: 403, name: 'UnpublishNotAllowedError' })
    await expect(
      payload.update({
        collection: 'faqs',
        where: { slug: { equals: 'wf-unpub' } },
        data: { _status: 'draft' },
        ...as(users.editor),
      }),
    ).rejects.toMatchObject({ status: 403 })
    expect(await anonymousIds()).toContain(live.id)

    // Saving a draft version is the editor's everyday work and keeps the published text live.
    await payload.update({
      collection: 'faqs',
      id: live.id,
      data: { shortAnswer: '編集中の回答です。', _status: 'draft' },
      draft: true,
      ...as(users.editor),
    })
    expect(await anonymousIds()).toContain(live.id)

    const offline = await payload.update({
      collection: 'faqs',
      id: live.id,
      data: { _status: 'draft' },
      ...as(users.reviewer),
    })
    expect(offline._status).toBe('draft')
    expect(await anonymousIds()).not.toContain(live.id)

    // An entry that was never published: an editor's plain save of `draft` is allowed.
    const draft = await payload.create({
      collection: 'faqs',
      data: { ...faqData(refs, { slug: 'wf-unpub-2' }), _status: 'draft' } as never,
      draft: true,
      ...as(users.editor),
    })
    const saved = await payload.update({
      collection: 'faqs',
      id: draft.id,
      data: { shortAnswer: '下書きのまま保存します。', _status: 'draft' },
      ...as(users.editor),
    })
    expect(saved.shortAnswer).toBe('下書きのまま保存します。')
  })
})

describe('what the public and each role can read', () => {
  it('operator-only FAQs and operator notes never reach anonymous readers or city viewers', async () => {
    const pub = await payload.create({
      collection: 'faqs',
      data: { ...faqData(refs, { slug: 'vis-public' }), _status: 'published' } as never,
    })
    const internal = await payload.create({
      collection: 'faqs',
      data: {
        ...faqData(refs, { slug: 'vis-internal', audience: 'operator', question: '内部向けの対応手順は？' }),
        _status: 'published',
      } as never,
    })

    for (const reader of [undefined, users.cityViewer]) {
      const { docs } = await payload.find({ collection: 'faqs', ...as(reader), limit: 100 })
      expect(docs.map((d) => d.id)).toContain(pub.id)
      expect(docs.map((d) => d.id)).not.toContain(internal.id)
      for (const d of docs) expect(d).not.toHaveProperty('operatorNotes')
      await expect(
        payload.findByID({ collection: 'faqs', id: internal.id, ...as(reader) }),
      ).rejects.toMatchObject({ status: 404 })
    }
    for (const reader of [users.operator, users.supervisor, users.editor]) {
      const { docs } = await payload.find({ collection: 'faqs', ...as(reader), limit: 100 })
      expect(docs.map((d) => d.id)).toContain(internal.id)
      expect(docs.find((d) => d.id === pub.id)?.operatorNotes).toBe('券面の記入欄が空欄のこともあります。')
    }
  })

  it('the public cannot query by a hidden field to learn its value', async () => {
    const { docs } = await payload
      .find({ collection: 'faqs', where: { operatorNotes: { like: '空欄' } }, ...as(undefined) })
      .catch(() => ({ docs: [] }))
    expect(docs).toHaveLength(0)
  })
})

describe('scheduled publish', () => {
  const schedule = (id: number | string, user: TestUser) =>
    payload.jobs.queue({
      task: 'schedulePublish' as never,
      input: {
        type: 'publish',
        doc: { relationTo: 'faqs', value: String(id) },
        user: { relationTo: 'users', value: user.id },
      } as never,
      waitUntil: new Date(Date.now() - 1000),
    })

  it('publishes a reviewer-scheduled draft when its time comes; an editor-scheduled one stays a draft', async () => {
    const byReviewer = await payload.create({
      collection: 'faqs',
      data: { ...faqData(refs, { slug: 'sched-1' }), _status: 'draft' } as never,
      draft: true,
    })
    const byEditor = await payload.create({
      collection: 'faqs',
      data: { ...faqData(refs, { slug: 'sched-2' }), _status: 'draft' } as never,
      draft: true,
    })
    await schedule(byReviewer.id, users.reviewer)
    await schedule(byEditor.id, users.editor)
    await payload.jobs.run()

    const published = await payload.findByID({ collection: 'faqs', id: byReviewer.id, depth: 0 })
    expect(published._status).toBe('published')
    expect(published.approvedBy).toBe(users.reviewer.id)
    const stillDraft = await payload.findByID({ collection: 'faqs', id: byEditor.id, depth: 0 })
    expect(stillDraft._status).toBe('draft')
    expect(await anonymousIds()).not.toContain(byEditor.id)
  })
})

describe('populated relationships keep the same rules', () => {
  it('a public FAQ related to an operator-only FAQ does not reveal it, nor any operator note, at depth 2', async () => {
    const internal = await payload.create({
      collection: 'faqs',
      data: {
        ...faqData(refs, { slug: 'rel-internal', audience: 'operator', question: '内部手順の質問' }),
        _status: 'published',
      } as never,
    })
    const pub = await payload.create({
      collection: 'faqs',
      data: {
        ...faqData(refs, { slug: 'rel-public', question: '公開の質問です', related: [internal.id] }),
        _status: 'published',
      } as never,
    })
    const seen = await payload.findByID({ collection: 'faqs', id: pub.id, depth: 2, overrideAccess: false })
    const text = JSON.stringify(seen)
    expect(text).not.toContain('内部手順の質問')
    expect(text).not.toContain('operatorNotes')
    expect(text).not.toContain('券面の記入欄が空欄のこともあります。')
  })
})
