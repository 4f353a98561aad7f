import { detectAddress } from './address'
import { detectBirthDate } from './birthDate'
import { detectEmail } from './email'
import { foldWidth } from './fold'
import { detectMyNumber } from './myNumber'
import { detectName } from './name'
import { detectPhone } from './phone'
import { detectPostalCode } from './postalCode'
import { PII_KINDS, PII_PLACEHOLDERS, type Detector, type PiiFinding, type PiiKind } from './types'

const DETECTORS: Record<PiiKind, Detector> = {
  myNumber: detectMyNumber,
  email: detectEmail,
  phone: detectPhone,
  postalCode: detectPostalCode,
  birthDate: detectBirthDate,
  address: detectAddress,
  name: detectName,
}

export type MaskOptions = {
  /** Kinds to look for. Default: every kind. */
  kinds?: readonly PiiKind[]
}

/**
 * Finds personal information. Overlaps go to the stronger kind (PII_KINDS order), then to the
 * longer span, so "082-420-0925" inside an address is one finding, not two.
 */
export function findPii(text: string, options: MaskOptions = {}): PiiFinding[] {
  const folded = foldWidth(text)
  const kinds = options.kinds ?? PII_KINDS
  const all = kinds.flatMap((k) => DETECTORS[k](folded))
  const rank = (f: PiiFinding) => PII_KINDS.indexOf(f.kind)
  all.sort((a, b) => rank(a) - rank(b) || b.end - b.start - (a.end - a.start) || a.start - b.start)
  const kept: PiiFinding[] = []
  for (const f of all) if (!kept.some((k) => f.start < k.end && k.start < f.end)) kept.push(f)
  return kept.sort((a, b) => a.start - b.start)
}

/** Replaces every finding with its placeholder (［電話番号］…). Masking masked text changes nothing. */
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
