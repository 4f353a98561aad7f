/**
 * Furigana overrides (`readings`, content/src/schema.ts) as the CMS holds them: the files write a
 * map (word → reading), an admin form edits rows of {word, reading}. Both the FAQ's and the city
 * profile's overrides cross here, so the two shapes are converted in one place.
 */
import type { Readings } from '../schema'

/** One override as a row of the CMS's `readings` array. */
export type ReadingRow = { word: string; reading: string }

/** The map as rows, in the files' order (empty for none). */
export const readingRowsOf = (readings: Readings | undefined): ReadingRow[] =>
  Object.entries(readings ?? {}).map(([word, reading]) => ({ word, reading }))

/**
 * Rows as the map, or undefined for none. A draft is stored unvalidated, so a row may be half
 * filled: it is left out (the publish check refuses it, cms/src/fields/readings.ts).
 */
export function readingsOfRows(
  rows: readonly { word?: string | null; reading?: string | null }[] | null | undefined,
): Readings | undefined {
  const filled = (rows ?? []).filter((r): r is ReadingRow => Boolean(r.word && r.reading))
  return filled.length > 0 ? Object.fromEntries(filled.map((r) => [r.word, r.reading])) : undefined
}
