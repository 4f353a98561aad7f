import { detectAddress } from './address'
import { detectBirthDate } from './birthDate'
import { detectCardNumber } from './cardNumber'
import { detectEmail } from './email'
import { foldWidth, hidePlaceholders } from './fold'
import { withoutPublicAddresses } from './keepAddresses'
import { detectMyNumber } from './myNumber'
import { detectName, sameNameElsewhere, trimNameEdges } from './name'
import { detectPhone } from './phone'
import { detectPostalCode } from './postalCode'
import { detectSecret } from './secret'
import { COMMON_SURNAMES } from './surnames'
import { defaultTagger, TAGGER_MAX_LENGTH, taggerFindings } from './tagger'
import {
  PII_KINDS,
  PII_PLACEHOLDERS,
  type Detector,
  type MaskOptions,
  type PiiFinding,
  type PiiKind,
} from './types'

const DETECTORS: Record<PiiKind, Detector> = {
  secret: detectSecret,
  myNumber: detectMyNumber,
  email: detectEmail,
  phone: detectPhone,
  cardNumber: detectCardNumber,
  postalCode: detectPostalCode,
  birthDate: detectBirthDate,
  address: detectAddress,
  name: detectName,
}

/**
 * Characters that show nothing by themselves: C0 and C1 controls (not tab or line breaks), soft hyphen,
 * zero-width and direction marks, BOM, and the variation selectors and the keycap mark that make an
 * emoji of a digit (「1️⃣9️⃣8️⃣0️⃣」, as a PIN is sent by a chat app, is 1980).
 */
const INVISIBLE =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2060\ufeff]|\u20e3|\ufe0e|\ufe0f/

/** Past the marks that belong to the character before them (a keycap digit's selector and keycap). */
function attached(text: string, end: number): number {
  let at = end
  while (at < text.length && /^(?:\u20e3|\ufe0e|\ufe0f)$/.test(text[at]!)) at++
  return at
}

/** Kinds whose rule span a tagger span may grow (see findPii); addresses grew into the words after them (「455-2 now」). */
const GROWS: ReadonlySet<PiiKind> = new Set(['name'])

/** Detectors that find a value by a cue word within a reach; they run after the others (see Detector). */
const CUED: ReadonlySet<PiiKind> = new Set(['secret', 'myNumber', 'cardNumber'])

/**
 * Finds personal information, sorted by position, never overlapping. Every detector reads the
 * width-folded text with earlier placeholders blanked out; the cue-based ones also get that text
 * with the other findings blanked (an address between 暗証番号 and the PIN counts as much as its
 * placeholder will, so masking masked text finds nothing new). Where findings overlap, the stronger kind
 * wins (PII_KINDS order: 暗証番号, 個人番号, メール, 電話番号, カード番号, 郵便番号, 生年月日, 住所,
 * 氏名), then the longer span, then the earlier one; the loser is dropped. Public numbers and
 * addresses (`keepPhones`, `keepAddresses`) are never findings.
 */
