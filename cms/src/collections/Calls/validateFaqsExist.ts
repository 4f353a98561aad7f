import type { RelationshipFieldManyValidation } from 'payload'
import { relationship } from 'payload/shared'

/**
 * The FAQs a call used must exist: without this check an unknown id reaches the database's
 * foreign key and fails as a server error instead of a field error.
 */
export const validateFaqsExist: RelationshipFieldManyValidation = async (value, options) => {
  const base = await relationship(value, options)
  if (base !== true) return base
  const ids = (value ?? []).map((v) =>
    typeof v === 'object' && v !== null ? ('value' in v ? v.value : (v as { id?: unknown }).id) : v,
  )
  if (ids.length === 0) return true
  if (ids.length > 30) return '使用したFAQは30件までです。'
  const unique = [...new Set(ids.map(String))]
  const { totalDocs } = await options.req.payload.count({
    collection: 'faqs',
    where: { id: { in: unique } },
    overrideAccess: true,
    req: options.req,
  })
  return totalDocs === unique.length ? true : '存在しないFAQが指定されています。FAQを選び直してください。'
}
