/**
 * Shared rules for detectors that mask a value only because a cue word says what it is
 * (暗証番号は…, マイナンバーは…, 在留カード番号…): the window a cue governs and the words that
 * make a number a count or a length rather than a value.
 */

/**
 * How far past a cue a value may start (characters of other text, not counting masked spans). Twice
 * that when everything in between is ASCII: English says in 28 letters (「code I set at the city hall
 * was」) what Japanese says in 12.
 */
export const CUE_REACH = 20
const reachOf = (gap: string) => (/^[\x20-\x7e]*$/.test(gap) ? 2 * CUE_REACH : CUE_REACH)

/** How long a value may run past the end of the reach (so a 16-character password is not cut). */
const VALUE_TAIL = 40

/** How much text before the window a value pattern may look behind at (its boundary checks). */
const LOOK_BEHIND = 8

/** The filler `hidePlaceholders` writes; a masked span counts as nothing towards the reach. */
const FILLER = '〓'

/**
 * A number immediately followed by one of these is a count, a length, a date, a time or an amount
 * (「3回間違えた」「4桁です」「6文字以上」「5年」「1,000円」, in English 「4 digits」「3 times」), never
 * the secret itself. `〜` marks the start of a range (「6〜16桁」), and so does `から` before a length
 * (「6から16文字」); 「1234から5678に変えた」 is a change from one PIN to another.
 */
const NOT_A_VALUE_AFTER =
  /^ ?(?:桁|回|文字|日|月|年|歳|才|時|分|秒|円|件|度|人|名|枚|週|階|番(?!号)|号|個|つ|通|点|割|倍|代|ヶ月|か月|カ月|ケ月|箇月|%|パーセント|[〜~]|から(?= ?(?:\d{1,2}|[一二三四五六七八九十]{1,3}) ?(?:桁|文字))|(?:digits?|letters?|char(?:acter)?s?|times?|tries|attempts?|years?|months?|days?|hours?|minutes?|yen)(?![A-Za-z]))/

/** True when the text at `end` makes the number before it a count, a length, a date or an amount. */
export const unitFollows = (text: string, end: number): boolean =>
  NOT_A_VALUE_AFTER.test(text.slice(end, end + 12))

/**
 * `text` with every position blanked that is blanked in `others` (same length), e.g. phones and other
 * findings. A detector computes it once per text and passes it to each of its readings.
 */
export function blankAlso(text: string, others: string | undefined): string {
  if (others === undefined || others === text || !others.includes(FILLER)) return text
  let out = ''
  let at = 0
  // a run of filler at a time (a finding is one run), not one character at a time
  for (let i = others.indexOf(FILLER); i >= 0; ) {
    let end = i + 1
    while (others[end] === FILLER) end++
    out += text.slice(at, i) + FILLER.repeat(end - i)
    at = end
    i = others.indexOf(FILLER, end)
  }
  return out + text.slice(at)
}

export type Window = { from: number; to: number }

/**
 * Finds values that a cue governs. For each match of `cue` (global regex), `value` (global regex)
 * is run over the text after it, up to `stop` (a sentence end, a line break, another label). A
 * candidate counts when it starts within CUE_REACH characters of the cue, where masked text
 * (placeholders, and values already taken for this cue) does not count: so masking never pulls a
 * farther number into the reach and masking masked text changes nothing. `reach` is the text the
 * distance is measured on (the text with other findings blanked, same length). `pick` turns a
 * candidate into the span to mask, or rejects it (undefined).
 */
export function valuesAfterCues(
  text: string,
  cue: RegExp,
  value: RegExp,
  stop: RegExp,
  pick: (
    m: RegExpExecArray,
    start: number,
    window: Window,
    gap: string,
  ) => { start: number; end: number } | undefined,
  reach: string = text,
): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = []
  for (const c of text.matchAll(cue)) {
    const from = c.index + c[0].length
    let to = Math.min(text.length, from + CUE_REACH + VALUE_TAIL)
    const s = stop.exec(text.slice(from, to))
    if (s) to = from + s.index
    if (to <= from) continue
    const base = Math.max(0, from - LOOK_BEHIND)
    const slice = text.slice(base, to)
    value.lastIndex = from - base
    let taken = 0 // characters of values already picked for this cue
    for (let m = value.exec(slice); m; m = value.exec(slice)) {
      if (m[0] === '') {
        value.lastIndex++
        continue
      }
      const start = base + m.index
      const gap = reach.slice(from, start).replaceAll(FILLER, '')
      if (gap.length - taken > reachOf(gap)) break
      const span = pick(m, start, { from, to }, gap)
      if (span) {
        out.push(span)
        taken += span.end - span.start
      }
    }
  }
  return out
}
