import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

/**
 * calls.caller_hash follows the links to telephony records (decision 0011), whichever comes first:
 * the import links records to the calls already logged (importTelephony.ts syncCallerHashes), and
 * these hooks keep it so when a record is deleted or a call is logged after its record was imported,
 * so 一次完了 reads the same in both orders (decision 0036). Written through the adapter, in the
 * request's transaction: the field is closed to every user.
 */
async function syncCallerHashOf(req: PayloadRequest, call: number | string): Promise<void> {
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
  await req.payload.db.updateOne({
    collection: 'calls',
    id: call,
    data: { callerHash: next.docs[0]?.callerHash ?? null },
    req,
  })
}

/** A telephony record deleted through Payload (admins may): its call takes the hash of its next linked record, or none. */
export const syncCallerHashAfterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  const call = doc?.call && typeof doc.call === 'object' ? doc.call.id : doc?.call
  if (call === null || call === undefined) return
  await syncCallerHashOf(req, call)
}

/**
 * A call logged (or corrected) with the PBX's call id of a record already imported: linked to it by
 * call id, as the import's link step would (a record linked to another call keeps its link), and
 * its caller hash taken. Calls without the id wait for the next import of their day (agent-and-time
 * links need the PBX mapping's agent table, which only the import has).
 */
export const linkCallToTelephonyAfterChange: CollectionAfterChangeHook = async ({
  doc,
  previousDoc,
  req,
}) => {
  const pbx = typeof doc?.telephonyCallId === 'string' ? doc.telephonyCallId.trim() : ''
  if (!pbx || (previousDoc?.telephonyCallId === doc.telephonyCallId && previousDoc?.id === doc.id)) return doc
  const found = await req.payload.find({
    collection: 'telephony-records',
    where: { pbxCallId: { equals: pbx } },
    limit: 1,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  const record = found.docs[0]
  if (!record) return doc
  const linked = record.call && typeof record.call === 'object' ? record.call.id : record.call
  if (linked !== null && linked !== undefined && linked !== doc.id) return doc
  if (linked !== doc.id)
    await req.payload.db.updateOne({
      collection: 'telephony-records',
      id: record.id,
      data: { call: doc.id, linkMethod: 'call-id' },
      req,
    })
  await syncCallerHashOf(req, doc.id)
  return doc
}
