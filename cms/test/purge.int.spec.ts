import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { freshDatabaseEnv, queryDatabase } from './setup/freshDatabase'
import { runScript as runCmsScript } from './setup/runScript'
import { findStoredStrings } from './setup/storedStrings'

const SALT = 'purge-test-caller-salt-0123456789'
const CODE = '349999'
/** Personal data seeded into every personal table; none of it may survive a purge anywhere in the database. */
const PERSONAL = [
  'パージ太郎',
  '090-9999-0001',
  'パージ要旨',
  'パージ照会',
  'パージ検索語',
  'purge-agent-7777',
  'パージ花子',
  'purge.hanako@example.test',
]
const PERSONAL_TABLES = [
  'calls',
  'calls_rels',
  'calls_texts',
  'escalations',
  'telephony_records',
  'site_events',
  'audit_log',
  'payload_preferences',
  'payload_locked_documents',
  'payload_jobs',
  'users_sessions',
]

let payload: Payload
let tmp: string
let seedBackup: string
const pgKind = () => Boolean(process.env.DATABASE_URL)
type Env = Record<string, string>

const run = (script: string, args: string[], env: Env = {}) =>
  runCmsScript(script, args, { KOTAE_CALLER_SALT: SALT, ...env })

async function counts(env: Env): Promise<Record<string, number>> {
  const { postgresTableCounts } = await import('../src/backup/postgres')
  const { sqliteTableCounts } = await import('../src/backup/sqlite')
  return env.DATABASE_URL ? postgresTableCounts(env.DATABASE_URL) : sqliteTableCounts(env.KOTAE_SQLITE_PATH!)
}

/** Where each personal string still occurs anywhere in the database (setup/storedStrings.ts). */
const personalHits = (env: Env) => findStoredStrings(env, PERSONAL)

/** A copy of the seeded database (restored from the seed backup) and a data/ folder with secrets, a Kotae backup and a folder of someone else. */
async function target(): Promise<{ env: Env; dataDir: string }> {
  const env = await freshDatabaseEnv()
  const r = await run('restore', [seedBackup], env)
  expect(r.err).toBe('')
  const dataDir = fs.mkdtempSync(path.join(tmp, 'data-'))
  fs.writeFileSync(path.join(dataDir, '.payload-secret'), 'purge-test-payload-secret-0123456789', {
    mode: 0o600,
  })
  fs.writeFileSync(path.join(dataDir, '.caller-salt'), SALT, { mode: 0o600 })
  fs.cpSync(seedBackup, path.join(dataDir, 'backups', '2026-12-01'), { recursive: true })
  fs.mkdirSync(path.join(dataDir, 'notes'))
  fs.writeFileSync(path.join(dataDir, 'notes', 'keep.txt'), 'not Kotae’s')
  return { env, dataDir }
}

const modeOf = (p: string) => fs.statSync(p).mode & 0o777
const sortKeys = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(sortKeys)
    : v && typeof v === 'object'
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
        )
      : v

/** Validates the certificate with the schema, and recomputes its checksum independently. */
async function checkCertificate(dir: string) {
  const { CertificateSchema, readCertificate } = await import('../src/purge/certificate')
  const file = path.join(dir, 'certificate.json')
  const raw = JSON.parse(fs.readFileSync(file, 'utf8'))
  const cert = CertificateSchema.parse(raw)
  const { checksum, ...body } = raw
  expect(
    createHash('sha256')
      .update(JSON.stringify(sortKeys(body)))
      .digest('hex'),
  ).toBe(checksum.value)
  expect(readCertificate(file)).toEqual(cert)
  expect(modeOf(dir)).toBe(0o700)
  expect(fs.readdirSync(dir).sort()).toEqual(['certificate.json', 'certificate.pdf'])
  for (const f of fs.readdirSync(dir)) expect([f, modeOf(path.join(dir, f))]).toEqual([f, 0o600])
  expect(fs.readFileSync(path.join(dir, 'certificate.pdf')).subarray(0, 5).toString()).toBe('%PDF-')
  return cert
}

