/**
 * `npm run import:telephony -- --mapping <mapping.json> <calls.csv>`: imports a PBX call-detail CSV
 * into telephony-records on the configured database. The whole file is validated first; any bad
 * row fails the import with every problem listed and nothing written. Re-importing a file changes
 * nothing. Exit code 0 on success, 1 on a bad file or mapping, 2 on wrong arguments.
 * Static imports only (see seed.ts).
 */
import fs from 'node:fs'
import path from 'node:path'

import { callerSalt } from '../src/collections/TelephonyRecords/callerSalt'
import { importTelephony } from '../src/collections/TelephonyRecords/importTelephony'
import { getMigratedPayload } from '../src/lib/payload'
import { parseCommandLine } from './lib/commandLine'
import { runCli } from './lib/runCli'

const USAGE = 'usage: npm run import:telephony -- --mapping <mapping.json> <calls.csv>'

async function main(): Promise<number> {
  const args = parseCommandLine(
    {
      options: { mapping: { type: 'string' }, tolerance: { type: 'string' } },
      allowPositionals: true,
    },
    USAGE,
  )
  if (!args) return 2
  const csv = args.positionals[0]
  if (!args.values.mapping || !csv || args.positionals.length !== 1) {
    console.error(USAGE)
    return 2
  }
  // npm -w runs this in cms/: paths are relative to where the user typed the command.
  const base = process.env.INIT_CWD ?? process.cwd()
  const mappingFile = path.resolve(base, args.values.mapping)
  const csvFile = path.resolve(base, csv)
  for (const f of [mappingFile, csvFile]) {
    if (!fs.existsSync(f)) {
      console.error(`ファイルがありません: ${f}`)
      return 2
    }
  }
  const tolerance = args.values.tolerance === undefined ? undefined : Number(args.values.tolerance)
  if (tolerance !== undefined && !(tolerance >= 0 && tolerance <= 3600)) {
    console.error('--tolerance は 0～3600 の秒数です')
    return 2
  }
  const payload = await getMigratedPayload()
  try {
    const started = Date.now()
    const r = await importTelephony(payload, {
      mapping: fs.readFileSync(mappingFile, 'utf8'),
      open: () => fs.createReadStream(csvFile),
      source: path.basename(csvFile),
      salt: callerSalt(),
      toleranceSeconds: tolerance,
    })
    if (!r.ok) {
      for (const e of r.errors) {
        const where = [e.row === null ? null : `${e.row}行目`, e.column ? `列「${e.column}」` : null]
          .filter(Boolean)
          .join(' ')
        console.error(
          `${where ? `${where}: ` : ''}${e.message}${e.value !== undefined && e.value !== '' ? `（値: ${e.value}）` : ''} [${e.code}]`,
        )
      }
      console.error(
        `取り込みを中止しました: ${r.errorCount} 件の問題（データ ${r.rows} 行、文字コード ${r.encoding ?? '不明'}）。1 件も登録していません。`,
      )
      return 1
    }
    console.log(
      `取り込みました: ${r.rows} 行（文字コード ${r.encoding}）— 新規 ${r.inserted}、更新 ${r.updated}、変更なし ${r.unchanged}。` +
        `問い合わせ記録との照合: 通話ID ${r.links.byCallId}、担当者と時刻 ${r.links.byAgentTime}、未照合 ${r.links.unlinked}（${((Date.now() - started) / 1000).toFixed(1)} 秒）`,
    )
    return 0
  } finally {
    await payload.destroy()
  }
}

runCli(main)
