/**
 * The publish rules checked when a person saves a FAQ, not only when a reviewer clicks
 * 公開: a title even for a draft, the length limits, and everything a review needs at 承認待ち.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Role } from '../src/access/roles'
import { tokyoToday } from '../src/hooks/reviewReadiness'
import { faqData, type TestUser } from './helpers'
import { lexical } from './setup/lexical'
import { startWithStaff, type References } from './setup/staffAndReferences'

let payload: Payload, users: Record<Role, TestUser>, refs: References

beforeAll(async () => {
  ;({ payload, users, refs } = await startWithStaff())
})
afterAll(() => payload?.destroy())

const as = (user: TestUser) => ({ overrideAccess: false, user, depth: 0 }) as const
/** The field errors of a refused save, as `path: message`. */
async function refusal(save: Promise<unknown>): Promise<string[]> {
  const error = (await save.then(
    () => undefined,
    (e: unknown) => e,
  )) as { status?: number; data?: { errors?: { path: string; message: string }[] } } | undefined
  expect(error, 'the save should have been refused').toBeDefined()
  expect(error!.status).toBe(400)
  // The whole reason is the error's message too: the edit screen shows only that for a draft save.
  expect((error as unknown as Error).message).toBe(
    (error!.data?.errors ?? []).map((e) => e.message).join('\n'),
  )
  return (error!.data?.errors ?? []).map((e) => `${e.path}: ${e.message}`)
}
const createDraft = (data: Record<string, unknown>, user: TestUser) =>
  payload.create({
    collection: 'faqs',
    data: { ...data, _status: 'draft' } as never,
    draft: true,
    ...as(user),
  })
const yesterday = () => new Date(Date.parse(`${tokyoToday()}T00:00:00+09:00`) - 12 * 3600_000).toISOString()

describe('a draft', () => {
  it('needs a title: an empty form is refused instead of saving as an FAQ named by its number', async () => {
    expect(await refusal(createDraft({}, users.editor))).toEqual([
      'question: 「質問」を入力してください。下書きでも一覧の見出しになるため必要です。',
    ])
    expect(await refusal(createDraft({ question: '   ' }, users.editor))).toHaveLength(1)
    const titled = await createDraft({ question: '作りかけの質問ですか？' }, users.editor)
    expect(titled).toMatchObject({
      question: '作りかけの質問ですか？',
      _status: 'draft',
      reviewState: 'draft',
    })
  })

  it('refuses a short answer over 80 characters, naming the field, in Japanese', async () => {
    expect(
      await refusal(
        createDraft({ question: '長い短い回答ですか？', shortAnswer: 'あ'.repeat(81) }, users.editor),
      ),
    ).toEqual(['shortAnswer: 「短い回答（読み上げ用）」が81文字あります。80文字以内にしてください。'])
    // 80 is the limit, counted as characters (𠮷 is one)
    expect(
      await createDraft(
        { question: '八十文字の短い回答ですか？', shortAnswer: `𠮷${'あ'.repeat(79)}` },
        users.editor,
      ),
    ).toMatchObject({ _status: 'draft' })
  })

  it('refuses 承認済み chosen by hand (it used to save 下書き silently), for an editor and a reviewer alike', async () => {
    const draft = await createDraft(faqData(refs, { slug: 'rr-approved' }), users.editor)
    for (const user of [users.editor, users.reviewer]) {
      expect(
        await refusal(
          payload.update({
            collection: 'faqs',
            id: draft.id,
            data: { reviewState: 'approved', _status: 'draft' } as never,
            draft: true,
            ...as(user),
          }),
        ),
      ).toEqual([
        expect.stringContaining('reviewState: 「承認済み（公開）」は承認者が公開したときに自動で付きます'),
      ])
    }
  })
})

