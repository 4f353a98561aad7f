import type { CollectionBeforeDeleteHook } from 'payload'

/**
 * A call's transcript goes with the call, in the same transaction. Before the delete: afterwards the
 * foreign key has already set the transcript's call to null, leaving a conversation without its call.
 */
export const deleteTranscriptsOfCall: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await req.payload.delete({
    collection: 'transcripts',
    where: { call: { equals: id } },
    overrideAccess: true,
    req,
  })
}
