/**
 * What the generated calls of bench:reports and bench:calls-export refer to (insertSynthetic's
 * categories, FAQs and operators): 12 categories, `operators` operator accounts and 115 published
 * FAQs. The FAQs are referenced by id only (calls_rels), so they are bare rows, to keep the seed fast.
 */
import type { Payload } from 'payload'

import type { Sql } from '../../src/db/sql'
import type { SyntheticInput } from '../../src/seed/syntheticCalls'

export async function seedCallReferences(
  payload: Payload,
  sql: Sql,
  operators: number,
): Promise<Pick<SyntheticInput, 'categories' | 'faqIds' | 'operatorIds'>> {
  const categories: { id: number; slug: string }[] = []
  for (let i = 0; i < 12; i++) {
    const slug = `topic-${i + 1}`
    const doc = await payload.create({
      collection: 'categories',
      data: { name: `用件${i + 1}`, nameEn: `topic ${i + 1}`, slug },
    })
    categories.push({ id: Number(doc.id), slug })
  }
  const operatorIds: number[] = []
  for (let i = 0; i < operators; i++) {
    const doc = await payload.create({
      collection: 'users',
      data: {
        email: `op${i}@bench.test`,
        password: 'bench-password-123',
        roles: ['operator'],
        name: `op${i}`,
      },
    })
    operatorIds.push(Number(doc.id))
  }
  const faqIds: number[] = []
  for (let i = 0; i < 115; i++) {
    const [row] = await sql.query<{ id: number }>(
      `INSERT INTO faqs (question, slug, _status) VALUES (?, ?, 'published') RETURNING id`,
      [`ベンチFAQ ${i + 1}`, `bench-${i + 1}`],
    )
    faqIds.push(Number(row!.id))
  }
  return { categories, faqIds, operatorIds }
}
