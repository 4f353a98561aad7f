/**
 * `npm run reports:freeze -- --month 2026-10 [--again | --unfreeze]`
 * Freezes a closed JST month's report: stores it as counted now, and serves that from then on in
 * every format, marked 確定 (decision 0051). `--again` stores it anew from the records (after a
 * correction), `--unfreeze` serves it counted from the records again. Exit code 2 on wrong
 * arguments, 3 when the month cannot be frozen (not closed, no records, frozen already).
 */
import { z } from 'zod'

import { freezeMonth, unfreezeMonth } from '../src/reports/frozen'
import { parseValidCommandLine } from './lib/commandLine'
import { withCliPayload } from './lib/cliPayload'
import { runCli } from './lib/runCli'

const USAGE = 'usage: npm run reports:freeze -- --month YYYY-MM [--again | --unfreeze]'
const ArgsSchema = z
  .object({
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月は 2026-10 の形で指定してください'),
    again: z.boolean().default(false),
    unfreeze: z.boolean().default(false),
  })
  .refine((a) => !(a.again && a.unfreeze), {
    message: '--again と --unfreeze は同時に指定できません',
    path: ['again'],
  })

async function main(): Promise<number> {
  const args = parseValidCommandLine(
    {
      options: { month: { type: 'string' }, again: { type: 'boolean' }, unfreeze: { type: 'boolean' } },
    },
    ArgsSchema,
    USAGE,
  )
  if (!args) return 2
  const [year, month] = args.month.split('-').map(Number) as [number, number]
  const period = { kind: 'month', year, month } as const
  return withCliPayload(async (payload) => {
    if (args.unfreeze) {
      const was = await unfreezeMonth(payload, period)
      console.log(
        `reports:freeze: ${args.month} ${was ? 'の確定を解除しました。以後は記録から集計します' : 'は確定されていません'}。`,
      )
      return 0
    }
    try {
      const { at } = await freezeMonth(payload, period, args.again)
      console.log(
        `reports:freeze: ${args.month} のレポートを確定しました（${at}）。以後はこの内容を出力します。`,
      )
      return 0
    } catch (e) {
      console.error(`reports:freeze: ${(e as Error).message}`)
      return 3
    }
  })
}

runCli(main)
