import fs from 'node:fs'
import path from 'node:path'

import { REPO_ROOT } from '../env'
import { buildSite, liveBuild, liveContentVersion, siteFolder } from './buildSite'
import type { SiteEnv } from './env'
import { createRebuildScheduler } from './scheduler'
import { createSharedBuilds } from './sharedBuilds'
import { serveSiteFolder } from './siteServer'

export type SitePublisher = {
  /** The public site's URL. */
  url: string
  /**
   * SQLite: the file the app server's hooks touch to ask for a rebuild (pass it as
   * KOTAE_SITE_REBUILD_STAMP). PostgreSQL: undefined, the publisher watches the database instead.
   */
  stampFile: string | undefined
  /** Whether a build is already being served. */
  hasBuild: () => boolean
  /** Builds once now (at start), then follows the published content's changes. */
  start: () => Promise<void>
  stop: () => Promise<void>
}

/**
 * The public site beside the admin (run by `npm start`): serves the live build on its own port,
 * and rebuilds it from the CMS's published content when it changes (debounced, one build at a
 * time, swapped in atomically). See docs/decisions/0014-site-publishing.md.
 *
 * SQLite (one app server): the app server's hooks ask through the stamp file. PostgreSQL (any
 * number of app servers): every publisher watches the published content's version, and one build
 * per change runs across all of them under an advisory lock (sharedBuilds.ts, decision 0030).
 */
export async function createSitePublisher(options: {
  env: SiteEnv
  host: string
  cmsUrl: string
  databaseUrl?: string
  log: (line: string) => void
}): Promise<SitePublisher> {
  const { env, cmsUrl, log } = options
  const folder = siteFolder(env.KOTAE_SITE_DIR)
  fs.mkdirSync(folder.root, { recursive: true })
  const logError = (error: unknown) => log(`site: ${error instanceof Error ? error.message : String(error)}`)
  const shared = options.databaseUrl
    ? createSharedBuilds({
        databaseUrl: options.databaseUrl,
        liveVersion: () => liveContentVersion(folder),
        onError: logError,
      })
    : undefined
  const stampFile = shared ? undefined : path.join(folder.root, 'rebuild-requested')
  if (stampFile) fs.writeFileSync(stampFile, '')

  const build = (reasons: string[], contentVersion?: string) => {
    log(
      `site: rebuilding (${[...new Set(reasons)].slice(0, 5).join(', ')}${reasons.length > 5 ? ', …' : ''})`,
    )
    return buildSite({ siteDir: path.join(REPO_ROOT, 'site'), folder, cmsUrl, log, contentVersion }).then(
      () => undefined,
    )
  }
  const scheduler = createRebuildScheduler({
    quietMs: env.KOTAE_SITE_QUIET_MS,
    maxWaitMs: env.KOTAE_SITE_MAX_WAIT_MS,
    build: async (reasons) => {
      if (!shared) return build(reasons)
      // At start the site's own code may be new: build even when the content is already built.
      const outcome = await shared.build({
        force: reasons.includes('start'),
        run: (version) => build(reasons, version),
      })
      if (outcome === 'current')
        log('site: the live build already shows the published content (built by this or another app server)')
    },
    onError: logError,
  })
  const server = await serveSiteFolder({ folder, port: env.KOTAE_SITE_PORT, host: options.host, cmsUrl })

  let read = 0
  const onStamp = (now: fs.Stats, before: fs.Stats) => {
    if (now.mtimeMs === before.mtimeMs && now.size === before.size) return
    const text = fs.readFileSync(stampFile!, 'utf8')
    if (text.length < read) read = 0
    // Whole lines only: a line still being appended is read on the next poll.
    const end = text.lastIndexOf('\n') + 1
    for (const line of text.slice(read, end).split('\n'))
      if (line.trim()) scheduler.request(line.trim().split(' ').slice(1).join(' ') || 'change')
    read = Math.max(read, end)
  }

  return {
    url: server.url,
    stampFile,
    hasBuild: () => liveBuild(folder) !== undefined,
    async start() {
      // Polling the stamp's mtime (twice a second) works the same on every file system and
      // needs no port or secret between the two processes.
      if (stampFile) fs.watchFile(stampFile, { interval: 500 }, onStamp)
      shared?.watch(() => scheduler.request('published content changed'))
      await scheduler.now('start')
    },
    async stop() {
      if (stampFile) fs.unwatchFile(stampFile, onStamp)
      scheduler.stop()
      await shared?.stop()
      await server.close()
    },
  }
}
