/**
 * English siblings of Japanese-only content (`titleEn`, `itemEn`, `labelEn`…, decision 0047).
 * They are optional, but a guide is English all through or not at all: half a guide in English
 * would put Japanese steps or items on an English page unannounced, so a guide that has a
 * `titleEn` must have every other English field, and the loader names each one missing.
 */
import type { GuideFrontMatter } from './schema'

export type EnglishGap = { field: string; message: string }

/** What the rule reads of a guide: a file's front matter, or a CMS entry with its empty fields left out. */
export type GuideEnglish = Pick<
  GuideFrontMatter,
  'titleEn' | 'summaryEn' | 'whereEn' | 'whenEn' | 'bodyEn'
> & {
  steps: readonly { titleEn?: string; detailEn?: string }[]
  bring: readonly { items: readonly { note?: string; itemEn?: string; noteEn?: string }[] }[]
}

const MISSING = 'is missing: this guide has English (titleEn), so every English field is needed'

/** The English fields a guide with `titleEn` still lacks (none when it has no English at all). */
export function guideEnglishGaps(guide: GuideEnglish, body: string): EnglishGap[] {
  if (guide.titleEn === undefined) return []
  const gaps: EnglishGap[] = []
  const need = (field: string, value: unknown) => {
    if (value === undefined) gaps.push({ field, message: MISSING })
  }
  need('summaryEn', guide.summaryEn)
  need('whereEn', guide.whereEn)
  need('whenEn', guide.whenEn)
  if (body.trim()) need('bodyEn', guide.bodyEn)
  guide.steps.forEach((step, i) => {
    need(`steps.${i}.titleEn`, step.titleEn)
    need(`steps.${i}.detailEn`, step.detailEn)
  })
  guide.bring.forEach((group, g) => {
    group.items.forEach((item, i) => {
      need(`bring.${g}.items.${i}.itemEn`, item.itemEn)
      if (item.note !== undefined) need(`bring.${g}.items.${i}.noteEn`, item.noteEn)
    })
  })
  return gaps
}
