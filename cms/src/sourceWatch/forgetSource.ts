import type { CollectionBeforeDeleteHook } from 'payload'

/** A deleted source takes the watch's record of it and its open changes along (their rows require the source). */
export const forgetWatchedSource: CollectionBeforeDeleteHook = async ({ id, req }) => {
  for (const collection of ['source-checks', 'source-changes'] as const) {
    await req.payload.delete({ collection, where: { source: { equals: id } }, overrideAccess: true, req })
  }
}
