import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Role } from '../src/access/roles'
import type { TestUser } from './helpers'
import { freshDatabaseEnv, queryDatabase } from './setup/freshDatabase'
import { runScript as runCmsScript } from './setup/runScript'

const SALT = 'backup-test-caller-salt-0123456789'
const SUMMARY = 'バックアップ試験: 電子証明書の更新手続きの案内'

let payload: Payload
let users: Record<Role, TestUser>
let tmp: string
let backupDir: string
const pgKind = () => Boolean(process.env.DATABASE_URL)

/** Runs scripts/backup.ts or restore.ts as `npm run backup` does; the caller salt from the environment (nothing under data/ touched). */
const runScript = (script: 'backup' | 'restore', args: string[], env: Record<string, string> = {}) =>
  runCmsScript(script, args, { KOTAE_CALLER_SALT: SALT, ...env })

async function countsOf(env: Record<string, string>): Promise<Record<string, number>> {
  const { postgresTableCounts } = await import('../src/backup/postgres')
  const { sqliteTableCounts } = await import('../src/backup/sqlite')
  return env.DATABASE_URL ? postgresTableCounts(env.DATABASE_URL) : sqliteTableCounts(env.KOTAE_SQLITE_PATH!)
}

/** The target is as freshDatabaseEnv made it: no SQLite file, or no tables. */
async function expectUntouched(env: Record<string, string>): Promise<void> {
  if (env.DATABASE_URL) expect(await countsOf(env)).toEqual({})
  else expect(fs.existsSync(env.KOTAE_SQLITE_PATH!)).toBe(false)
}

const ownEnv = (): Record<string, string> =>
  pgKind()
    ? { DATABASE_URL: process.env.DATABASE_URL! }
    : { KOTAE_SQLITE_PATH: process.env.KOTAE_SQLITE_PATH! }
const modeOf = (p: string) => fs.statSync(p).mode & 0o777
const readManifest = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'))
const copyBackup = (name: string) => {
  const dir = path.join(tmp, name)
  fs.cpSync(backupDir, dir, { recursive: true })
  return dir
}

let callNo = 0
const addCall = (summary = `通話 ${++callNo}`, talkStartedAt = '2026-10-01T00:00:00.000Z') =>
  payload.create({
    collection: 'calls',
    data: {
      channel: 'direct',
      callerType: 'self',
      outcome: 'resolved',
      summary,
      operator: users.operator.id,
      talkStartedAt,
      talkEndedAt: new Date(Date.parse(talkStartedAt) + 5 * 60_000).toISOString(),
    } as never,
  })

beforeAll(async () => {
  const helpers = await import('./helpers')
  payload = await helpers.startPayload()
  users = await helpers.createRoleUsers(payload)
  const refs = await helpers.createReferences(payload)
  await payload.create({ collection: 'faqs', data: helpers.faqData(refs) as never })
  await addCall(SUMMARY)
  for (let i = 0; i < 4; i++) await addCall()
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-backup-test-'))
  backupDir = path.join(tmp, 'nightly', 'b1')
})
afterAll(async () => {
  await payload?.destroy()
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true })
})

