import { digitsOf } from './fold'
import type { Detector } from './types'

/**
 * Japanese fixed and mobile numbers: 10 or 11 digits starting with 0 (or +81), with hyphens,
 * spaces, parentheses or nothing between the groups. Longer digit runs are not phone numbers.
 */
export const detectPhone: Detector = (text) =>
  [...text.matchAll(/(?<![\d-])(?:\+81[ -]?\(?0?\)?|0)\d{1,4}(?:[ -]?\(?\d{1,4}\)?){1,2}[ -]?\d{2,4}(?![\d-])/g)]
    .filter((m) => {
      const d = digitsOf(m[0])
      const national = m[0].startsWith('+81') ? `0${d.slice(2).replace(/^0/, '')}` : d
      return /^0\d{9,10}$/.test(national)
    })
    .map((m) => ({ kind: 'phone' as const, start: m.index, end: m.index + m[0].length }))
