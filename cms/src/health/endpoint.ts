import fs from 'node:fs'

import type { Endpoint, PayloadRequest } from 'payload'

import { hasRole } from '../access/roles'
import { dbKind } from '../db/adapter'
import { readEnv, type Env } from '../env'
import { liveBuild, siteFolder } from '../publish/buildSite'
import { readSiteEnv } from '../publish/env'
import { operatorIndexInfo } from '../search/operatorIndex'

const ageSeconds = (iso: string | null) => (iso === null ? null : Math.round((Date.now() - Date.parse(iso)) / 1000))

async function databaseCheck(req: PayloadRequest): Promise<{ ok: boolean; ms: number; error?: string }> {
  const started = performance.now()
  try {
    await req.payload.count({ collection: 'users', overrideAccess: true })
    return { ok: true, ms: Math.round(performance.now() - started) }
  } catch (error) {
    return { ok: false, ms: Math.round(performance.now() - started), error: error instanceof Error ? error.name : 'unknown' }
  }
}

/** The public site's live build in this process's settings: when it was made, or null (none yet, or the site is off). */
function siteBuild(env: Env): { enabled: boolean; builtAt: string | null } {
  const site = readSiteEnv(env.PORT)
  if (site.KOTAE_SITE === 'off') return { enabled: false, builtAt: null }
  const live = liveBuild(siteFolder(site.KOTAE_SITE_DIR))
  return { enabled: true, builtAt: live ? fs.statSync(live).mtime.toISOString() : null }
}

/**
 * GET /api/health — for the city's monitoring and load balancer: 200 `{status: "ok"}` when the
 * database answers, 503 `{status: "down"}` when it does not. Administrators also get the details:
 * database kind and latency, the operator index of this app server (built when, last changed when)
 * and the public site's live build and its age.
 */
export const healthEndpoint: Endpoint = {
  path: '/health',
  method: 'get',
  handler: async (req) => {
    const database = await databaseCheck(req)
    const status = database.ok ? 'ok' : 'down'
    const headers = { 'Cache-Control': 'no-store' }
    if (!hasRole(req.user, 'admin')) return Response.json({ status }, { status: database.ok ? 200 : 503, headers })
    const env = readEnv()
    const index = await operatorIndexInfo(req.payload)
    const site = siteBuild(env)
    return Response.json(
      {
        status,
        checkedAt: new Date().toISOString(),
        database: { kind: dbKind(env), ...database },
        operatorIndex: { ...index, ageSeconds: ageSeconds(index.builtAt) },
        site: { ...site, ageSeconds: ageSeconds(site.builtAt) },
      },
      { status: database.ok ? 200 : 503, headers },
    )
  },
}
