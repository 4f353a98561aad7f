import type { Detector } from './types'

/**
 * The 個人番号 check digit (the 12th digit): with P(n) the n-th of the first 11 digits counted
 * from the right and Q(n) = n + 1 for n ≤ 6, n − 5 for n ≥ 7, the remainder r of ΣP·Q by 11
 * gives 0 when r ≤ 1, else 11 − r.
 */
export function myNumberCheckDigit(first11: string): number {
  let sum = 0
  for (let n = 1; n <= 11; n++) {
    const p = Number(first11[11 - n])
    sum += p * (n <= 6 ? n + 1 : n - 5)
  }
  const r = sum % 11
  return r <= 1 ? 0 : 11 - r
}

export function isValidMyNumber(digits: string): boolean {
  return /^\d{12}$/.test(digits) && myNumberCheckDigit(digits.slice(0, 11)) === Number(digits[11])
}

/** 12 digits, optionally in groups of four, whose check digit verifies. */
export const detectMyNumber: Detector = (text) =>
  [...text.matchAll(/(?<![\d-])\d{4}[ -]?\d{4}[ -]?\d{4}(?![\d-])/g)]
    .filter((m) => isValidMyNumber(m[0].replace(/\D/g, '')))
    .map((m) => ({ kind: 'myNumber' as const, start: m.index, end: m.index + m[0].length }))
