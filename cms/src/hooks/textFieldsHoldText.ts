import { ValidationError, type CollectionBeforeValidateHook, type Field } from 'payload'

/** What a text field's value may be: text, nothing, or for `hasMany` text fields a list of texts. */
const holdsText = (field: Field & { type: 'text' | 'textarea' | 'email' }, value: unknown): boolean =>
  value === undefined ||
  value === null ||
  typeof value === 'string' ||
  ('hasMany' in field &&
    field.hasMany === true &&
    Array.isArray(value) &&
    value.every((v) => typeof v === 'string'))

/** Paths (`callback.name`) of text fields in `data` whose value is not text, through groups. */
function wrongTypes(fields: Field[], data: Record<string, unknown>, prefix = ''): string[] {
  return fields.flatMap((field) => {
    if (!('name' in field)) return 'fields' in field ? wrongTypes(field.fields, data, prefix) : []
    const value = data[field.name]
    if (field.type === 'text' || field.type === 'textarea' || field.type === 'email')
      return holdsText(field, value) ? [] : [`${prefix}${field.name}`]
    if (field.type === 'group' && value !== null && typeof value === 'object' && !Array.isArray(value))
      return wrongTypes(field.fields, value as Record<string, unknown>, `${prefix}${field.name}.`)
    return []
  })
}

/**
 * A text field given an object or a list (`{"summary": {…}}`) is a field error (400), not a
 * database error (500): Payload's own text validation lets such values through to the insert.
 */
export const textFieldsHoldText: CollectionBeforeValidateHook = ({ collection, data }) => {
  if (!data) return data
  const paths = wrongTypes(collection.fields, data)
  if (paths.length > 0)
    throw new ValidationError({
      collection: collection.slug,
      errors: paths.map((path) => ({ path, message: '文字列で入力してください。' })),
    })
  return data
}