beforeAll(async () => {
  const helpers = await import('./helpers')
  payload = await helpers.startPayload()
  const users = await helpers.createRoleUsers(payload)
  await payload.create({
    collection: 'users',
    data: {
      email: 'purge.hanako@example.test',
      password: 'correct horse battery',
      roles: ['operator'],
      name: 'パージ花子',
    } as never,
  })
  const refs = await helpers.createReferences(payload)
  await payload.updateGlobal({
    slug: 'city-profile',
    data: {
      name: 'パージ市',
      nameEn: 'Purge City',
      localGovernmentCode: CODE,
      hours: [{ label: '平日', weekdays: ['1', '2', '3', '4', '5'], opens: '08:30', closes: '17:15' }],
    } as never,
  })
  await payload.create({
    collection: 'faqs',
    data: { ...helpers.faqData(refs, { slug: 'purge-published' }), _status: 'published' } as never,
  })
  await payload.create({
    collection: 'faqs',
    data: helpers.faqData(refs, { slug: 'purge-draft', question: '暗証番号を忘れました' }) as never,
  })
  for (let i = 0; i < 3; i++) {
    const call = await payload.create({
      collection: 'calls',
      data: {
        channel: 'direct',
        callerType: 'self',
        outcome: 'escalated',
        category: refs.category,
        operator: users.operator.id,
        summary: `パージ要旨 ${i}: 電子証明書の更新について`,
        queries: ['パージ検索語 更新'],
        callback: { name: 'パージ太郎', phone: '090-9999-0001', preferredTime: '午前' },
        talkStartedAt: '2026-10-01T00:00:00.000Z',
        talkEndedAt: '2026-10-01T00:05:00.000Z',
      } as never,
    })
    await payload.create({
      collection: 'escalations',
      data: { call: call.id, summary: `パージ照会 ${i}: 代理人の必要書類`, urgency: 'high' } as never,
    })
  }
  await payload.create({
    collection: 'site-events',
    data: { type: 'search', at: '2026-10-01T00:00:00.000Z', query: 'パージ検索語', locale: 'ja' } as never,
  })
  await payload.create({
    collection: 'telephony-records' as never,
    data: {
      pbxCallId: 'purge-pbx-1',
      queue: 'main',
      offeredAt: '2026-10-01T00:00:00.000Z',
      agent: 'purge-agent-7777',
    } as never,
  })
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-purge-test-'))
  seedBackup = path.join(tmp, 'seed')
  const b = await run('backup', ['--out', seedBackup])
  expect(b.err).toBe('')
})
afterAll(async () => {
  await payload?.destroy()
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true })
})

