import type { Tagger } from './tagger/model'

/**
 * Kinds of personal information the masker finds, strongest first (wins an overlap). A PIN or
 * password (`secret`) is the worst thing to store, so it wins everything; a card serial comes after
 * the phone number, so a phone number said after カード番号 keeps its own placeholder (and `keepPhones`).
 */
export const PII_KINDS = [
  'secret',
  'myNumber',
  'email',
  'phone',
  'cardNumber',
  'postalCode',
  'birthDate',
  'address',
  'name',
] as const
export type PiiKind = (typeof PII_KINDS)[number]

/** A span of the input (UTF-16 offsets, end exclusive). */
export type PiiFinding = { kind: PiiKind; start: number; end: number }

/** What replaces each kind in masked text. No digits or letters, so masking masked text changes nothing. */
export const PII_PLACEHOLDERS: Record<PiiKind, string> = {
  secret: '［暗証番号］',
  myNumber: '［個人番号］',
  email: '［メール］',
  phone: '［電話番号］',
  cardNumber: '［カード番号］',
  postalCode: '［郵便番号］',
  birthDate: '［生年月日］',
  address: '［住所］',
  name: '［氏名］',
}

export type MaskOptions = {
  /** Kinds to look for. Default: every kind. */
  kinds?: readonly PiiKind[]
  /**
   * A full date with no birth-date word around it is masked as a birth date when its year is before
   * this one (default 2006; 0 turns the rule off). See detectBirthDate.
   */
  bareBirthYearBefore?: number
  /**
   * Phone numbers that are public and stay readable (the city's own lines, 0120-95-0178 …), in any
   * format; compared by their national digits. Default: none, every phone number is masked.
   */
  keepPhones?: readonly string[]
  /**
   * Addresses and postal codes that are public and stay readable (the city hall's, the counters'),
   * as the knowledge base writes them (「〒739-8601 東広島市西条栄町8番29号」). An address found in the
   * text stays when its block numbers are the same and one place name ends the other (西条栄町8-29,
   * 東広島市西条栄町8番29号); a postal code stays when its digits are one of these. Default: none.
   * `publicAllowList` builds this and `keepPhones` from the published content.
   */
  keepAddresses?: readonly string[]
  /**
   * The learned character tagger that fills the rules' gaps (`tagger/`). Default: the one trained from
   * the synthetic corpora (`npm run train:masker -w @kotae/analytics`); `null` masks with the rules alone.
   */
  tagger?: Tagger | null
}

/**
 * A detector looks at width-folded text (same length as the input) and returns spans. The detectors
 * that need a cue word nearby (secret, myNumber, cardNumber) also get `others`: the same text with
 * the other detectors' findings blanked like placeholders, to measure how far a value is from its cue
 * the same way before and after masking.
 */
export type Detector = (folded: string, options: MaskOptions, others?: string) => PiiFinding[]
