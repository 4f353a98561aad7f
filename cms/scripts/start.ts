/**
 * `npm start` (after scripts/build-if-stale.mjs): applies migrations, loads the curated content on
 * first run, then serves the admin and prints where to sign in. Works on the embedded SQLite file
 * with no setup; PostgreSQL via DATABASE_URL.
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { JST_TIME_ZONE } from '@kotae/analytics'
import { loadValidContent } from '@kotae/content'

import { localAdminUrl, readEnv } from '../src/env'
import { getMigratedPayload } from '../src/lib/payload'
import { readSiteEnv } from '../src/publish/env'
import { createSitePublisher } from '../src/publish/publisher'
import { warmUpLookup } from '../src/search/warmUpLookup'
import { rebuildRollupsIfRulesChanged } from '../src/reports/rollups/rebuild'
import { seedContent } from '../src/seed/seedContent'

const cmsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const repoRoot = path.resolve(cmsDir, '..')

/**
 * Static imports and no top-level await: under tsx on Node 20 a dynamic import() now and then
 * never settled, and Node ended with exit code 13 and no message.
 */
async function main(): Promise<void> {
  // Validated first, so a bad PORT or KOTAE_SERVER_URL stops the start with both named.
  const env = readEnv()
  const { PORT: port, KOTAE_HOST: host } = env
  const localUrl = localAdminUrl(env)
  const payload = await getMigratedPayload()
  const { totalDocs: faqCount } = await payload.count({ collection: 'faqs', overrideAccess: true })
  if (faqCount === 0) {
    console.log('kotae: first run, loading the curated content from content/ …')
    await seedContent(payload, await loadValidContent(), (line) => console.log(`kotae: seed: ${line}`))
    // The report rollups on from the first call, with the city profile's counting rules (decision 0045).
    await rebuildRollupsIfRulesChanged(payload)
  }
  const { totalDocs: userCount } = await payload.count({ collection: 'users', overrideAccess: true })
  await payload.destroy()

  // The public site beside the admin: served on its own port, rebuilt when the published content
  // changes — on SQLite when the app server's hooks touch the stamp file, on PostgreSQL once per
  // change across all app servers (docs/decisions/0014-site-publishing.md, 0030).
  const siteEnv = readSiteEnv(port)
  const site =
    siteEnv.KOTAE_SITE === 'on'
      ? await createSitePublisher({
          env: siteEnv,
          host,
          cmsUrl: localUrl,
          databaseUrl: env.DATABASE_URL,
          log: (line) => console.log(`kotae: ${line}`),
        })
      : undefined
  const serverEnv = site?.stampFile
    ? { ...process.env, KOTAE_SITE_REBUILD_STAMP: site.stampFile }
    : process.env

  // The server builds its lookup index when asked with this token, before we announce it.
  const warmupToken = randomBytes(32).toString('base64url')
  const server = spawn(
    process.execPath,
    ['--conditions=production', '--import', 'tsx', 'scripts/server.ts'],
    {
      cwd: cmsDir,
      stdio: ['ignore', 'pipe', 'inherit'],
      // TZ: the admin formats dates in Japan time whatever this machine's zone (also set in server.ts).
      env: { ...serverEnv, TZ: JST_TIME_ZONE, KOTAE_WARMUP_TOKEN: warmupToken, NEXT_TELEMETRY_DISABLED: '1' },
    },
  )
  let announced = false
  server.stdout.on('data', async (chunk: Buffer) => {
    process.stdout.write(chunk)
    if (!announced && /Ready|ready/.test(chunk.toString())) {
      announced = true
      await warmUpLookup(localUrl, warmupToken, (line) => console.log(`kotae: ${line}`))
      const url = `http://localhost:${port}/admin`
      console.log(
        `\nKotae is running on ${process.env.DATABASE_URL ? 'PostgreSQL' : `SQLite (${process.env.KOTAE_SQLITE_PATH || path.join(repoRoot, 'data', 'kotae.db')})`}.`,
      )
      console.log(`  Admin: ${url}`)
      if (host === '127.0.0.1' || host === '::1')
        console.log(
          `  Listening on ${host} only (this machine); set KOTAE_HOST=0.0.0.0 to serve other machines.`,
        )
      if (site) {
        console.log(
          `  Site:  ${site.url}${site.hasBuild() ? ' (rebuilding from the published content)' : ' (first build under way, about a minute)'}`,
        )
        void site.start()
      }
      console.log(
        userCount === 0
          ? '  Sign in: open the admin and create the first user there; that account becomes the system administrator (システム管理者).'
          : '  Sign in with your account. Administrators add users under 管理 → ユーザー.',
      )
    }
  })
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.on(signal, () => {
      void site?.stop()
      server.kill(signal)
    })
  server.on('exit', (code) => process.exit(code ?? 0))
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
