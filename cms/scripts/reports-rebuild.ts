/**
 * `npm run reports:rebuild [-- --from 2026-04 --to 2027-03]`
 * Recomputes the report rollups (decision 0045) of those JST months from the records, in one
 * transaction; without --from/--to, or when the city profile's counting rules (hours, thresholds)
 * changed since the last rebuild, every month with records. Idempotent. Exit code 2 on wrong arguments.
 */
import { z } from 'zod'

import { rebuildRollups } from '../src/reports/rollups/rebuild'
import { parseValidCommandLine } from './lib/commandLine'
import { withCliPayload } from './lib/cliPayload'
import { runCli } from './lib/runCli'

const USAGE = 'usage: npm run reports:rebuild [-- --from YYYY-MM --to YYYY-MM]'
const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月は 2026-10 の形で指定してください')
const ArgsSchema = z
  .object({ from: Month.optional(), to: Month.optional() })
  .refine((a) => !a.from === !a.to, { message: '--from と --to は両方指定してください', path: ['to'] })
  .refine((a) => !a.from || !a.to || a.from <= a.to, { message: '--to が --from より前です', path: ['to'] })

async function main(): Promise<number> {
  const args = parseValidCommandLine(
    { options: { from: { type: 'string' }, to: { type: 'string' } } },
    ArgsSchema,
    USAGE,
  )
  if (!args) return 2
  return withCliPayload(async (payload) => {
    const started = performance.now()
    const { from, to } = args
    const r = await rebuildRollups(payload, from && to ? { from, to } : undefined)
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    if (!r.from) console.log('reports:rebuild: 記録がないため、集計するものはありません。')
    else
      console.log(
        `reports:rebuild: ${r.from} ～ ${r.to} を集計し直しました（${seconds} 秒）${r.all ? '。集計ルールが変わったか初回のため、記録のあるすべての月です' : ''}。`,
      )
    return 0
  })
}

runCli(main)
