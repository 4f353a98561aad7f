import type { Detector } from './types'

export const detectEmail: Detector = (text) =>
  [...text.matchAll(/[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g)].map((m) => ({ kind: 'email' as const, start: m.index, end: m.index + m[0].length }))
