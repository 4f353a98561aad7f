import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, GlobalAfterChangeHook } from 'payload'

import { announceEntryChange, announceRebuild, announcesChanges } from './indexSync'
import { applyEntryState, hasOperatorIndex, invalidateOperatorIndex, readEntryState } from './operatorIndex'

/**
 * Keeps the operator index current: a published change is searchable within the request on this
 * app server, and announced to the others (indexSync.ts). The read sees this transaction's write;
 * a draft save leaves the published version, and so the index, as it was.
 */
const reindex = async (
  req: Parameters<CollectionAfterChangeHook>[0]['req'],
  collection: 'faqs' | 'guides',
  id: number | string,
  previousSlug: string | null | undefined,
) => {
  // A seed or CSV import on SQLite: no index here and nobody to tell, so no read either.
  if (!hasOperatorIndex(req.payload) && !announcesChanges()) return
  const state = await readEntryState(req.payload, collection, id, req)
  await applyEntryState(req.payload, collection, state, previousSlug)
  await announceEntryChange(req.payload, collection, id, previousSlug, state)
}

export const reindexAfterChange =
  (collection: 'faqs' | 'guides'): CollectionAfterChangeHook =>
  async ({ doc, previousDoc, req }) => {
    await reindex(req, collection, doc.id, previousDoc?.slug)
    return doc
  }

export const reindexAfterDelete =
  (collection: 'faqs' | 'guides'): CollectionAfterDeleteHook =>
  async ({ doc, req }) => {
    await reindex(req, collection, doc.id, doc.slug)
    return doc
  }

export const rebuildAfterSynonymsChange: GlobalAfterChangeHook = async ({ doc, req }) => {
  invalidateOperatorIndex()
  await announceRebuild(req.payload)
  return doc
}
