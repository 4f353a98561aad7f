/**
 * `npm run report -- --period 2026-10|2026 --format xlsx|csv|pdf|json [--out <file>] [--encoding utf-8-bom|shift_jis]`
 * The monthly (2026-10) or fiscal-year (2026 = 令和8年度) report from the configured database, for
 * scheduled delivery. json without --out prints to standard output (Payload's log goes to standard
 * error). Exit code 0 on success, 2 on wrong arguments, 3 when the period has not begun or ends before the first record (said plainly). Static imports only (see seed.ts).
 */
import fs from 'node:fs'
import path from 'node:path'

import { z } from 'zod'

import { loadServedReport } from '../src/reports/frozen'
import { PeriodParamSchema, periodProblem, REPORT_FORMATS } from '../src/reports/period'
import { reportProposals } from '../src/reports/proposals'
import { renderReport } from '../src/reports/render'
import { withCliPayload } from './lib/cliPayload'
import { parseValidCommandLine } from './lib/commandLine'
import { runCli } from './lib/runCli'

const USAGE =
  'usage: npm run report -- --period 2026-10|2026 --format xlsx|csv|pdf|json [--out <file>] [--encoding utf-8-bom|shift_jis]'

const ArgsSchema = z
  .object({
    period: PeriodParamSchema,
    format: z.enum(REPORT_FORMATS, { message: `--format は ${REPORT_FORMATS.join(' / ')} のどれかです` }),
    out: z.string().min(1).optional(),
    encoding: z.enum(['utf-8-bom', 'shift_jis']).default('utf-8-bom'),
  })
  .refine((a) => a.out || a.format === 'json', { message: `--out が必要です（json 以外）`, path: ['out'] })

// Payload logs to standard output by default; keep it free for the JSON.
const writeOut = process.stdout.write.bind(process.stdout)
process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write

async function main(): Promise<number> {
  const args = parseValidCommandLine(
    {
      options: {
        period: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        encoding: { type: 'string' },
      },
    },
    ArgsSchema,
    USAGE,
  )
  if (!args) return 2
  const { period, format, out, encoding } = args
  return withCliPayload(async (payload) => {
    const problem = await periodProblem(payload, period)
    if (problem) {
      console.error(`report: ${problem}`)
      return 3
    }
    const started = performance.now()
    const data = await loadServedReport(payload, period)
    const { report } = data
    const loaded = performance.now()
    const rendered = await renderReport(data, format, {
      csvEncoding: encoding,
      generatedAt: new Date(),
      proposals: () => reportProposals(payload, period),
    })
    if (out) {
      // npm -w runs this in cms/: --out is relative to where the command was typed.
      const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), out)
      fs.mkdirSync(path.dirname(file), { recursive: true })
      fs.writeFileSync(file, rendered.body)
      console.error(
        `report: ${report.meta.period.labels.both} → ${file} (${rendered.body.length} bytes; ${report.meta.counts.calls} calls, ${report.offered ?? '–'} offered; ` +
          `read+KPIs ${((loaded - started) / 1000).toFixed(2)} s, render ${((performance.now() - loaded) / 1000).toFixed(2)} s)`,
      )
    } else writeOut(rendered.body)
    return 0
  })
}

runCli(main)
