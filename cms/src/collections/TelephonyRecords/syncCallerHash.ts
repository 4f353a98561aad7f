import type { CollectionAfterDeleteHook } from 'payload'

/**
 * A telephony record deleted through Payload (admins may): its call log takes the hash of its next
 * linked record with one, or none, as the import's link step would set it (calls.caller_hash,
 * importTelephony.ts syncCallerHashes). Written through the adapter, in the delete's transaction:
 * the field is closed to every user, and the call's own hooks have nothing to do with this.
 */
export const syncCallerHashAfterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  const call = doc?.call && typeof doc.call === 'object' ? doc.call.id : doc?.call
  if (call === null || call === undefined) return
  const next = await req.payload.find({
    collection: 'telephony-records',
    where: { and: [{ call: { equals: call } }, { callerHash: { exists: true } }] },
    sort: 'id',
    limit: 1,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  await req.payload.db.updateOne({ collection: 'calls', id: call, data: { callerHash: next.docs[0]?.callerHash ?? null }, req })
}
