import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, GlobalAfterChangeHook } from 'payload'

import { invalidateOperatorIndex, refreshEntry } from './operatorIndex'

/** Keeps the operator index current: a published change is searchable within the request. */
export const reindexAfterChange =
  (collection: 'faqs' | 'guides'): CollectionAfterChangeHook =>
  async ({ doc, previousDoc, req }) => {
    await refreshEntry(req.payload, collection, doc.id, previousDoc?.slug, req)
    return doc
  }

export const reindexAfterDelete =
  (collection: 'faqs' | 'guides'): CollectionAfterDeleteHook =>
  async ({ doc, req }) => {
    await refreshEntry(req.payload, collection, doc.id, doc.slug, req)
    return doc
  }

export const rebuildAfterSynonymsChange: GlobalAfterChangeHook = ({ doc }) => {
  invalidateOperatorIndex()
  return doc
}
