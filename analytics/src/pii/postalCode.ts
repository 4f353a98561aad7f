import type { Detector } from './types'

/** 〒123-4567, or 123-4567 right after the words 郵便番号. A bare 7-digit run is left alone. */
export const detectPostalCode: Detector = (text) => [
  ...[...text.matchAll(/〒 ?\d{3}-?\d{4}(?!\d)/g)].map((m) => ({ kind: 'postalCode' as const, start: m.index, end: m.index + m[0].length })),
  ...[...text.matchAll(/郵便番号(?:は|が|:|：| )*(\d{3}-?\d{4})(?!\d)/g)].map((m) => {
    const start = m.index + m[0].length - m[1]!.length
    return { kind: 'postalCode' as const, start, end: start + m[1]!.length }
  }),
]
