/**
 * Length limits of a FAQ's text fields, one place for the field config, the checks on a draft
 * (hooks/reviewReadiness.ts) and the counters in the edit screen. The CSV format and the content
 * schema carry the same numbers (content/src/csv/record.ts, content/src/schema.ts).
 */
export const FAQ_LIMITS = {
  /** The title in lists and on the site. */
  question: 200,
  /** One or two sentences an operator reads aloud. */
  shortAnswer: 80,
  alternative: 200,
  /** The やさしい日本語 version (content/src/schema.ts `easy`), as plain text. */
  easy: 3000,
} as const

/** The やさしい日本語 version's label: the edit screen's, and the one its checks name. */
export const EASY_LABEL = 'やさしい日本語の回答（任意）'

/** Characters as a person counts them (a surrogate pair, e.g. 𠮷, is one). */
export const charCount = (text: string): number => [...text].length
