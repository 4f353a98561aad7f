import fs from 'node:fs'

import type { PayloadRequest } from 'payload'

import { dbKind } from '../db/adapter'
import { readEnv, type Env } from '../env'
import { liveBuild, siteFolder } from '../publish/buildSite'
import { readSiteEnv } from '../publish/env'
import { operatorIndexInfo } from '../search/operatorIndex'

/**
 * What this app server reports about itself to administrators: GET /api/health's details and the
 * admin's 稼働状況 page (/admin/health) both come from `healthDetails`, so they never disagree.
 */

/** A database round trip slower than this is worth a look (a count of users takes a few ms). */
export const DATABASE_SLOW_MS = 500
/**
 * A publish is normally live within a minute (0014: 10 s quiet, at most 30 s, a 10–40 s build).
 * Published content newer than the live build, and older than this, means the rebuild did not come.
 */
export const SITE_BEHIND_AFTER_MS = 5 * 60_000

/** Why the state is 注意 (the page words each one). */
export type HealthAttention =
  | 'database-down'
  | 'database-slow'
  | 'index-not-built'
  | 'site-not-built'
  | 'site-behind'

export type HealthDetails = {
  status: 'ok' | 'down'
  /** 'attention' when any of `attention` holds. */
  state: 'ok' | 'attention'
  attention: HealthAttention[]
  checkedAt: string
  database: { kind: 'postgres' | 'sqlite'; ok: boolean; ms: number; error?: string }
  operatorIndex: {
    built: boolean
    builtAt: string | null
    changedAt: string | null
    documents: number | null
    ageSeconds: number | null
  }
  site: {
    enabled: boolean
    builtAt: string | null
    ageSeconds: number | null
    contentChangedAt: string | null
  }
}

const ageSeconds = (iso: string | null) =>
  iso === null ? null : Math.round((Date.now() - Date.parse(iso)) / 1000)

export async function databaseCheck(
  req: PayloadRequest,
): Promise<{ ok: boolean; ms: number; error?: string }> {
  const started = performance.now()
  try {
    await req.payload.count({ collection: 'users', overrideAccess: true })
    return { ok: true, ms: Math.round(performance.now() - started) }
  } catch (error) {
    return {
      ok: false,
      ms: Math.round(performance.now() - started),
      error: error instanceof Error ? error.name : 'unknown',
    }
  }
}

/** The public site's live build in this process's settings: when it was made, or null (none yet, or the site is off). */
function siteBuild(env: Env): { enabled: boolean; builtAt: string | null } {
  const site = readSiteEnv(env.PORT)
  if (site.KOTAE_SITE === 'off') return { enabled: false, builtAt: null }
  const live = liveBuild(siteFolder(site.KOTAE_SITE_DIR))
  return { enabled: true, builtAt: live ? fs.statSync(live).mtime.toISOString() : null }
}

/** When the content the site is built from last changed (published FAQs and guides, categories, sources, the two globals). */
async function siteContentChangedAt(req: PayloadRequest): Promise<string | null> {
  const newest = (collection: 'faqs' | 'guides' | 'categories' | 'sources', published: boolean) =>
    req.payload
      .find({
        collection,
        where: published ? { _status: { equals: 'published' } } : {},
        sort: '-updatedAt',
        limit: 1,
        depth: 0,
        pagination: false,
        overrideAccess: true,
        req,
      })
      .then((r) => (r.docs[0] as { updatedAt?: string } | undefined)?.updatedAt)
  const global = (slug: 'city-profile' | 'synonyms') =>
    req.payload
      .findGlobal({ slug, depth: 0, overrideAccess: true, req })
      .then((g) => (g as { updatedAt?: string }).updatedAt)
  const times = await Promise.all([
    newest('faqs', true),
    newest('guides', true),
    newest('categories', false),
    newest('sources', false),
    global('city-profile'),
    global('synonyms'),
  ])
  const ms = times.filter((t): t is string => Boolean(t)).map((t) => Date.parse(t))
  return ms.length ? new Date(Math.max(...ms)).toISOString() : null
}

/** The reasons for 注意, from the details alone. */
export function attentionOf(
  details: Omit<HealthDetails, 'state' | 'attention'>,
  now = Date.now(),
): HealthAttention[] {
  const { database, operatorIndex, site } = details
  const reasons: HealthAttention[] = []
  if (!database.ok) reasons.push('database-down')
  else if (database.ms >= DATABASE_SLOW_MS) reasons.push('database-slow')
  if (!operatorIndex.built) reasons.push('index-not-built')
  if (site.enabled && site.builtAt === null) reasons.push('site-not-built')
  if (site.enabled && site.builtAt !== null && site.contentChangedAt !== null) {
    const changed = Date.parse(site.contentChangedAt)
    if (changed > Date.parse(site.builtAt) && now - changed > SITE_BEHIND_AFTER_MS)
      reasons.push('site-behind')
  }
  return reasons
}

/** Everything an administrator is told about this app server, and its state. */
export async function healthDetails(req: PayloadRequest): Promise<HealthDetails> {
  const env = readEnv()
  const database = await databaseCheck(req)
  const index = await operatorIndexInfo(req.payload)
  const build = siteBuild(env)
  const contentChangedAt =
    build.enabled && database.ok ? await siteContentChangedAt(req).catch(() => null) : null
  const details = {
    status: database.ok ? ('ok' as const) : ('down' as const),
    checkedAt: new Date().toISOString(),
    database: { kind: dbKind(env), ...database },
    operatorIndex: { ...index, ageSeconds: ageSeconds(index.builtAt) },
    site: { ...build, ageSeconds: ageSeconds(build.builtAt), contentChangedAt },
  }
  const attention = attentionOf(details)
  return { ...details, state: attention.length ? 'attention' : 'ok', attention }
}
