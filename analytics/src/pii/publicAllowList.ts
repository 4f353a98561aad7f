import type { ContentBundle } from '@kotae/content'

import { detectAddress } from './address'
import { foldWidth } from './fold'
import { detectPhone, nationalPhoneDigits } from './phone'
import { detectPostalCode } from './postalCode'

/** What stays readable because the knowledge base itself gives it out: `MaskOptions` ready to spread. */
export type PublicAllowList = { keepPhones: string[]; keepAddresses: string[] }

/** Fields that are written for staff, not published: their numbers are not on the list. */
const UNPUBLISHED_FIELDS = new Set(['operatorNotes'])

/**
 * The phone numbers, addresses and postal codes that the knowledge base publishes, found with the
 * masker's own detectors in every text of `published`: the city profile (its numbers and counters,
 * notices), FAQs (questions, answers, what to bring), guides and sources, in the content files'
 * shapes (`loadContent()` of `@kotae/content`) or the CMS's records. An operator's note that they gave
 * a caller one of these keeps its meaning, so the allow-list is made from content, never kept by hand.
 *
 * It walks any JSON-like value and reads every string, except: an object marked `placeholder: true`
 * (a city-profile value still to fill in) or as a draft (`status: 'draft'`, `_status: 'draft'`), and
 * operator notes. Numbers come back in their national digits, addresses as the knowledge base
 * writes them (the masker compares them by place name and block numbers).
 */
export function publicAllowList(published: unknown): PublicAllowList {
  const phones = new Set<string>()
  const addresses = new Set<string>()
  const read = (text: string) => {
    if (!/\d/.test(text)) return
    const folded = foldWidth(text)
    for (const f of detectPhone(folded, {})) phones.add(nationalPhoneDigits(folded.slice(f.start, f.end))!)
    for (const f of [...detectAddress(folded, {}), ...detectPostalCode(folded, {})])
      addresses.add(folded.slice(f.start, f.end))
  }
  const seen = new Set<object>()
  const walk = (value: unknown): void => {
    if (typeof value === 'string') {
      read(value)
      return
    }
    if (!value || typeof value !== 'object' || seen.has(value)) return
    seen.add(value)
    if (Array.isArray(value)) {
      for (const item of value) walk(item)
      return
    }
    const record = value as Record<string, unknown>
    if (record.placeholder === true || record.status === 'draft' || record._status === 'draft') return
    for (const [key, field] of Object.entries(record)) if (!UNPUBLISHED_FIELDS.has(key)) walk(field)
  }
  walk(published)
  return { keepPhones: [...phones].sort(), keepAddresses: [...addresses].sort() }
}

/** The allow-list of the content files (`loadContent()`): their city profile, FAQs, guides and sources. */
export const contentAllowList = (
  content: Pick<ContentBundle, 'city' | 'faqs' | 'guides' | 'sources'>,
): PublicAllowList =>
  publicAllowList({
    city: content.city,
    faqs: content.faqs,
    guides: content.guides,
    sources: content.sources,
  })
