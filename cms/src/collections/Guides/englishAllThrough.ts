import { guideEnglishGaps, type GuideEnglish } from '@kotae/content/english'
import { ValidationError, type CollectionBeforeChangeHook } from 'payload'

import { hasText } from '../../hooks/reviewReadiness'

type Doc = Record<string, unknown>
type Row = Record<string, unknown>

/** A stored English field as the content rule reads it: null and blank mean "not written". */
const written = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined
const rows = (value: unknown): Row[] => (Array.isArray(value) ? (value as Row[]) : [])

/** Where a gap is, as the edit screen labels it (`steps.2.detailEn` → 手順3の「英語の内容」). */
function placeOf(field: string): string {
  const step = /^steps\.(\d+)\.(titleEn|detailEn)$/.exec(field)
  if (step) return `手順${Number(step[1]) + 1}の「${step[2] === 'titleEn' ? '英語の見出し' : '英語の内容'}」`
  const item = /^bring\.(\d+)\.items\.(\d+)\.(itemEn|noteEn)$/.exec(field)
  if (item)
    return `持ち物（${Number(item[1]) + 1}つ目の場合の${Number(item[2]) + 1}行目）の「${item[3] === 'itemEn' ? '英語の持ち物' : '英語の注意'}」`
  const label: Record<string, string> = {
    summaryEn: '英語の概要',
    whereEn: '英語の場所',
    whenEn: '英語の時間・日数',
    bodyEn: '英語の説明',
  }
  return `「${label[field] ?? field}」`
}

/**
 * A published guide is English all through or not at all, by the same rule as the content files'
 * loader (`guideEnglishGaps`, decision 0047): half a guide in English would put Japanese steps or
 * items on an English page unannounced. Drafts may be half translated; publishing one with an
 * English title and an empty English field is refused, naming each field.
 */
export const requireEnglishAllThrough: CollectionBeforeChangeHook = ({
  collection,
  data,
  originalDoc,
  req,
}) => {
  const doc: Doc = { ...(originalDoc as Doc | undefined), ...(data as Doc) }
  if (doc._status !== 'published') return data
  const guide: GuideEnglish = {
    titleEn: written(doc.titleEn),
    summaryEn: written(doc.summaryEn),
    whereEn: written(doc.whereEn),
    whenEn: written(doc.whenEn),
    // Rich text: only whether it holds any text matters here.
    bodyEn: hasText(doc.bodyEn) ? 'written' : undefined,
    steps: rows(doc.steps).map((s) => ({ titleEn: written(s.titleEn), detailEn: written(s.detailEn) })),
    bring: rows(doc.bring).map((b) => ({
      items: rows(b.items).map((i) => ({
        note: written(i.note),
        itemEn: written(i.itemEn),
        noteEn: written(i.noteEn),
      })),
    })),
  }
  const gaps = guideEnglishGaps(guide, hasText(doc.body) ? 'written' : '')
  if (gaps.length === 0) return data
  const errors = gaps.map((g) => ({
    path: g.field,
    message: `${placeOf(g.field)}が空です。英語のタイトルがあるガイドは、英語の欄をすべて入力してから公開してください。`,
  }))
  const error = new ValidationError({ collection: collection.slug, errors, req })
  // As for the FAQ's checks: the edit screen shows only the message for some saves, so it says all.
  error.message = errors.map((e) => e.message).join('\n')
  throw error
}
