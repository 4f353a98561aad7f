import fs from 'node:fs'

import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  GlobalAfterChangeHook,
  PayloadRequest,
} from 'payload'

/**
 * Set by `npm start` (scripts/start.ts) for the app server it runs: the file whose change asks the
 * site publisher (in the start process) for a rebuild. Unset in scripts and tests: no rebuilds.
 */
const STAMP_ENV = 'KOTAE_SITE_REBUILD_STAMP'

/** Asks for a site rebuild. The publisher debounces, so many changes make one build. */
function requestSiteRebuild(reason: string): void {
  const stamp = process.env[STAMP_ENV]
  if (!stamp) return
  try {
    // One line per request (appended, so requests close together are all logged).
    fs.appendFileSync(stamp, `${new Date().toISOString()} ${reason}\n`)
  } catch (error) {
    // A missed rebuild must not fail the editor's save; the next change or restart rebuilds.
    console.error(`kotae: could not request a site rebuild (${stamp}):`, error)
  }
}

/**
 * Whether this change can alter the public site. A draft save of a published entry leaves the
 * published document untouched (Payload writes only a version), so it needs no rebuild; every
 * other change (publish, unpublish, a published edit, or anything we cannot tell apart) does.
 */
async function touchesPublished(
  collection: 'faqs' | 'guides',
  doc: { id: number | string; _status?: string | null },
  req: PayloadRequest,
): Promise<boolean> {
  if (doc._status === 'published') return true
  const main = await req.payload.findByID({
    collection,
    id: doc.id,
    depth: 0,
    draft: false,
    overrideAccess: true,
    req,
    disableErrors: true,
  })
  return (main as { _status?: string } | null)?._status !== 'published'
}

/** FAQs and guides: after a publish, unpublish or published edit. */
export const rebuildSiteAfterChange =
  (collection: 'faqs' | 'guides'): CollectionAfterChangeHook =>
  async ({ doc, req }) => {
    if (process.env[STAMP_ENV] && (await touchesPublished(collection, doc, req)))
      requestSiteRebuild(`${collection} ${doc.slug ?? doc.id}`)
    return doc
  }

/** Categories and sources (no drafts): every change. */
export const rebuildSiteAfterAnyChange =
  (collection: string): CollectionAfterChangeHook =>
  ({ doc }) => {
    requestSiteRebuild(`${collection} ${doc.slug ?? doc.id}`)
    return doc
  }

export const rebuildSiteAfterDelete =
  (collection: string): CollectionAfterDeleteHook =>
  ({ doc }) => {
    requestSiteRebuild(`${collection} ${doc.slug ?? doc.id} deleted`)
    return doc
  }

/** The city profile (hours, phones, notices) and the synonyms. */
export const rebuildSiteAfterGlobalChange: GlobalAfterChangeHook = ({ doc, global }) => {
  requestSiteRebuild(global.slug)
  return doc
}