export function findPii(text: string, options: MaskOptions = {}): PiiFinding[] {
  // Control and zero-width characters hide nothing: 「090\u00001234\u00005678」 is read as 09012345678 and
  // masked with the characters inside it.
  if (INVISIBLE.test(text)) {
    const kept: number[] = []
    let visible = ''
    for (let i = 0; i < text.length; i++)
      if (!INVISIBLE.test(text[i]!)) {
        kept.push(i)
        visible += text[i]
      }
    return findPii(visible, options).map((f) => ({
      kind: f.kind,
      start: kept[f.start]!,
      end: attached(text, kept[f.end - 1]! + 1),
    }))
  }
  const folded = hidePlaceholders(foldWidth(text))
  const kinds = options.kinds ?? PII_KINDS
  const all = withoutPublicAddresses(
    kinds.filter((k) => !CUED.has(k)).flatMap((k) => DETECTORS[k](folded, options)),
    folded,
    options.keepAddresses,
  )
  let others = ''
  let at = 0
  for (const f of [...all].sort((a, b) => a.start - b.start)) {
    if (f.start < at) continue
    others += folded.slice(at, f.start) + '〓'.repeat(f.end - f.start)
    at = f.end
  }
  others += folded.slice(at)
  // one by one: spreading 100,000 findings of a 1 MB line into push() overflows the stack
  for (const k of kinds) if (CUED.has(k)) for (const f of DETECTORS[k](folded, options, others)) all.push(f)
  const rank = (f: PiiFinding) => PII_KINDS.indexOf(f.kind)
  all.sort((a, b) => rank(a) - rank(b) || b.end - b.start - (a.end - a.start) || a.start - b.start)
  const taken = new Uint8Array(text.length)
  const kept: PiiFinding[] = []
  const take = (f: PiiFinding) => {
    if (f.end <= f.start || taken.subarray(f.start, f.end).includes(1)) return
    taken.fill(1, f.start, f.end)
    kept.push(f)
  }
  all.forEach(take)
  // A name is a name wherever else it stands (only names that won their overlaps are repeated).
  if (kinds.includes('name')) sameNameElsewhere(folded, kept).forEach(take)
  // The learned tagger fills the rules' gaps: it reads their findings, and its spans count only where no
  // rule found anything. Text longer than a long memo (hostile input, a pasted log) gets the rules alone.
  const tagger = options.tagger === undefined ? defaultTagger() : options.tagger
  if (tagger && text.length <= TAGGER_MAX_LENGTH)
    for (const f of taggerFindings(tagger, folded, options, kinds, [...kept])) {
      // A tagger name over rule names only that reaches past their end grows them to it: the
      // name rules take 田村 of 「田村 修」, the tagger the whole name, and a part left readable is a leak. Never
      // at the start: the rules cut labels and relatives there on purpose (長男太郎, 新住所…).
      const over = GROWS.has(f.kind) ? kept.filter((k) => k.start < f.end && f.start < k.end) : []
      if (!over.length || over.some((k) => k.kind !== f.kind)) {
        take(f)
        continue
      }
      const start = Math.min(...over.map((k) => k.start))
      const ruleEnd = Math.max(...over.map((k) => k.end))
      // only by a word after a space or a dot (the given name after the surname): 「浜田キヨ言うんですが」 stays 浜田キヨ
      if (f.end <= ruleEnd || !/^[\s・]/.test(folded.slice(ruleEnd, ruleEnd + 1))) continue
      const end = f.end
      for (const k of over) kept.splice(kept.indexOf(k), 1)
      taken.fill(1, start, end)
      kept.push({ kind: f.kind, start, end })
    }
  // a name ends at its given name, whichever part found it (a copula or an honorific glued to it is not the name)
  return joinSpacedNames(
    folded,
    kept.map((f) => trimNameEdges(folded, f)).sort((a, b) => a.start - b.start),
  )
}

/**
 * A surname and a given name found apart, one space between them (「甥の三浦 拓也が」: a rule took 三浦, the
 * tagger 拓也), are one full name: kanji or katakana words of one to four characters each.
 */
const NAME_PART = /^(?:[一-龥々]{1,4}|[ァ-ヺー]{2,6})$/
function joinSpacedNames(folded: string, found: PiiFinding[]): PiiFinding[] {
  const out: PiiFinding[] = []
  for (const f of found) {
    const last = out.at(-1)
    if (
      last?.kind === 'name' &&
      f.kind === 'name' &&
      f.start === last.end + 1 &&
      /[ \u3000]/.test(folded[last.end]!) &&
      NAME_PART.test(folded.slice(last.start, last.end)) &&
      NAME_PART.test(folded.slice(f.start, f.end)) &&
      // (「田中 佐藤 鈴木の三人」: surnames listed are several people)
      !COMMON_SURNAMES.has(folded.slice(f.start, f.end))
    )
      out[out.length - 1] = { kind: 'name', start: last.start, end: f.end }
    else out.push(f)
  }
  return out
}

/**
 * Replaces every finding with its typed placeholder (［電話番号］…) and returns the findings, whose
 * offsets are in the input. Masking masked text changes nothing.
 */
export function maskPii(text: string, options: MaskOptions = {}): { text: string; findings: PiiFinding[] } {
  const findings = findPii(text, options)
  let out = ''
  let at = 0
  for (const f of findings) {
    out += text.slice(at, f.start) + PII_PLACEHOLDERS[f.kind]
    at = f.end
  }
  return { text: out + text.slice(at), findings }
}
