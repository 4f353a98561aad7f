/**
 * `npm run export:calls -- --from 2026-10-01 --to 2026-10-31 --format csv|xlsx [--encoding utf8|shift_jis] [--out file]`
 * The inquiry log (対応履歴) of those JST days, for the city (docs/calls-export.md): masked text
 * only, no call-back contact. Written to a temporary file beside --out and renamed when complete,
 * so a failed run leaves no half file. The run is written to the 操作履歴 as `system`.
 * Exit code 0 on success, 1 when the range holds no call or the run fails, 2 on wrong arguments.
 * Static imports only and no top-level await (see scripts/seed.ts).
 */
import fs from 'node:fs'
import path from 'node:path'

import { z } from 'zod'

import { callsExportFileName, callsExportOptionsSchema } from '../src/callsExport/options'
import { countCalls, readCallPages } from '../src/callsExport/read'
import { CALLS_EXPORT_STRINGS as S } from '../src/callsExport/strings'
import { writeCallsExport } from '../src/callsExport/write'
import { sqlOf } from '../src/db/sql'
import { auditExport } from '../src/hooks/audit'
import { withCliPayload } from './lib/cliPayload'
import { parseValidCommandLine } from './lib/commandLine'
import { runCli } from './lib/runCli'

const USAGE =
  'usage: npm run export:calls -- --from YYYY-MM-DD --to YYYY-MM-DD --format csv|xlsx [--encoding utf8|shift_jis] [--out file]'

// The admin download's options, and where to write.
const ArgsSchema = callsExportOptionsSchema.and(z.object({ out: z.string().min(1).optional() }))

async function main(): Promise<number> {
  const args = parseValidCommandLine(
    {
      options: {
        from: { type: 'string' },
        to: { type: 'string' },
        format: { type: 'string' },
        encoding: { type: 'string' },
        out: { type: 'string' },
      },
    },
    ArgsSchema,
    USAGE,
  )
  if (!args) return 2
  const { out, ...options } = args
  const { range, format, encoding } = options
  // npm -w runs this in cms/: --out is relative to where the command was typed.
  const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), out ?? callsExportFileName(options))
  return withCliPayload(async (payload) => {
    const partial = `${file}.partial`
    try {
      const sql = sqlOf(payload)
      const started = performance.now()
      const total = await countCalls(sql, range)
      if (total === 0) {
        console.error(`export:calls: ${S.empty(range.from, range.to)}ファイルは作りませんでした。`)
        return 1
      }
      fs.mkdirSync(path.dirname(file), { recursive: true })
      const result = await writeCallsExport(
        readCallPages(sql, range),
        format,
        encoding,
        fs.createWriteStream(partial),
      )
      fs.renameSync(partial, file)
      await auditExport(payload, null, {
        collectionSlug: 'calls',
        docId: `${range.from}..${range.to}`,
        title: S.auditTitle(range.from, range.to, format, result.rows),
      })
      const seconds = ((performance.now() - started) / 1000).toFixed(1)
      const enc = format === 'csv' ? (encoding === 'utf8' ? ', UTF-8 with BOM' : ', Shift_JIS (cp932)') : ''
      console.log(
        `export:calls: ${result.rows} calls ${range.from}..${range.to} → ${file} (${format}${enc}; ${fs.statSync(file).size} bytes; ${seconds} s)`,
      )
      if (result.replacedCells > 0)
        console.error(
          `export:calls: 注意: ${result.replacedCells} 個のセルで Shift_JIS にない文字を 〓 にしました`,
        )
      return 0
    } finally {
      fs.rmSync(partial, { force: true })
    }
  })
}

runCli(main)
