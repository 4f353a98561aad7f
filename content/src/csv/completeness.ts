/**
 * What a FAQ row needs before review. A 下書き may be incomplete (editors save work in progress);
 * a row marked 承認待ち or 公開 must carry everything the CMS requires to publish (the same rule
 * as the CMS's check when an entry moves to 承認待ち: cms/src/hooks/reviewReadiness.ts).
 */
import type { FaqCsvColumn, FaqCsvRecord } from './columns'

/** Columns that must not be empty before review, in header order. */
export const REQUIRED_FOR_REVIEW = [
  '質問',
  '短い回答',
  '回答',
  'カテゴリ',
  '出典',
  '確認期限',
] as const satisfies readonly FaqCsvColumn[]

/** The record's columns that are still empty but needed before review ([] when complete). */
export function missingForReview(
  r: Pick<FaqCsvRecord, 'question' | 'shortAnswer' | 'answer' | 'category' | 'sources' | 'reviewBy'>,
): FaqCsvColumn[] {
  const empty: Record<(typeof REQUIRED_FOR_REVIEW)[number], boolean> = {
    質問: r.question.trim() === '',
    短い回答: r.shortAnswer.trim() === '',
    回答: r.answer.trim() === '',
    カテゴリ: r.category === '',
    出典: r.sources.length === 0,
    確認期限: r.reviewBy === '',
  }
  return REQUIRED_FOR_REVIEW.filter((column) => empty[column])
}

/** An exported or imported row that is an incomplete draft: its line, id and the empty columns. */
export type IncompleteRow = { line: number; id: string; columns: FaqCsvColumn[] }
