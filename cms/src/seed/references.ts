import type { Category, Source } from '@kotae/content'

/**
 * A content file's category and source as their collections store them (the slug, their id, is
 * set by the caller): the seed and the CSV import create them the same way.
 */
export const categoryToPayload = (c: Category) => ({
  name: c.name,
  nameEn: c.nameEn,
  description: c.description,
  descriptionEn: c.descriptionEn ?? null,
  order: c.order,
})

export const sourceToPayload = (s: Source) => ({
  title: s.title,
  publisher: s.publisher,
  url: s.url,
  checkedAt: s.checkedAt,
})
