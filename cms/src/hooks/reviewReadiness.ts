import { ValidationError, type CollectionBeforeChangeHook } from 'payload'

import { easyProblems } from '@kotae/content/readability/readability'
import { convertLexicalToPlaintext } from '@payloadcms/richtext-lexical/plaintext'
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'

import { charCount, EASY_LABEL, FAQ_LIMITS } from '../collections/Faqs/limits'
import { tokyoDay } from '../lib/jstDays'

/** Today in Asia/Tokyo, YYYY-MM-DD (review dates are days in Japan). */
export const tokyoToday = (now = new Date()): string => tokyoDay(now.toISOString())

/** What the checks say, in Japanese, naming the field as the edit screen labels it. */
const readinessMsg = {
  questionRequired: '「質問」を入力してください。下書きでも一覧の見出しになるため必要です。',
  tooLong: (label: string, length: number, max: number) =>
    `「${label}」が${length}文字あります。${max}文字以内にしてください。`,
  requiredForReview: (label: string) => `承認待ちにする前に「${label}」を入力してください。`,
  blankAlternative: (n: number) => `${n}つ目の「言い換え」が空です。入力するか、行を削除してください。`,
  reviewByPast: (day: string, today: string) =>
    `「次回見直し期限」（${day.replaceAll('-', '/')}）が過ぎています。今日（${today.replaceAll('-', '/')}）以降の日付にしてください。`,
  easyNotEasy: (problem: string) => `「${EASY_LABEL}」を直してください。${problem}`,
  approvedByHand:
    '「承認済み（公開）」は承認者が公開したときに自動で付きます。承認を依頼するときは「承認待ち」を選んで保存してください。',
} as const

type Doc = Record<string, unknown>
const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '')
const isEmptyRelation = (v: unknown): boolean =>
  v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)

/** Whether a Lexical value holds any text (an empty editor saves a root with one empty paragraph). */
export function hasText(node: unknown): boolean {
  if (!node || typeof node !== 'object') return false
  const n = node as { text?: unknown; root?: unknown; children?: unknown }
  if (typeof n.text === 'string' && n.text.trim() !== '') return true
  if (n.root) return hasText(n.root)
  return Array.isArray(n.children) && n.children.some(hasText)
}

/**
 * The publish rules, checked when a FAQ is saved by a person, not only when a reviewer clicks 公開
 * (drafts are saved unvalidated: `versions.drafts.validate: false`):
 * - every save: a question (the title; else the list shows the entry's number) and the length
 *   limits (a 200-character short answer used to save as a draft);
 * - moving to or saving in 承認待ち: answer, short answer, category, source and review date, no
 *   blank 言い換え row, and a review date not past; publishing: the review date not past;
 * - 承認済み is set by publishing only: choosing it by hand is refused with a reason instead of
 *   being saved silently as 下書き.
 * System writes (seed, migrations; no user) pass, as in enforcePublishWorkflow. Runs before it,
 * while `reviewState` is still what the person chose.
 */
export const checkReviewReadiness: CollectionBeforeChangeHook = ({ collection, data, originalDoc, req }) => {
  if (!req.user) return data
  const doc: Doc = { ...(originalDoc as Doc | undefined), ...(data as Doc) }
  const publishing = data._status === 'published'
  const inReview = !publishing && data.reviewState === 'in_review'
  const errors: { path: string; message: string }[] = []
  const fail = (path: string, message: string) => errors.push({ path, message })

  if (!publishing && data.reviewState === 'approved' && originalDoc?.reviewState !== 'approved')
    fail('reviewState', readinessMsg.approvedByHand)

  const question = text(doc.question)
  if (question === '') fail('question', readinessMsg.questionRequired)
  else if (charCount(question) > FAQ_LIMITS.question)
    fail('question', readinessMsg.tooLong('質問', charCount(question), FAQ_LIMITS.question))
  const shortAnswer = text(doc.shortAnswer)
  if (charCount(shortAnswer) > FAQ_LIMITS.shortAnswer)
    fail(
      'shortAnswer',
      readinessMsg.tooLong('短い回答（読み上げ用）', charCount(shortAnswer), FAQ_LIMITS.shortAnswer),
    )
  const alternatives = Array.isArray(doc.alternatives) ? (doc.alternatives as { text?: unknown }[]) : []
  alternatives.forEach((a, i) => {
    const value = text(a?.text)
    if (charCount(value) > FAQ_LIMITS.alternative)
      fail(
        `alternatives.${i}.text`,
        readinessMsg.tooLong('言い換え', charCount(value), FAQ_LIMITS.alternative),
      )
    else if (value === '' && inReview) fail(`alternatives.${i}.text`, readinessMsg.blankAlternative(i + 1))
  })

  // The やさしい日本語 version: its length on every save, its stricter readability rules (the
  // content files' own, easyProblems) when it goes to review or is published, so it is approved
  // with the answer only when it is easy.
  if (hasText(doc.easy)) {
    const easy = convertLexicalToPlaintext({ data: doc.easy as SerializedEditorState }).trim()
    if (charCount(easy) > FAQ_LIMITS.easy)
      fail('easy', readinessMsg.tooLong(EASY_LABEL, charCount(easy), FAQ_LIMITS.easy))
    else if (inReview || publishing)
      for (const problem of easyProblems(easy)) fail('easy', readinessMsg.easyNotEasy(problem))
  }

  if (inReview) {
    if (shortAnswer === '') fail('shortAnswer', readinessMsg.requiredForReview('短い回答（読み上げ用）'))
    if (!hasText(doc.answer)) fail('answer', readinessMsg.requiredForReview('回答'))
    if (isEmptyRelation(doc.category)) fail('category', readinessMsg.requiredForReview('カテゴリ'))
    if (isEmptyRelation(doc.sources)) fail('sources', readinessMsg.requiredForReview('出典'))
    if (!doc.reviewBy) fail('reviewBy', readinessMsg.requiredForReview('次回見直し期限'))
  }
  if ((inReview || publishing) && typeof doc.reviewBy === 'string' && doc.reviewBy !== '') {
    const day = tokyoDay(doc.reviewBy)
    const today = tokyoToday()
    if (day < today) fail('reviewBy', readinessMsg.reviewByPast(day, today))
  }

  if (errors.length) {
    const error = new ValidationError({ collection: collection.slug, errors, req })
    // Payload's message names only the fields' labels, and for a draft save the edit screen shows
    // only that message (a toast), not the field errors: it says the whole reason instead.
    error.message = errors.map((e) => e.message).join('\n')
    throw error
  }
  return data
}
