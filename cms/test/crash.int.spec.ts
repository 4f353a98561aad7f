/**
 * kill -9 at the worst moment: a PBX import, a CSV FAQ import, a backup and a burst of
 * call saves are each killed with SIGKILL while they hold an open write transaction (or, for the
 * backup, while its folder is half written). Afterwards: nothing half-written, SQLite's
 * `PRAGMA integrity_check` says ok, and a re-run completes the work exactly once. (The purge's
 * kill -9 is in purge.int.spec.ts.) The moment is observed from outside, in the database:
 * SQLite — another connection cannot take the write lock (`BEGIN IMMEDIATE` busy);
 * PostgreSQL — the child's backend runs the statement, or holds a transaction id (it has written).
 * The 1,000,000-row PBX file is killed the same way in `npm run bench:crash`.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { loadValidContent, type ContentBundle } from '@kotae/content'
import { faqCsvText, readFaqCsv } from '@kotae/content/csv/index'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { cityIdentity, exportFaqCsv } from '../scripts/export-csv'
import { DATABASE_FILES } from '../src/backup/backup'
import { seedContent } from '../src/seed/seedContent'
import { startPayload } from './helpers'
import { afterCrash, count, killWhile, when, writing } from './setup/crash'
import { freshDatabaseEnv, queryDatabase } from './setup/freshDatabase'
import { runScript, startScript } from './setup/runScript'
import { GENERATED_TELEPHONY_MAPPING, writeTelephonyCsv } from './setup/telephonyCsv'

type Env = Record<string, string>
const SALT = 'crash-test-caller-salt-0123456789'
/** Big enough that staging and merge take seconds, small enough for CI (the 1,000,000-row case: bench:crash). */
// Large enough that the import's one write transaction lasts well beyond the moment the test needs
// to see it and kill it (100,000 rows finished first on a fast, idle machine: killWhile confirms the
// write 100 ms apart, and a SIGKILL after a commit proves nothing).
const PBX_ROWS = 200_000
const PORT = process.env.DATABASE_URL ? 3882 : 3881
const OPERATOR = { email: 'crash-operator@example.test', password: 'crash-operator-pass-1' }

let payload: Payload
let tmp: string
const run = (script: string, args: string[], env: Env) =>
  runScript(script, args, { KOTAE_CALLER_SALT: SALT, ...env })
const start = (script: string, args: string[], env: Env) =>
  startScript(script, args, { KOTAE_CALLER_SALT: SALT, KOTAE_DISABLE_JOBS: '1', ...env })

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-crash-test-'))
  payload = await startPayload()
})
afterAll(async () => {
  await payload?.destroy()
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true })
})

