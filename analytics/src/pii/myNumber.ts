import { digitsOf } from './fold'
import type { Detector } from './types'

/**
 * The 個人番号 check digit (the 12th digit), as the official formula defines it: with P(n) the n-th
 * of the first 11 digits counted from the right and Q(n) = n + 1 for 1 ≤ n ≤ 6, n − 5 for 7 ≤ n ≤ 11,
 * the remainder r of Σ P(n)·Q(n) divided by 11 gives 0 when r ≤ 1, else 11 − r.
 */
export function myNumberCheckDigit(first11: string): number {
  if (!/^\d{11}$/.test(first11)) throw new RangeError('expected 11 digits')
  let sum = 0
  for (let n = 1; n <= 11; n++) sum += Number(first11[11 - n]) * (n <= 6 ? n + 1 : n - 5)
  const r = sum % 11
  return r <= 1 ? 0 : 11 - r
}

/** True for 12 digits (half width, no separators) whose check digit verifies. */
export function isValidMyNumber(digits: string): boolean {
  return /^\d{12}$/.test(digits) && myNumberCheckDigit(digits.slice(0, 11)) === Number(digits[11])
}

/**
 * 12 digits in any grouping (single spaces or hyphens between groups, as people read them out)
 * whose check digit verifies. A run that is part of a longer number (a 23-digit 申請書ID read in
 * groups of four, a 13-digit 法人番号) is never cut into a My Number.
 */
const MY_NUMBER = /(?<!\d[ -]?)\d(?:[ -]?\d){11}(?![ -]?\d)/g

export const detectMyNumber: Detector = (text) =>
  [...(/\d/.test(text) ? text.matchAll(MY_NUMBER) : [])]
    .filter((m) => isValidMyNumber(digitsOf(m[0])))
    .map((m) => ({ kind: 'myNumber' as const, start: m.index, end: m.index + m[0].length }))
