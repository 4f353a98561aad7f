import type { Detector } from './types'

/**
 * E-mail addresses, also written in full width (folded before this runs) or with the @ spelt out
 * as (at) / [at], as people do to dodge spam filters. The top-level domain needs two letters, so a
 * sentence-final period is not swallowed.
 */
const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*(?:@| ?[([]at[)\]] ?)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![A-Za-z0-9-])/g

export const detectEmail: Detector = (text) =>
  [...text.matchAll(EMAIL)].map((m) => ({ kind: 'email' as const, start: m.index, end: m.index + m[0].length }))
