import type { z } from 'zod'

/**
 * Zod's problems as the items of Payload's error shape, `{ field, message }`: the field as a dotted
 * path, or `whole` where the problem is with the input as a whole.
 */
export const fieldErrors = (error: z.ZodError, whole = ''): { field: string; message: string }[] =>
  error.issues.map((i) => ({ field: i.path.join('.') || whole, message: i.message }))
