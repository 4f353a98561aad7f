/**
 * `npm run sources:check`: the official-source watch the server runs every morning
 * (docs/decisions/0038), now. Needs KOTAE_SOURCE_WATCH=on (the one command that fetches pages from
 * other sites); prints one line per source that changed or failed and the counts. `--only 3,7`
 * checks those sources only; `--allow-private-network` lets it read pages on this machine or the
 * city's own network (a staging site; the e2e test), which the daily job never does. Exit code 0
 * when the run completed (failed sources are reported, not fatal), 1 when refused, 2 on wrong
 * arguments.
 */

import { InvalidEnvironmentError, readEnv } from '../src/env'
import { checkSources, countBy } from '../src/sourceWatch/run'
import { deploymentSettings, sourceWatchOn } from '../src/sourceWatch/settings'

import { parseCommandLine } from './lib/commandLine'
import { withCliPayload } from './lib/cliPayload'
import { runCli } from './lib/runCli'

const USAGE =
  'usage: KOTAE_SOURCE_WATCH=on npm run sources:check [-- --only <source id,…>] [--allow-private-network]'

async function main(): Promise<number> {
  const args = parseCommandLine(
    {
      options: { only: { type: 'string' }, 'allow-private-network': { type: 'boolean', default: false } },
    },
    USAGE,
  )
  if (!args) return 2
  const only = args.values.only?.split(',').map((id) => id.trim())
  if (only && (only.length === 0 || only.some((id) => !/^\d+$/u.test(id)))) {
    console.error(
      `--only: source ids separated by commas, e.g. --only 3,7; got ${args.values.only}\n${USAGE}`,
    )
    return 2
  }
  const env = readEnv()
  if (!sourceWatchOn()) {
    console.error(
      `sources:check: the source watch is off (KOTAE_SOURCE_WATCH=off, the default), so no page is fetched.\n${USAGE}`,
    )
    return 1
  }
  return withCliPayload(async (payload) => {
    const deployment = await deploymentSettings(payload, env.KOTAE_SERVER_URL)
    const settings = {
      ...deployment,
      limits: { ...deployment.limits, allowPrivateNetwork: args.values['allow-private-network'] },
    }
    console.log(`sources:check as ${settings.limits.userAgent}`)
    const report = await checkSources(payload, settings, undefined, only)
    for (const o of report.outcomes) {
      if (o.outcome === 'changed')
        console.log(
          `  changed  source ${o.source} ${o.url}: ${o.passages} passage(s); flagged ${o.faqs.length} FAQ(s), ${o.guides.length} guide(s)`,
        )
      if (o.outcome === 'failed')
        console.log(`  failed   source ${o.source} ${o.url}: ${o.reason} (${o.detail})`)
    }
    const c = countBy(report.outcomes)
    console.log(
      `sources:check: ${report.outcomes.length} sources on ${report.hosts} hosts in ${report.seconds.toFixed(1)} s: ${c.unchanged} unchanged, ${c.changed} changed, ${c.first} checked for the first time, ${c.failed} failed`,
    )
    return 0
  })
}

runCli(main, [InvalidEnvironmentError])
