/**
 * The FAQ CSV format (docs/decisions/0010-faq-csv.md): the columns in order, their header names,
 * and the values of the coded columns. The first three columns follow the 自治体標準オープンデータセット
 * layout; the rest are one FAQ each.
 */

/** The header of row 1, in this order. */
export const FAQ_CSV_HEADER = [
  '全国地方公共団体コード',
  'ID',
  '地方公共団体名',
  '質問',
  '言い換え',
  '短い回答',
  '回答',
  'カテゴリ',
  '出典',
  '確認期限',
  '状態',
  // Added for the round trip: without them an operator-only FAQ would come back public, an
  // English translation Japanese, and links and review flags would be lost.
  '公開範囲',
  '言語',
  '翻訳元ID',
  '関連FAQ',
  '要確認',
] as const
export type FaqCsvColumn = (typeof FAQ_CSV_HEADER)[number]

/** Columns holding several values, separated by `;`. */
export const LIST_COLUMNS: ReadonlySet<FaqCsvColumn> = new Set(['言い換え', '出典', '関連FAQ'])

/** 状態: the entry's place in the publish workflow (docs/decisions/0003). */
export const STATUS_LABELS = { draft: '下書き', in_review: '承認待ち', published: '公開' } as const
export type FaqCsvStatus = keyof typeof STATUS_LABELS

/** 公開範囲: the CMS's audience labels. */
export const AUDIENCE_LABELS = { public: '一般公開', operator: 'オペレーターのみ' } as const
export type FaqCsvAudience = keyof typeof AUDIENCE_LABELS

/** 要確認: yes / no (an empty cell is no). */
export const YES = 'はい'
export const NO = 'いいえ'

/** Excel cannot hold more characters than this in one cell. */
export const EXCEL_CELL_MAX = 32_767

/** One FAQ as the CSV carries it (decoded: real line breaks, lists as arrays). */
export type FaqCsvRecord = {
  /** 全国地方公共団体コード, 6 digits. */
  localGovernmentCode: string
  /** The FAQ's slug (its id in content/ and its public URL). */
  id: string
  /** 地方公共団体名. */
  cityName: string
  question: string
  alternatives: string[]
  shortAnswer: string
  /** The full answer, Markdown. */
  answer: string
  /** Category id (slug). */
  category: string
  /** Source ids (slugs). */
  sources: string[]
  /** Review-by date, YYYY-MM-DD. */
  reviewBy: string
  status: FaqCsvStatus
  audience: FaqCsvAudience
  locale: 'ja' | 'en'
  /** For an English entry: the id of the Japanese FAQ it translates. */
  translationOf?: string
  /** Related FAQ ids. */
  related: string[]
  needsReview: boolean
}

/** A record read from a file, with the line it starts on. */
export type FaqCsvRow = FaqCsvRecord & { line: number }