describe('承認待ち', () => {
  it('is refused while the answer, short answer, category, source or review date is missing, or a 言い換え row is blank; every gap named at once', async () => {
    const draft = await createDraft(
      { question: '承認待ちにする質問ですか？', alternatives: [{ text: 'いいかえ' }, { text: '' }] },
      users.editor,
    )
    const errors = await refusal(
      payload.update({
        collection: 'faqs',
        id: draft.id,
        data: { reviewState: 'in_review', _status: 'draft' },
        draft: true,
        ...as(users.editor),
      }),
    )
    expect(errors).toEqual([
      'alternatives.1.text: 2つ目の「言い換え」が空です。入力するか、行を削除してください。',
      'shortAnswer: 承認待ちにする前に「短い回答（読み上げ用）」を入力してください。',
      'answer: 承認待ちにする前に「回答」を入力してください。',
      'category: 承認待ちにする前に「カテゴリ」を入力してください。',
      'sources: 承認待ちにする前に「出典」を入力してください。',
      'reviewBy: 承認待ちにする前に「次回見直し期限」を入力してください。',
    ])
    expect(
      (await payload.findByID({ collection: 'faqs', id: draft.id, draft: true, depth: 0 })).reviewState,
    ).toBe('draft')
    // an empty rich-text editor (one empty paragraph) is no answer
    const emptyEditor = {
      root: {
        ...lexical('').root,
        children: [
          {
            type: 'paragraph',
            format: '',
            indent: 0,
            version: 1,
            direction: null,
            textFormat: 0,
            children: [],
          },
        ],
      },
    }
    const filled = {
      ...faqData(refs),
      answer: emptyEditor,
      alternatives: [{ text: 'いいかえ' }],
      reviewState: 'in_review',
      _status: 'draft',
    }
    expect(
      await refusal(
        payload.update({
          collection: 'faqs',
          id: draft.id,
          data: filled as never,
          draft: true,
          ...as(users.editor),
        }),
      ),
    ).toEqual(['answer: 承認待ちにする前に「回答」を入力してください。'])

    const submitted = await payload.update({
      collection: 'faqs',
      id: draft.id,
      data: { ...filled, answer: lexical('回答です。') } as never,
      draft: true,
      ...as(users.editor),
    })
    expect(submitted.reviewState).toBe('in_review')
  })

  it('refuses a review-by date in the past, at 承認待ち and at 公開', async () => {
    const draft = await createDraft(faqData(refs, { slug: 'rr-past', reviewBy: yesterday() }), users.editor)
    const [submit] = await refusal(
      payload.update({
        collection: 'faqs',
        id: draft.id,
        data: { reviewState: 'in_review', _status: 'draft' },
        draft: true,
        ...as(users.editor),
      }),
    )
    expect(submit).toMatch(
      /^reviewBy: 「次回見直し期限」（\d{4}\/\d{2}\/\d{2}）が過ぎています。今日（\d{4}\/\d{2}\/\d{2}）以降の日付にしてください。$/,
    )
    expect(
      await refusal(
        payload.update({
          collection: 'faqs',
          id: draft.id,
          data: { _status: 'published' },
          ...as(users.reviewer),
        }),
      ),
    ).toEqual([expect.stringMatching(/^reviewBy: .*過ぎています/)])
    // today is fine
    const today = await payload.update({
      collection: 'faqs',
      id: draft.id,
      data: { reviewBy: `${tokyoToday()}T03:00:00.000Z`, _status: 'published' },
      ...as(users.reviewer),
    })
    expect(today._status).toBe('published')
  })
})

describe('やさしい日本語の回答', () => {
  it('a draft holds anything; 承認待ち and 公開 are refused while it is not easy, naming the sentence; it is approved and versioned with the answer', async () => {
    const long = `${'あ'.repeat(41)}。`
    const draft = await createDraft(
      faqData(refs, { slug: 'rr-easy', easy: lexical(`短い文です。${long}`) }),
      users.editor,
    )
    expect(draft._status).toBe('draft')
    const notEasy = `easy: 「やさしい日本語の回答（任意）」を直してください。やさしい日本語: 40字を超える文（42字）: ${long}`
    expect(
      await refusal(
        payload.update({
          collection: 'faqs',
          id: draft.id,
          data: { reviewState: 'in_review', _status: 'draft' },
          draft: true,
          ...as(users.editor),
        }),
      ),
    ).toEqual([notEasy])
    expect(
      await refusal(
        payload.update({
          collection: 'faqs',
          id: draft.id,
          data: { _status: 'published' },
          ...as(users.reviewer),
        }),
      ),
    ).toEqual([notEasy])

    const easy = 'カードを持って、窓口に来てください。'
    const submitted = await payload.update({
      collection: 'faqs',
      id: draft.id,
      data: { easy: lexical(easy), reviewState: 'in_review', _status: 'draft' } as never,
      draft: true,
      ...as(users.editor),
    })
    expect(submitted.reviewState).toBe('in_review')
    await payload.update({
      collection: 'faqs',
      id: draft.id,
      data: { _status: 'published' },
      ...as(users.reviewer),
    })
    // A later draft of it leaves the published version's text as the reviewer approved it.
    await payload.update({
      collection: 'faqs',
      id: draft.id,
      data: { easy: lexical('下書きの新しい文です。'), _status: 'draft' } as never,
      draft: true,
      ...as(users.editor),
    })
    const live = await payload.findByID({ collection: 'faqs', id: draft.id, depth: 0 })
    const latest = await payload.findByID({ collection: 'faqs', id: draft.id, draft: true, depth: 0 })
    expect(live._status).toBe('published')
    expect(JSON.stringify(live.easy)).toContain(easy)
    expect(JSON.stringify(latest.easy)).toContain('下書きの新しい文です。')
  })
})