describe('npm run backup / npm run restore', () => {
  it('backs up (0700 folder, 0600 files, manifest) and restores into an empty database with the same rows in every table', async () => {
    const before = await countsOf(ownEnv())
    const b = await runScript('backup', ['--out', backupDir])
    expect(b.err).toBe('')
    expect(b.code).toBe(0)
    expect(b.out).toMatch(
      new RegExp(
        `^backup: ${pgKind() ? 'postgres' : 'sqlite'}, \\d+ tables, \\d+ rows, 1 files, .* → ${backupDir}\\n$`,
      ),
    )
    expect(modeOf(backupDir)).toBe(0o700)
    const dbFile = pgKind() ? 'kotae.pgdump' : 'kotae.db'
    expect(fs.readdirSync(backupDir).sort()).toEqual([dbFile, 'manifest.json'].sort())
    for (const f of fs.readdirSync(backupDir))
      expect([f, modeOf(path.join(backupDir, f))]).toEqual([f, 0o600])

    const { ManifestSchema } = await import('../src/backup/manifest')
    const manifest = ManifestSchema.parse(readManifest(backupDir))
    expect(manifest).toMatchObject({
      database: { kind: pgKind() ? 'postgres' : 'sqlite', file: dbFile },
      secrets: { payloadSecret: { source: 'environment' }, callerSalt: { source: 'environment' } },
    })
    expect(manifest.files[0]).toMatchObject({
      name: dbFile,
      size: fs.statSync(path.join(backupDir, dbFile)).size,
    })
    expect(manifest.tables).toEqual(before)
    expect(manifest.tables.calls).toBe(5)
    // The run of the monthly reports: 2026-10-01 00:00 UTC is October in JST, the only month with calls.
    expect(manifest.version).toBe(2)
    expect(manifest.reports).toEqual([
      expect.objectContaining({ period: '2026-10', calls: 5, telephony: 0, escalations: 0, offered: null }),
    ])
    expect(Object.keys(manifest.reports![0]!.parts)).toEqual(
      expect.arrayContaining([
        'offered',
        'firstContactResolutionRate',
        'byTopic',
        'faqUsage',
        'escalations',
        'labels',
        'trend',
        'counts',
      ]),
    )

    const target = await freshDatabaseEnv()
    const r = await runScript('restore', [backupDir], target)
    expect(r.err).toBe('')
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/^calls\s+5\s+5$/m)
    expect(r.out).toMatch(/^monthly report 2026-10 {2}equal$/m)
    expect(r.out).toMatch(
      /restore: \d+ tables, \d+ rows, counts equal the manifest of .*, 1 monthly reports equal the backup's/,
    )
    expect(await countsOf(target)).toEqual(before)
    expect(await queryDatabase(target, `SELECT summary FROM calls WHERE summary = '${SUMMARY}'`)).toEqual([
      { summary: SUMMARY },
    ])
    expect(await queryDatabase(target, 'SELECT question FROM faqs')).toEqual([
      { question: '電子証明書の有効期限はいつまでですか？' },
    ])
    if (!pgKind()) expect(modeOf(target.KOTAE_SQLITE_PATH!)).toBe(0o600)
  })

  it('a backup taken while calls are being written restores to exactly the manifest’s counts', async () => {
    const before = (await countsOf(ownEnv())).calls!
    let running = true
    let written = 0
    const writer = (async () => {
      while (running) {
        await addCall()
        written++
        // SQLite's client resolves without going back to the event loop: let the child's exit in.
        await new Promise((resolve) => setImmediate(resolve))
      }
    })()
    const dir = path.join(tmp, 'during-writes')
    const b = await runScript('backup', ['--out', dir])
    running = false
    await writer
    expect(b.code).toBe(0)
    const after = (await countsOf(ownEnv())).calls!
    expect(written).toBeGreaterThan(0)
    const manifest = readManifest(dir)
    // Calls were written before the snapshot (while the child started) and go on after it.
    expect(manifest.tables.calls).toBeGreaterThan(before)
    expect(manifest.tables.calls).toBeLessThanOrEqual(after)

    const target = await freshDatabaseEnv()
    const r = await runScript('restore', [dir], target)
    expect(r.err).toBe('')
    expect(r.code).toBe(0)
    expect(await countsOf(target)).toEqual(manifest.tables)
  })

  it('a backup while calls are saved at about 10 a second records the monthly reports of its own snapshot, and the restore computes the same', async () => {
    // Calls keep arriving for two months (October and November, JST), one every 100 ms.
    let running = true
    let written = 0
    const writing = Date.now()
    const writer = (async () => {
      while (running) {
        const started = Date.now()
        await addCall(undefined, written % 2 ? '2026-11-15T01:00:00.000Z' : '2026-10-20T01:00:00.000Z')
        written++
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, 100 - (Date.now() - started))))
      }
    })()
    await new Promise((resolve) => setTimeout(resolve, 500))
    const dir = path.join(tmp, 'reports-during-calls')
    const started = Date.now()
    const writtenBefore = written
    const b = await runScript('backup', ['--out', dir])
    const seconds = (Date.now() - started) / 1000
    const writtenDuring = written - writtenBefore
    await new Promise((resolve) => setTimeout(resolve, 500))
    running = false
    await writer
    expect(b.err).toBe('')
    expect(b.code).toBe(0)
    expect(b.out).toContain('monthly reports 2026-10…2026-11 (2)')
    expect(writtenDuring).toBeGreaterThan(0)
    console.log(
      `backup with its report run: ${seconds.toFixed(1)} s (CLI wall time), ${writtenDuring} calls saved meanwhile, ${(written / ((Date.now() - writing) / 1000)).toFixed(1)} calls/s`,
    )

    const manifest = readManifest(dir)
    const reports = manifest.reports as { period: string; calls: number }[]
    expect(reports.map((r) => r.period)).toEqual(['2026-10', '2026-11'])
    // Every call lies in those two months: the reports count exactly the snapshot's calls, not the
    // live table's, which went on growing.
    expect(reports[0]!.calls + reports[1]!.calls).toBe(manifest.tables.calls)
    expect((await countsOf(ownEnv())).calls!).toBeGreaterThan(manifest.tables.calls)

    const target = await freshDatabaseEnv()
    const r = await runScript('restore', [dir], target)
    expect(r.err).toBe('')
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/^monthly report 2026-10 {2}equal$/m)
    expect(r.out).toMatch(/^monthly report 2026-11 {2}equal$/m)
    expect(r.out).toContain("2 monthly reports equal the backup's")
  })

  it('a restored month whose report differs from the backup’s run is named with what differs and exits 1; a backup without a run is restored uncompared', async () => {
    const dir = copyBackup('other-report')
    const manifest = readManifest(dir)
    const october = manifest.reports[0]
    const altered = {
      ...october,
      calls: october.calls + 1,
      parts: { ...october.parts, byTopic: '0123456789abcdef' },
    }
    fs.writeFileSync(
      path.join(dir, 'manifest.json'),
      JSON.stringify({ ...manifest, reports: [altered, { ...october, period: '2026-09' }] }),
    )
    const r = await runScript('restore', [dir], await freshDatabaseEnv())
    expect(r.code).toBe(1)
    expect(r.out).toMatch(/^monthly report 2026-10 {2}MISMATCH$/m)
    expect(r.err).toContain(
      `restore: the monthly report 2026-10 differs from the backup's (reports in manifest.json): calls ${october.calls + 1} → ${october.calls}, byTopic`,
    )
    expect(r.err).toContain(
      "restore: the monthly report 2026-09 differs from the backup's (reports in manifest.json): missing after restore",
    )

    const old = copyBackup('version-1')
    const { reports: _reports, ...v1 } = readManifest(old)
    fs.writeFileSync(path.join(old, 'manifest.json'), JSON.stringify({ ...v1, version: 1 }))
    const restored = await runScript('restore', [old], await freshDatabaseEnv())
    expect(restored.err).toBe('')
    expect(restored.code).toBe(0)
    expect(restored.out).toContain(
      'monthly reports: this backup has no report run (made by an earlier Kotae): not compared',
    )
    // A version 2 manifest without the run is not a valid one.
    fs.writeFileSync(path.join(old, 'manifest.json'), JSON.stringify({ ...v1, version: 2 }))
    const refused = await runScript('restore', [old], await freshDatabaseEnv())
    expect(refused.code).toBe(1)
    expect(refused.err).toMatch(/- reports: a version 2 manifest has a report run/)
  })

  it('a tampered, truncated or malformed backup is refused before the target is touched', async () => {
    const dbFile = pgKind() ? 'kotae.pgdump' : 'kotae.db'
    const tampered = copyBackup('tampered')
    const bytes = fs.readFileSync(path.join(tampered, dbFile))
    const at = Math.floor(bytes.length / 2)
    bytes[at] = bytes[at]! ^ 0x01
    fs.writeFileSync(path.join(tampered, dbFile), bytes)
    const truncated = copyBackup('truncated')
    fs.truncateSync(path.join(truncated, dbFile), fs.statSync(path.join(truncated, dbFile)).size - 1024)
    const malformed = copyBackup('malformed')
    fs.writeFileSync(
      path.join(malformed, 'manifest.json'),
      JSON.stringify({ ...readManifest(malformed), version: 99, createdAt: 'yesterday' }),
    )
    const unfinished = copyBackup('unfinished')
    fs.rmSync(path.join(unfinished, 'manifest.json'))

    const target = await freshDatabaseEnv()
    const cases: [string, RegExp][] = [
      [
        tampered,
        new RegExp(
          `${path.join(tampered, dbFile)} has sha256 [0-9a-f]{64}, but manifest.json says [0-9a-f]{64}`,
        ),
      ],
      [
        truncated,
        new RegExp(
          `${path.join(truncated, dbFile)} is \\d+ bytes, but manifest.json says \\d+: the backup is truncated`,
        ),
      ],
      [malformed, /manifest\.json is not a valid backup manifest:\n {2}- version: .*\n {2}- createdAt: /],
      [unfinished, /manifest\.json is missing/],
    ]
    for (const [dir, message] of cases) {
      const r = await runScript('restore', [dir], target)
      expect([dir, r.code]).toEqual([dir, 1])
      expect(r.err).toMatch(message)
      await expectUntouched(target)
    }
  })

  it('a restored table whose rows differ from the manifest is printed and exits 1', async () => {
    const dir = copyBackup('miscounted')
    const manifest = readManifest(dir)
    fs.writeFileSync(
      path.join(dir, 'manifest.json'),
      JSON.stringify({ ...manifest, tables: { ...manifest.tables, calls: manifest.tables.calls + 1 } }),
    )
    const target = await freshDatabaseEnv()
    const r = await runScript('restore', [dir], target)
    expect(r.code).toBe(1)
    expect(r.out).toMatch(
      new RegExp(`^calls\\s+${manifest.tables.calls + 1}\\s+${manifest.tables.calls}  MISMATCH$`, 'm'),
    )
    expect(r.err).toMatch(/restore: 1 tables differ from the manifest \(calls\) in /)
  })

  it('refuses a target that is not empty, an --out folder that is not empty, and wrong arguments', async () => {
    const own = await runScript('restore', [backupDir])
    expect(own.code).toBe(1)
    const name = pgKind()
      ? new URL(process.env.DATABASE_URL!).pathname.slice(1)
      : process.env.KOTAE_SQLITE_PATH!
    expect(own.err).toContain(name)
    expect(own.err).toMatch(/Restore refused: the (SQLite|PostgreSQL) database .* already has \d+ tables/)

    // A backup of the other kind of database: refused, naming the manifest's field (checked before connecting).
    const otherKind: Record<string, string> = pgKind()
      ? { DATABASE_URL: '', KOTAE_SQLITE_PATH: path.join(tmp, 'other-kind.db') }
      : { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' }
    const kind = await runScript('restore', [backupDir], otherKind)
    expect(kind.code).toBe(1)
    expect(kind.err).toMatch(
      /the backup is of a (sqlite|postgres) database \(database\.kind in manifest\.json\), but this installation is configured for (postgres|sqlite)/,
    )

    const full = await runScript('backup', ['--out', backupDir])
    expect(full.code).toBe(1)
    expect(full.err).toContain(`--out ${backupDir} exists and is not empty`)
    expect(readManifest(backupDir).format).toBe('kotae-backup')

    expect((await runScript('backup', [])).code).toBe(2)
    expect((await runScript('restore', [])).code).toBe(2)
  })

  it('copies secret files from data/ into the backup and restores them only where the target has none', async () => {
    const { backup } = await import('../src/backup/backup')
    const { restore } = await import('../src/backup/restore')
    const { RestoreRefusedError } = await import('../src/backup/errors')
    const source = fs.mkdtempSync(path.join(tmp, 'data-'))
    fs.writeFileSync(path.join(source, '.payload-secret'), 'source-payload-secret-0123456789', {
      mode: 0o600,
    })
    fs.writeFileSync(path.join(source, '.caller-salt'), 'source-caller-salt-0123456789', { mode: 0o600 })
    const noSecrets = { PAYLOAD_SECRET: '', KOTAE_CALLER_SALT: '' }
    const dir = path.join(tmp, 'with-secrets')
    const b = await backup({ out: dir, env: { ...process.env, ...noSecrets }, dataDir: source })
    expect(b.manifest.secrets).toMatchObject({
      payloadSecret: { source: 'file', file: 'payload-secret' },
      callerSalt: { source: 'file', file: 'caller-salt' },
    })
    for (const f of ['payload-secret', 'caller-salt']) expect(modeOf(path.join(dir, f))).toBe(0o600)

    // A target with another secret: refused before anything is written, both settings named.
    const clash = fs.mkdtempSync(path.join(tmp, 'data-'))
    fs.writeFileSync(path.join(clash, '.payload-secret'), 'another-payload-secret-0123456789')
    const t1 = await freshDatabaseEnv()
    await expect(
      restore({ dir, env: { ...process.env, ...noSecrets, ...t1 }, dataDir: clash }),
    ).rejects.toThrow(RestoreRefusedError)
    await expect(
      restore({ dir, env: { ...process.env, ...noSecrets, ...t1 }, dataDir: clash }),
    ).rejects.toThrow(
      `${path.join(clash, '.payload-secret')} differs from the backup's PAYLOAD_SECRET (${path.join(dir, 'payload-secret')})`,
    )
    await expectUntouched(t1)

    // A target without secrets gets the backup's, owner-only.
    const empty = fs.mkdtempSync(path.join(tmp, 'data-'))
    const r = await restore({ dir, env: { ...process.env, ...noSecrets, ...t1 }, dataDir: empty })
    expect(r.mismatches).toEqual([])
    expect(r.secretsWritten.sort()).toEqual([
      path.join(empty, '.caller-salt'),
      path.join(empty, '.payload-secret'),
    ])
    expect(fs.readFileSync(path.join(empty, '.caller-salt'), 'utf8')).toBe('source-caller-salt-0123456789')
    expect(modeOf(path.join(empty, '.payload-secret'))).toBe(0o600)
  })
})