describe('kill -9 during the PBX import and during a backup', () => {
  let env: Env
  const mappingFile = () => path.join(tmp, 'pbx-mapping.json')
  const fromFile = (file: string) =>
    count(env, `SELECT count(*) AS n FROM telephony_records WHERE imported_from = '${path.basename(file)}'`)

  it(`import:telephony of ${PBX_ROWS.toLocaleString('en')} rows killed inside its write transaction: not one row of the file, integrity ok; the re-run imports every row once`, async () => {
    env = await freshDatabaseEnv()
    fs.writeFileSync(mappingFile(), JSON.stringify(GENERATED_TELEPHONY_MAPPING))
    // An earlier month already imported (and the database migrated, so the killed child only reads at start).
    const earlier = await writeTelephonyCsv(path.join(tmp, 'pbx-earlier.csv'), 1000, 'E')
    const first = await run('import-telephony', ['--mapping', mappingFile(), earlier], env)
    expect(first.err).toBe('')
    const big = await writeTelephonyCsv(path.join(tmp, 'pbx-crash.csv'), PBX_ROWS, 'C')
    const before = await count(env, 'SELECT count(*) AS n FROM telephony_records')
    expect(before).toBe(1000)

    const killed = await killWhile(start('import-telephony', ['--mapping', mappingFile(), big], env), () =>
      writing(env, "state = 'active' AND query ILIKE '%INSERT INTO telephony_records%'"),
    )
    expect(killed.signal).toBe('SIGKILL')
    expect(await afterCrash(env)).toBe('ok')
    expect(await fromFile(big)).toBe(0)
    expect(await count(env, 'SELECT count(*) AS n FROM telephony_records')).toBe(before)

    const again = await run('import-telephony', ['--mapping', mappingFile(), big], env)
    expect(again.err).toBe('')
    expect(again.out).toContain(`新規 ${PBX_ROWS}、更新 0、変更なし 0`)
    expect(await fromFile(big)).toBe(PBX_ROWS)
    expect(await count(env, 'SELECT count(*) AS n FROM telephony_records')).toBe(before + PBX_ROWS)
    expect(await count(env, 'SELECT count(DISTINCT pbx_call_id) AS n FROM telephony_records')).toBe(
      before + PBX_ROWS,
    )
    expect(await afterCrash(env)).toBe('ok')
  })

  it('npm run backup killed while its folder is half written: restore refuses that folder by name, the database is intact, a new backup succeeds', async () => {
    const rows = await count(env, 'SELECT count(*) AS n FROM telephony_records')
    const out = path.join(tmp, 'backup-killed')
    const dbFile = path.join(out, DATABASE_FILES[env.DATABASE_URL ? 'postgres' : 'sqlite'])
    const killed = await killWhile(start('backup', ['--out', out], env), async () => fs.existsSync(dbFile))
    expect(killed.signal).toBe('SIGKILL')
    expect(fs.existsSync(path.join(out, 'manifest.json'))).toBe(false)

    const refused = await run('restore', [out], await freshDatabaseEnv())
    expect(refused.code).toBe(1)
    expect(refused.err).toContain(
      `${path.join(out, 'manifest.json')} is missing: ${out} is not a Kotae backup (or the backup did not finish).`,
    )
    expect(await afterCrash(env)).toBe('ok')
    expect(await count(env, 'SELECT count(*) AS n FROM telephony_records')).toBe(rows)

    const good = await run('backup', ['--out', path.join(tmp, 'backup-good')], env)
    expect(good.err).toBe('')
    expect(good.code).toBe(0)
    expect(
      JSON.parse(fs.readFileSync(path.join(tmp, 'backup-good', 'manifest.json'), 'utf8')).tables
        .telephony_records,
    ).toBe(rows)
  })
})

describe('kill -9 during the CSV FAQ import', () => {
  it('killed inside its transaction: FAQs and versions as before, integrity ok; the re-run writes every row once', async () => {
    // The CSV: 20 curated FAQs and their translations, exported from this test's database.
    const all = await loadValidContent()
    const ja = all.faqs.filter((f) => f.locale === 'ja').slice(0, 20)
    const ids = new Set(ja.map((f) => f.id))
    const bundle: ContentBundle = {
      ...all,
      faqs: [
        ...ja,
        ...all.faqs.filter((f) => f.locale === 'en' && f.translationOf && ids.has(f.translationOf)),
      ],
      guides: [],
    }
    await seedContent(payload, bundle)
    const file = path.join(tmp, 'faqs.csv')
    fs.writeFileSync(file, (await exportFaqCsv(payload, { city: await cityIdentity() })).bytes)
    const rows = bundle.faqs.length

    // Imported once into another database (which migrates it), as a named editor; the kill is in
    // the second import, of the same file with every answer edited: a new draft version of each
    // (an import writes only the rows that changed).
    const env = await freshDatabaseEnv()
    const editor = ['--as', 'crash-editor@example.test']
    expect((await run('test/setup/createUser.ts', [editor[1]!, 'editor'], env)).code).toBe(0)
    const first = await run('import-csv', [file, ...editor], env)
    expect(first.code).toBe(0)
    expect(first.out).toContain(`新規 ${rows} 件`)
    const edited = path.join(tmp, 'faqs-edited.csv')
    const city = await cityIdentity()
    const records = readFaqCsv(fs.readFileSync(file), { city }).rows.map(({ line: _line, ...r }) => ({
      ...r,
      answer: `${r.answer}\n\n改訂しました。`,
    }))
    fs.writeFileSync(edited, Buffer.from(`\ufeff${faqCsvText(records).text}`, 'utf8'))
    const state = async () => ({
      faqs: await count(env, 'SELECT count(*) AS n FROM faqs'),
      versions: await count(env, 'SELECT count(*) AS n FROM _faqs_v'),
      categories: await count(env, 'SELECT count(*) AS n FROM categories'),
    })
    const before = await state()

    const killed = await killWhile(
      start('import-csv', [edited, ...editor], env),
      () => writing(env, 'backend_xid IS NOT NULL'),
      200,
    )
    expect(killed.signal).toBe('SIGKILL')
    expect(await afterCrash(env)).toBe('ok')
    expect(await state()).toEqual(before)

    const again = await run('import-csv', [edited, ...editor], env)
    expect(again.code).toBe(0)
    expect(again.out).toContain(`既存FAQの新しい下書き ${rows} 件`)
    expect(await state()).toEqual({ ...before, versions: before.versions + rows })
    expect(await afterCrash(env)).toBe('ok')
  }, 300_000) // five child processes, each loading Payload
})