describe('npm run purge', () => {
  it('without the exact city code it refuses, says what to type, and deletes nothing', async () => {
    const { env, dataDir } = await target()
    const before = await counts(env)
    for (const args of [[], ['--confirm', '000000'], ['--confirm', ` ${CODE}`]]) {
      const r = await run('purge', [...args, '--data-dir', dataDir], env)
      expect([args, r.code]).toEqual([args, 1])
      expect(r.err).toContain(`npm run purge -- --confirm ${CODE}`)
      expect(r.err).toContain('Nothing was deleted')
    }
    const unknownUser = await run(
      'purge',
      ['--confirm', CODE, '--keep-user', 'nobody@example.test', '--data-dir', dataDir],
      env,
    )
    expect(unknownUser.code).toBe(1)
    expect(unknownUser.err).toContain('--keep-user nobody@example.test: no such user')
    expect(await counts(env)).toEqual(before)
    expect(fs.readdirSync(dataDir).sort()).toEqual(['.caller-salt', '.payload-secret', 'backups', 'notes'])
    expect((await run('purge', ['--nonsense'], env)).code).toBe(2)
  })

  it('--keep-content: personal data gone everywhere, published FAQs kept, one admin with a new password, secrets and backups deleted; a second run says already purged', async () => {
    const { env, dataDir } = await target()
    const before = await counts(env)
    expect((await personalHits(env)).length).toBeGreaterThanOrEqual(PERSONAL.length)
    const out = path.join(tmp, 'cert-keep')
    const r = await run(
      'purge',
      ['--confirm', CODE, '--keep-content', '--out', out, '--data-dir', dataDir],
      env,
    )
    expect(r.err).toBe('')
    expect(r.code).toBe(0)
    const password = /new password \(shown once, stored nowhere\): (\S+)/.exec(r.out)?.[1]
    expect(r.out).toContain('kept user admin@example.test;')

    const cert = await checkCertificate(out)
    expect(cert).toMatchObject({
      city: { name: 'パージ市', code: CODE, source: 'city-profile' },
      options: { keepContent: true, keepUser: 'oldest-admin' },
      kept: { users: 1, keptUserRoles: ['admin'], content: true },
      run: { resumed: false, alreadyPurged: false },
    })
    expect(cert.by.osUser).toBe(os.userInfo().username)
    expect(cert.database.kind).toBe(pgKind() ? 'postgres' : 'sqlite')
    if (cert.database.kind === 'postgres') expect(cert.database.systemIdentifier).toMatch(/^\d+$/)
    else expect(cert.database.walBytesAfter).toBe(0)
    const row = (t: string) => cert.tables.find((x) => x.table === t)!
    expect(row('calls')).toEqual({ table: 'calls', action: 'emptied', before: before.calls, after: 0 })
    expect(row('faqs')).toMatchObject({ action: 'kept-content', after: before.faqs })
    expect(cert.files.backupsDeleted).toEqual([path.join(dataDir, 'backups', '2026-12-01')])
    expect(cert.files.secrets.map((s) => s.result)).toEqual(['deleted', 'deleted'])

    const after = await counts(env)
    for (const t of PERSONAL_TABLES) expect([t, after[t]]).toEqual([t, 0])
    expect(after.users).toBe(1)
    expect(after.payload_migrations).toBe(before.payload_migrations)
    expect(await queryDatabase(env, "SELECT slug FROM faqs WHERE _status = 'published'")).toEqual([
      { slug: 'purge-published' },
    ])
    expect(await personalHits(env)).toEqual([])
    expect(fs.readdirSync(dataDir).sort()).toEqual(['backups', 'notes'])
    expect(fs.readdirSync(path.join(dataDir, 'notes'))).toEqual(['keep.txt'])

    // The kept admin's new password is accepted by Payload's own check.
    const { authenticateLocalStrategy } = await import(
      '../../node_modules/payload/dist/auth/strategies/local/authenticate.js' as string
    )
    const [admin] = await queryDatabase(env, 'SELECT email, salt, hash FROM users')
    expect(admin!.email).toBe('admin@example.test')
    expect(await authenticateLocalStrategy({ doc: admin, password })).toMatchObject({ doc: admin })
    expect(await authenticateLocalStrategy({ doc: admin, password: 'correct horse battery' })).toBeNull()

    const again = await run(
      'purge',
      ['--confirm', CODE, '--keep-content', '--out', path.join(tmp, 'cert-keep-2'), '--data-dir', dataDir],
      env,
    )
    expect(again.err).toBe('')
    expect(again.code).toBe(0)
    expect(again.out).toContain('database was already purged: no rows to delete')
    expect((await checkCertificate(path.join(tmp, 'cert-keep-2'))).run).toMatchObject({
      alreadyPurged: true,
      resumed: false,
    })
  })

  it('without --keep-content everything goes; a run killed inside its transaction deleted nothing and the next run completes it', async () => {
    const { env, dataDir } = await target()
    const before = await counts(env)
    const killed = await run(
      'purge',
      ['--confirm', CODE, '--out', path.join(tmp, 'cert-killed'), '--data-dir', dataDir],
      { ...env, KOTAE_PURGE_TEST_CRASH: 'in-transaction' },
    )
    expect(killed.signal).toBe('SIGKILL')
    expect(await counts(env)).toEqual(before)
    expect(fs.existsSync(path.join(dataDir, '.purge-journal.json'))).toBe(true)

    const out = path.join(tmp, 'cert-all')
    const r = await run('purge', ['--confirm', CODE, '--out', out, '--data-dir', dataDir], env)
    expect(r.err).toBe('')
    expect(r.code).toBe(0)
    expect(r.out).toContain('completed the interrupted purge')
    const cert = await checkCertificate(out)
    expect(cert).toMatchObject({
      options: { keepContent: false },
      kept: { users: 1, content: false },
      run: { resumed: true, alreadyPurged: false },
    })
    expect(cert.tables.find((t) => t.table === 'calls')).toEqual({
      table: 'calls',
      action: 'emptied',
      before: before.calls,
      after: 0,
    })
    const after = await counts(env)
    for (const t of [...PERSONAL_TABLES, 'faqs', '_faqs_v', 'categories', 'sources', 'city_profile'])
      expect([t, after[t]]).toEqual([t, 0])
    expect(await personalHits(env)).toEqual([])
    expect(fs.readdirSync(dataDir).sort()).toEqual(['backups', 'notes'])

    // The city profile is gone: the database now has the placeholder code, and the message says so.
    const refused = await run('purge', ['--confirm', CODE, '--data-dir', dataDir], env)
    expect(refused.code).toBe(1)
    expect(refused.err).toContain('no city profile (already purged, or never configured)')
    expect(refused.err).toContain('npm run purge -- --confirm 000000')
    const again = await run(
      'purge',
      ['--confirm', '000000', '--out', path.join(tmp, 'cert-all-2'), '--data-dir', dataDir],
      env,
    )
    expect(again.code).toBe(0)
    expect(again.out).toContain('already purged')
  })
})
