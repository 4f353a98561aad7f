/**
 * `npm run reports:rebuild [-- --from 2026-04 --to 2027-03]`
 * Recomputes the report rollups (decision 0045) of those JST months from the records, in one
 * transaction; without --from/--to, or when the city profile's counting rules (hours, thresholds)
 * changed since the last rebuild, every month with records. Idempotent. Exit code 2 on wrong arguments.
 */
import { parseArgs } from 'node:util'

import { getPayload } from 'payload'
import { z } from 'zod'

import { migrateDatabase } from '../src/db/migrate'
import { cliLogger } from '../src/logging/logger'
import config from '../src/payload.config'
import { rebuildRollups } from '../src/reports/rollups/rebuild'
import { runCli } from './lib/runCli'

const USAGE = 'usage: npm run reports:rebuild [-- --from YYYY-MM --to YYYY-MM]'
const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月は 2026-10 の形で指定してください')
const ArgsSchema = z
  .object({ from: Month.optional(), to: Month.optional() })
  .refine((a) => !a.from === !a.to, { message: '--from と --to は両方指定してください', path: ['to'] })
  .refine((a) => !a.from || !a.to || a.from <= a.to, { message: '--to が --from より前です', path: ['to'] })

async function main(): Promise<number> {
  let raw: Record<string, unknown>
  try {
    raw = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' } } }).values
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`)
    return 2
  }
  const args = ArgsSchema.safeParse(raw)
  if (!args.success) {
    for (const i of args.error.issues) console.error(`--${i.path.join('.')}: ${i.message}`)
    console.error(USAGE)
    return 2
  }
  const payload = await getPayload({
    config: {
      ...(await config),
      logger: cliLogger(),
    },
  })
  await migrateDatabase(payload)
  try {
    const started = performance.now()
    const { from, to } = args.data
    const r = await rebuildRollups(payload, from && to ? { from, to } : undefined)
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    if (!r.from) console.log('reports:rebuild: 記録がないため、集計するものはありません。')
    else
      console.log(
        `reports:rebuild: ${r.from} ～ ${r.to} を集計し直しました（${seconds} 秒）${r.all ? '。集計ルールが変わったか初回のため、記録のあるすべての月です' : ''}。`,
      )
    return 0
  } finally {
    await payload.destroy()
  }
}

runCli(main)
