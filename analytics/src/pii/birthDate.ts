import type { Detector } from './types'

const SEIREKI = String.raw`(?:19|20)\d{2}(?:年|/|\.|-)\d{1,2}(?:月|/|\.|-)\d{1,2}日?`
const WAREKI = String.raw`(?:明治|大正|昭和|平成|令和|[MTSHR])\s?(?:元|\d{1,2})(?:年|\.|/)\d{1,2}(?:月|\.|/)\d{1,2}日?`
const DATE = new RegExp(`${SEIREKI}|${WAREKI}`, 'g')
const BEFORE = /(生年月日|誕生日|生まれ|うまれ)[はがの:：\s]*$/
const AFTER = /^\s?(生まれ|うまれ|生|の誕生日)/

/**
 * Dates are masked only where the text says they are a birth date (生年月日, 生まれ, 誕生日):
 * call summaries are full of appointment and deadline dates that are not personal.
 */
export const detectBirthDate: Detector = (text) =>
  [...text.matchAll(DATE)]
    .filter((m) => BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index)) || AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 8)))
    .map((m) => ({ kind: 'birthDate' as const, start: m.index, end: m.index + m[0].length }))
