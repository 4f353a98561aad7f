/**
 * What changed between two checks of a page, as passages: runs of sentences removed and/or added
 * between unchanged ones (jsdiff's `diffArrays`, Myers' algorithm, over the sentences of
 * extract.ts). Editors see each passage as old beside new; their number is the 「3か所」.
 */
import { diffArrays } from 'diff'

export type Passage = { old: string[]; new: string[] }

export function changedPassages(before: readonly string[], after: readonly string[]): Passage[] {
  const passages: Passage[] = []
  let open: Passage | undefined
  for (const part of diffArrays([...before], [...after])) {
    if (!part.added && !part.removed) {
      open = undefined
      continue
    }
    if (!open) {
      open = { old: [], new: [] }
      passages.push(open)
    }
    ;(part.removed ? open.old : open.new).push(...part.value)
  }
  return passages
}