describe('kill -9 of the server during a burst of call saves', () => {
  const base = `http://127.0.0.1:${PORT}`
  const server = async (env: Env) => {
    const s = start('test/setup/restServer.ts', [], {
      ...env,
      PORT: String(PORT),
      CRASH_TEST_OPERATOR: `${OPERATOR.email}:${OPERATOR.password}`,
    })
    let ended = false
    void s.done.then(() => (ended = true))
    if (
      !(await when(
        () => s.output().includes('ready'),
        () => ended,
      ))
    )
      throw new Error(`server did not start:\n${s.output().slice(-2000)}`)
    return s
  }
  const login = async () => {
    const res = await fetch(`${base}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(OPERATOR),
    })
    return {
      Authorization: `JWT ${((await res.json()) as { token: string }).token}`,
      'content-type': 'application/json',
    }
  }
  const save = (headers: Record<string, string>, id: string) =>
    fetch(`${base}/api/calls`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        clientRequestId: id,
        talkStartedAt: '2026-11-24T01:00:00.000Z',
        talkEndedAt: '2026-11-24T01:03:10.000Z',
        channel: 'direct',
        callerType: 'self',
        outcome: 'resolved',
        summary: `電子証明書の期限について案内した（${id}）。`,
      }),
    })

  it('every call answered 201 before the kill is stored exactly once after the restart; a retried unanswered save is stored once; integrity ok', async () => {
    const env = await freshDatabaseEnv()
    const first = await server(env)
    const headers = await login()
    const acknowledged: string[] = []
    const unanswered: string[] = []
    let killed = false
    // 6 desks saving as fast as they can; the server is killed once 40 saves were acknowledged.
    const desk = async (d: number) => {
      for (let i = 0; !killed; i++) {
        const id = `crash-${d}-${i}`
        try {
          const res = await save(headers, id)
          if (res.status === 201) acknowledged.push(id)
          else throw new Error(`${id}: HTTP ${res.status} ${await res.text()}`)
        } catch (e) {
          if (!killed) throw e
          unanswered.push(id)
        }
        if (acknowledged.length >= 40 && !killed) {
          killed = true
          first.child.kill('SIGKILL')
        }
      }
    }
    await Promise.all([0, 1, 2, 3, 4, 5].map(desk))
    expect((await first.done).signal).toBe('SIGKILL')
    expect(await afterCrash(env)).toBe('ok')

    const stored = async () =>
      new Map(
        (
          await queryDatabase(
            env,
            'SELECT client_request_id AS id, count(*) AS n FROM calls GROUP BY client_request_id',
          )
        ).map((r) => [String(r.id), Number(r.n)]),
      )
    const afterKill = await stored()
    for (const id of acknowledged) expect([id, afterKill.get(id)]).toEqual([id, 1])
    // Nothing stored that no desk sent.
    for (const id of afterKill.keys()) expect([...acknowledged, ...unanswered]).toContain(id)

    // The restarted server on the same database; the desks retry what got no answer (the same request id).
    const second = await server(env)
    try {
      const retryHeaders = await login()
      for (const id of unanswered) expect([201, 400]).toContain((await save(retryHeaders, id)).status)
    } finally {
      second.child.kill('SIGTERM')
      await second.done
    }
    const afterRetry = await stored()
    for (const id of [...acknowledged, ...unanswered]) expect([id, afterRetry.get(id)]).toEqual([id, 1])
    expect(afterRetry.size).toBe(acknowledged.length + unanswered.length)
    expect(await afterCrash(env)).toBe('ok')
  })
})
