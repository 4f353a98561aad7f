/**
 * `npm run purge -- --confirm <city code> [--keep-content] [--keep-user <email>] [--out <dir>] [--backups <dir>]…`
 * 契約終了時のデータ消去: deletes every personal and operational record (and the content unless
 * --keep-content), all users but one, Kotae's backup folders and the secret files, vacuums the
 * database and writes 消去証明書 (certificate.json and certificate.pdf). Stop Kotae first.
 * Exit code 0 on success (also when already purged), 1 when refused or failed, 2 on wrong
 * arguments. Does not start Payload (docs/decisions/0023-contract-end-purge.md).
 */
import path from 'node:path'

import { InvalidEnvironmentError } from '../src/env'
import { PurgeFailedError, PurgeRefusedError } from '../src/purge/errors'
import { purge } from '../src/purge/purge'

import { parseCommandLine } from './lib/commandLine'
import { runCli } from './lib/runCli'

const USAGE =
  'usage: npm run purge -- --confirm <全国地方公共団体コード> [--keep-content] [--keep-user <email>] [--out <dir>] [--backups <dir>]... [--data-dir <dir>]'

async function main(): Promise<number> {
  const args = parseCommandLine(
    {
      options: {
        confirm: { type: 'string' },
        'keep-content': { type: 'boolean', default: false },
        'keep-user': { type: 'string' },
        out: { type: 'string' },
        backups: { type: 'string', multiple: true },
        'data-dir': { type: 'string' },
      },
    },
    USAGE,
  )
  if (!args) return 2
  // npm -w runs this in cms/: paths are relative to where the command was typed.
  const here = (p: string) => path.resolve(process.env.INIT_CWD ?? process.cwd(), p)
  const v = args.values
  const r = await purge({
    confirm: v.confirm,
    keepContent: v['keep-content'],
    keepUser: v['keep-user'],
    out: v.out ? here(v.out) : undefined,
    backups: (v.backups ?? []).map(here),
    dataDir: v['data-dir'] ? here(v['data-dir']) : undefined,
  })
  const c = r.certificate
  const deleted = c.tables.reduce((s, t) => s + (t.before - t.after), 0)
  const emptied = c.tables.filter((t) => t.action === 'emptied').length
  if (c.run.alreadyPurged)
    console.log(`purge: ${c.database.kind} database was already purged: no rows to delete`)
  if (c.run.resumed) console.log(`purge: completed the interrupted purge started at ${c.startedAt}`)
  console.log(
    `purge: ${c.database.kind}, ${deleted} rows deleted (${emptied} tables emptied${c.options.keepContent ? ', content kept' : ''}), ${c.files.backupsDeleted.length} backup folders and ${c.files.secrets.filter((s) => s.result === 'deleted').length} secret files deleted, in ${r.seconds.toFixed(1)} s`,
  )
  for (const s of c.files.secrets.filter((s) => s.result === 'environment'))
    console.log(
      `purge: ${s.setting} is set in the environment: remove it from the deployment's configuration`,
    )
  if (r.keptUser)
    console.log(
      `purge: kept user ${r.keptUser.email}; new password (shown once, stored nowhere): ${r.keptUser.password}`,
    )
  else console.log('purge: no user kept (the database had no administrator)')
  console.log(`purge: certificate sha256 ${c.checksum.value} → ${r.files.join(', ')}`)
  return 0
}

runCli(main, [PurgeRefusedError, PurgeFailedError, InvalidEnvironmentError])
