/**
 * One masking step at every door (decision 0026). Every entry point where free
 * text enters Kotae is driven with seeded personal data, over HTTP through Payload's REST handler
 * (what the REST route serves) and through the CLI; then the whole database (SQLite: the file's
 * and the -wal's bytes and every row; PostgreSQL: every table and the planner statistics), the
 * e-mails to 市民課 and the server log are scanned for each seeded string and its digits-only form.
 * One hit fails.
 *
 * Where free text enters, and what happens to it (FIELDS and NOT_CALLER_TEXT below are the
 * checked form: a new collection or text field fails the first test until it is placed here):
 *  - POST /api/calls, PATCH /api/calls/:id (the desk, the admin): summary, queries and
 *    callback.preferredTime go through maskForStorage (hook maskFreeText). callback.name and
 *    callback.phone are the caller's contact for the call-back the city owes: kept on purpose,
 *    readable by supervisors and city staff only, emptied by the purge (SECURITY.md).
 *  - POST /api/escalations, PATCH /api/escalations/:id: summary, answer and assignedTo masked (same
 *    hook); the e-mail to 市民課 is written from the stored, masked document.
 *  - POST /api/escalations/:id/draft-faq and POST /api/gap/draft-faq: FAQ drafts made on the
 *    server from stored, masked text (never from text the browser sends).
 *  - POST /api/events (the site's search terms, zero-result terms and feedback reasons; the desk's
 *    and site's facet choice): query and reason masked in the endpoint; faq, dimension and value
 *    must match id patterns (content/src/contracts/events.ts), so they cannot carry sentences.
 *  - GET /api/lookup (the desk's search): answered, never stored or logged; the call keeps the
 *    desk's queries, masked.
 *  - npm run import:telephony: the caller's number is hashed on the line it is read; the mapping has
 *    no memo field, and columns it does not name are never read.
 *  - npm run import:transcripts: every segment and the file's name are masked before they are staged;
 *    speaker labels (which may be names) are replaced by a role; ids are the recording system's.
 *  - The server log: Payload's JSON lines; validation errors name fields, not values; a failed
 *    query's parameters are cut (logging/logger.ts).
 * Not caller text, so not driven here: FAQ content (npm run seed, npm run import:csv, the admin's
 * editors) is text the city publishes; staff accounts (users: e-mail, name) are kept by purpose;
 * npm run restore writes back what a backup of Kotae held.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { myNumberCheckDigit } from '@kotae/analytics'
import { handleEndpoints, type Field, type Payload } from 'payload'
import { pino } from 'pino'
import PostalMime from 'postal-mime'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Role } from '../src/access/roles'
import { kotaeLoggerOptions } from '../src/logging/logger'
import type { TestUser } from './helpers'
import { runScript } from './setup/runScript'
import { findStoredStrings } from './setup/storedStrings'

/** A My Number with its valid check digit, and the same one misheard in its last digit. */
const MY_NUMBER = `48213765019${myNumberCheckDigit('48213765019')}`
const MISHEARD = `48213765019${(myNumberCheckDigit('48213765019') + 3) % 10}`

/**
 * The seeded personal data: a sentence as an operator or a visitor writes it, and the values in it
 * that must never be stored. Forms the masker handles today (analytics/test/pii-*.test.ts): this
 * test is about the boundary, not the masker's recall.
 */
const SEEDED: { what: string; sentence: string; values: string[] }[] = [
  { what: 'a PIN after its cue', sentence: '暗証番号は4桁で7391にしました', values: ['7391に'] },
  { what: 'a password after its cue', sentence: 'パスワードはQz8817kotaeです', values: ['Qz8817kotae'] },
  {
    what: 'a My Number (valid check digit)',
    sentence: `マイナンバーは${MY_NUMBER}です`,
    values: [MY_NUMBER],
  },
  {
    what: 'a My Number misheard (check digit wrong)',
    sentence: `マイナンバーは${MISHEARD}と聞こえた`,
    values: [MISHEARD],
  },
  {
    what: 'a My Number read out in 4-4-4 groups',
    sentence: '読み上げ：5162 9730 4418（途中で制止）',
    values: ['5162 9730 4418'],
  },
  { what: 'a mobile number', sentence: '折り返しは090-4821-7365へ', values: ['090-4821-7365'] },
  { what: 'a kana name with 様', sentence: 'ミナミカワ ハルエ様から', values: ['ミナミカワ ハルエ'] },
  { what: 'a kanji and kana name', sentence: '大西 みゆきさんより', values: ['大西 みゆき'] },
  {
    what: 'an e-mail address',
    sentence: 'メールはharue.minamikawa@example.jp',
    values: ['harue.minamikawa@example.jp'],
  },
  {
    what: 'a home address',
    sentence: '住所は東広島市西条町御薗宇4321番地の7',
    values: ['西条町御薗宇4321番地'],
  },
  { what: 'a card serial', sentence: '在留カード番号はQK59302817ZTです', values: ['QK59302817ZT'] },
]
/** The caller's contact for a call-back: stored on purpose in calls.callback, and nowhere else. */
const CONTACT = { name: '北条 かおる', phone: '080-3917-2264' }

/**
 * A value and, when it has 8 or more digits among other characters, its digits alone (a number
 * stored without its separators is the same number). Shorter runs (a 4-digit PIN) are scanned for
 * with their context only: four digits occur by chance in any database file.
 */
const withDigitsOnly = (value: string): string[] => {
  const digits = value.replace(/\D/g, '')
  return digits.length >= 8 && digits !== value ? [value, digits] : [value]
}
const PERSONAL = SEEDED.flatMap((s) => s.values.flatMap(withDigitsOnly))
const CONTACT_VALUES = [CONTACT.name, ...withDigitsOnly(CONTACT.phone)]
const ALL_SENTENCES = SEEDED.map((s) => s.sentence).join('。')
/** Found in any of the texts: `label: value`. */
const leaks = (label: string, text: string, values: readonly string[] = [...PERSONAL, ...CONTACT_VALUES]) =>
  values.filter((v) => text.includes(v)).map((v) => `${label}: ${v}`)

const MASKED = 'masked'
/** How each text field of the collections that take calls, escalations, events and PBX records gets its value. */
const FIELDS: Record<string, Record<string, string>> = {
  calls: {
    summary: MASKED,
    queries: MASKED,
    'callback.preferredTime': MASKED,
    'callback.name': 'the contact for the call-back, kept on purpose (supervisors and city staff only)',
    'callback.phone': 'the contact for the call-back, kept on purpose (supervisors and city staff only)',
    telephonyCallId: 'the PBX call id, matched exactly to its telephony record',
    clientRequestId: "the desk's random id of one save (a resend is stored once)",
    callerHash: 'a salted hash, written by the telephony import (SQL only)',
  },
  escalations: { summary: MASKED, answer: MASKED, assignedTo: MASKED },
  transcripts: {
    segments: MASKED,
    importedFrom: MASKED,
    transcriptKey: "the recording system's call id, or its agent id and start time",
    externalCallId: "the recording system's call id",
    agent: "the PBX's operator id",
    audioUri:
      "where the city's recording system keeps the recording (only when the mapping says so); never the audio",
    contentHash: 'a sha256 of the masked transcript (a re-import of the same file changes nothing)',
  },
  'site-events': {
    query: MASKED,
    reason: MASKED,
    faq: 'an FAQ slug, pattern checked by POST /api/events',
    dimension: 'a facet id, pattern checked by POST /api/events',
    value: 'a facet id, pattern checked by POST /api/events',
  },
  'telephony-records': {
    pbxCallId: "the PBX's call id",
    queue: "the PBX's queue name",
    agent: "the PBX's operator id",
    callerHash: "the caller's number as a salted hash; the number itself is never stored",
    importedFrom: 'the name of the imported file',
  },
}
const CONTENT = 'content the city writes and publishes (seed, CSV import, the admin)'
/** Content whose Japanese fields have English siblings beside them (ENGLISH_SIBLINGS, decision 0055). */
const CONTENT_WITH_ENGLISH = `${CONTENT}, with the English siblings of its Japanese fields`
/** The English text fields of that content: each one shown on /en/ beside the Japanese field it names without `En`. */
const ENGLISH_SIBLINGS: Record<string, string[]> = {
  guides: [
    'titleEn',
    'summaryEn',
    'bodyEn',
    'whereEn',
    'whenEn',
    'steps.titleEn',
    'steps.detailEn',
    'bring.items.itemEn',
    'bring.items.noteEn',
  ],
  categories: ['nameEn', 'descriptionEn'],
  'city-profile': [
    'nameEn',
    'phones.labelEn',
    'counters.nameEn',
    'hours.labelEn',
    'notices.titleEn',
    'notices.bodyEn',
  ],
}
/** Collections and globals that take no text from callers or visitors, and why. */
const NOT_CALLER_TEXT: Record<string, string> = {
  faqs: CONTENT,
  guides: CONTENT_WITH_ENGLISH,
  categories: CONTENT_WITH_ENGLISH,
  sources: CONTENT,
  'source-checks':
    "the source watch's copy of each official page's main text (public pages the city cites), its hash, the URL and why a check failed",
  'source-changes':
    'passages of official pages that changed (public text), and the FAQs and guides citing them',
  'city-profile': CONTENT_WITH_ENGLISH,
  synonyms: CONTENT,
  users: 'staff accounts: their e-mail and name are kept by purpose',
  'audit-log': 'written by hooks on content only: action, content title, staff e-mail, field names',
  'payload-locked-documents': "Payload's own bookkeeping",
  'payload-preferences': "Payload's own bookkeeping (a staff member's admin settings)",
  'payload-migrations': "Payload's own bookkeeping",
  'payload-jobs':
    "Payload's own bookkeeping (scheduled publishing of content, the nightly retention run, the morning source watch)",
  'payload-jobs-stats': "Payload's own bookkeeping (when each scheduled job last ran)",
  'payload-kv': "Payload's own bookkeeping (its key-value store)",
}

const TEXT_TYPES = new Set(['text', 'textarea', 'email', 'json', 'code', 'richText'])
/** Paths of the text-like fields, through groups, arrays, rows, collapsibles and tabs. */
function textFieldPaths(fields: Field[], prefix = ''): string[] {
  return fields.flatMap((f): string[] => {
    if (f.type === 'tabs')
      return f.tabs.flatMap((t) =>
        textFieldPaths(t.fields, 'name' in t && t.name ? `${prefix}${t.name}.` : prefix),
      )
    if (!('name' in f)) return 'fields' in f ? textFieldPaths(f.fields, prefix) : []
    if (f.type === 'group' || f.type === 'array') return textFieldPaths(f.fields, `${prefix}${f.name}.`)
    if (f.type === 'blocks') return [`${prefix}${f.name}`]
    return TEXT_TYPES.has(f.type) ? [`${prefix}${f.name}`] : []
  })
}

/** Each mail received, decoded: recipients, subject and text (Japanese is sent base64- or quoted-printable-encoded), and as sent. */
const mails: string[] = []
/** A real SMTP server on loopback standing in for the city's; its own port per database project. */
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  onData(stream, _session, callback) {
    let raw = ''
    stream.on('data', (c: Buffer) => (raw += c.toString('utf8')))
    stream.on('end', () => {
      void PostalMime.parse(raw)
        .then(
          (m) => [m.to?.map((t) => t.address).join(', '), m.subject, m.text].join('\n'),
          () => '(not parsed)',
        )
        .then((decoded) => {
          mails.push(`${decoded}\n${raw}`)
          callback()
        })
    })
  },
})
const SMTP_PORT = process.env.DATABASE_URL ? 3842 : 3841

/** Every line the server log gets while this file runs: Kotae's logger options, written here instead of to standard output. */
const logLines: string[] = []
let payload: Payload
let users: Record<Role, TestUser>
let tokens: Partial<Record<Role, string>>
let refs: { category: number | string; source: number | string }
let faqId: number | string
let tmp: string
let restRequest: typeof import('./helpers').restRequest
const databaseEnv = () => ({
  DATABASE_URL: process.env.DATABASE_URL ?? '',
  KOTAE_SQLITE_PATH: process.env.KOTAE_SQLITE_PATH ?? '',
})

beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(SMTP_PORT, '127.0.0.1', resolve))
  process.env.KOTAE_SMTP_URL = `smtp://127.0.0.1:${SMTP_PORT}`
  process.env.KOTAE_ESCALATION_TO = 'shiminka@city.example'
  // The config reads the environment when it is first imported.
  const helpers = await import('./helpers')
  restRequest = helpers.restRequest
  payload = await helpers.startPayload()
  payload.logger = pino({ ...kotaeLoggerOptions.options, level: 'trace' } as never, {
    write: (line: string) => void logLines.push(line),
  })
  users = await helpers.createRoleUsers(payload)
  tokens = {}
  for (const role of ['operator', 'supervisor', 'reviewer', 'editor'] as const) {
    tokens[role] = (
      await payload.login({
        collection: 'users',
        data: { email: users[role].email, password: 'correct horse battery' },
      })
    ).token
  }
  refs = await helpers.createReferences(payload)
  faqId = (
    await payload.create({
      collection: 'faqs',
      data: {
        ...helpers.faqData(refs, { slug: 'persist-pin', question: '暗証番号を忘れました' }),
        _status: 'published',
      } as never,
    })
  ).id
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-persist-'))
})
afterAll(async () => {
  await payload?.destroy()
  await new Promise<void>((resolve) => smtp.close(() => resolve()))
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true })
})

/** A request through Payload's REST handler, as the REST route serves it. */
/** `T`: the shape of the JSON body the caller reads (unknown unless it says). */
async function rest<T = unknown>(
  method: string,
  url: string,
  role: Role | null,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const res = await handleEndpoints({
    config: payload.config,
    request: restRequest(method, url, role ? tokens[role] : undefined, body),
  })
  return { status: res.status, body: await res.json().catch(() => null) }
}
const hourAgo = () => new Date(Date.now() - 3600_000)

describe('the inventory', () => {
  it('places every collection and global, and every text field of those that take text from callers and visitors', () => {
    const slugs = [
      ...payload.config.collections.map((c) => c.slug),
      ...payload.config.globals.map((g) => g.slug),
    ].sort()
    expect(slugs).toEqual([...Object.keys(FIELDS), ...Object.keys(NOT_CALLER_TEXT)].sort())
    for (const slug of Object.keys(FIELDS)) {
      expect([slug, textFieldPaths(payload.collections[slug as 'calls'].config.fields).sort()]).toEqual([
        slug,
        Object.keys(FIELDS[slug]!).sort(),
      ])
    }
  })

  it('lists the English text fields of the content, each beside the Japanese field it translates', () => {
    for (const [slug, english] of Object.entries(ENGLISH_SIBLINGS)) {
      expect(NOT_CALLER_TEXT[slug]).toBe(CONTENT_WITH_ENGLISH)
      const fields =
        payload.config.globals.find((g) => g.slug === slug)?.fields ??
        payload.collections[slug as 'guides'].config.fields
      const paths = textFieldPaths(fields)
      expect([slug, paths.filter((p) => p.endsWith('En')).sort()]).toEqual([slug, [...english].sort()])
      for (const p of english) expect([slug, paths]).toEqual([slug, expect.arrayContaining([p.slice(0, -2)])])
    }
  })
})

let callId: number | string
let escalationId: number | string

describe('every entry point, driven with seeded personal data', () => {
  it('POST and PATCH /api/calls (the desk): summary, queries and the preferred time are masked; the call-back contact is kept', async () => {
    const created = await rest<{ doc: { id: number } }>('POST', '/api/calls', 'operator', {
      talkStartedAt: hourAgo().toISOString(),
      talkEndedAt: new Date(hourAgo().getTime() + 300_000).toISOString(),
      channel: 'direct',
      callerType: 'self',
      category: refs.category,
      faqsUsed: [faqId],
      outcome: 'callback',
      summary: `${ALL_SENTENCES}。折り返し先は${CONTACT.name}様 ${CONTACT.phone}`,
      queries: SEEDED.map((s) => s.sentence),
      callback: {
        name: CONTACT.name,
        phone: CONTACT.phone,
        preferredTime: `平日の午前。${SEEDED[5]!.sentence}、${SEEDED[8]!.sentence}`,
      },
      telephonyCallId: 'P-0001',
      clientRequestId: 'persist-call-1',
    })
    expect(created.status).toBe(201)
    callId = created.body.doc.id
    const patched = await rest('PATCH', `/api/calls/${callId}`, 'operator', {
      summary: `追記：${[...SEEDED]
        .reverse()
        .map((s) => s.sentence)
        .join('、')}`,
      queries: [ALL_SENTENCES.slice(0, 200)],
    })
    expect(patched.status).toBe(200)
    const stored = await payload.findByID({ collection: 'calls', id: callId, depth: 0, overrideAccess: true })
    expect(stored.callback).toMatchObject(CONTACT)
    expect(
      leaks('calls', JSON.stringify([stored.summary, stored.queries, stored.callback?.preferredTime])),
    ).toEqual([])
  })

  it('POST and PATCH /api/escalations, the e-mail to 市民課, and the FAQ draft made from the answer', async () => {
    const created = await rest<{ doc: { id: number } }>('POST', '/api/escalations', 'operator', {
      call: callId,
      summary: `${ALL_SENTENCES}。連絡先 ${CONTACT.phone}`,
      urgency: 'high',
      assignedTo: `市民課 ${SEEDED[7]!.sentence}`,
    })
    expect(created.status).toBe(201)
    escalationId = created.body.doc.id
    await expect.poll(() => mails.length, { timeout: 10_000 }).toBe(1)
    const answered = await rest('PATCH', `/api/escalations/${escalationId}`, 'reviewer', {
      status: 'answered',
      answer: `代理人による更新には照会書兼回答書が必要です。${ALL_SENTENCES}`,
    })
    expect(answered.status).toBe(200)
    const draft = await rest('POST', `/api/escalations/${escalationId}/draft-faq`, 'editor', {})
    expect(draft.status).toBe(201)
  })

  it('POST /api/events: search and zero-result terms and feedback reasons are masked; a facet choice carries ids only', async () => {
    const { flushSiteEvents } = await import('../src/events/queue')
    const events = [
      ...SEEDED.map((s) => ({ type: 'search', query: s.sentence, results: 0, locale: 'ja' })),
      ...SEEDED.map((s) => ({ type: 'zero-result', query: s.sentence })),
      ...SEEDED.map((s) => ({
        type: 'helpful',
        faqId: 'persist-pin',
        helpful: false,
        reason: `${s.sentence}。窓口の場所が分からない`,
      })),
      { type: 'facet-choice', dimension: 'what', value: 'certificate' },
    ]
    // As the site sends them: sendBeacon's text/plain, so no CORS preflight.
    const request = new Request('http://localhost/api/events', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ events }),
    })
    expect((await handleEndpoints({ config: payload.config, request })).status).toBe(202)
    await flushSiteEvents(payload)
    expect((await payload.count({ collection: 'site-events' })).totalDocs).toBe(events.length)
  })

  it('GET /api/lookup (the desk): each query is answered, not stored; past calls come back masked', async () => {
    for (const q of [...SEEDED.map((x) => x.sentence), ALL_SENTENCES])
      expect((await rest('GET', `/api/lookup?q=${encodeURIComponent(q)}`, 'operator')).status).toBe(200)
    const r = await rest<{ pastCalls: { id: unknown }[] }>(
      'GET',
      `/api/lookup?q=${encodeURIComponent('暗証番号を忘れました')}`,
      'operator',
    )
    expect(r.body.pastCalls.map((c: { id: unknown }) => c.id)).toEqual([callId])
    expect(leaks('lookup', JSON.stringify(r.body))).toEqual([])
  })

  it('POST /api/gap/draft-faq: a draft from the masked examples the analysis found', async () => {
    const gap = await rest<{
      clusters: { id: string; typicalText: string }[]
      range: { from: string; to: string }
    }>('GET', '/api/gap', 'supervisor')
    expect(gap.status).toBe(200)
    const cluster = gap.body.clusters.find((c) => c.typicalText.includes('［'))
    expect(cluster).toBeTruthy()
    const draft = await rest('POST', '/api/gap/draft-faq', 'supervisor', {
      clusterId: cluster!.id,
      from: gap.body.range.from,
      to: gap.body.range.to,
    })
    expect(draft.status).toBe(201)
  })

  it('npm run import:telephony: the caller number is stored as a hash only, a memo column is never read', async () => {
    const fixtures = path.resolve(
      path.dirname(fileURLToPath(import.meta.url)),
      '../../analytics/test/fixtures',
    )
    const fixture = JSON.parse(fs.readFileSync(path.join(fixtures, 'telephony-mapping.json'), 'utf8'))
    const mapping = path.join(tmp, 'mapping.json')
    fs.writeFileSync(
      mapping,
      JSON.stringify({ ...fixture, columns: { ...fixture.columns, caller: '発信者番号' } }),
    )
    const csv = path.join(tmp, 'calls.csv')
    fs.writeFileSync(
      csv,
      [
        '通話ID,キュー,着信日時,応答日時,放棄日時,終話日時,オペレーターID,後処理終了日時,発信者番号,メモ',
        `P-0001,マイナンバー,2026/10/01 09:00:00,2026/10/01 09:00:10,,2026/10/01 09:05:10,op-a,2026/10/01 09:06:10,${SEEDED[5]!.values[0]},${ALL_SENTENCES}`,
        `P-0002,マイナンバー,2026/10/01 09:15:00,,2026/10/01 09:15:03,2026/10/01 09:15:03,,,${CONTACT.phone},${SEEDED[6]!.sentence}`,
      ].join('\r\n'),
    )
    const r = await runScript('import-telephony', ['--mapping', mapping, csv], {
      KOTAE_CALLER_SALT: 'persist-test-salt-0123456789',
    })
    expect(r.err).toBe('')
    expect(r.code).toBe(0)
    expect(leaks('import:telephony output', r.out + r.err)).toEqual([])
    const records = await payload.find({
      collection: 'telephony-records',
      depth: 0,
      overrideAccess: true,
      sort: 'pbxCallId',
    })
    expect(
      records.docs.map((d) => [d.pbxCallId, typeof d.callerHash === 'string' && d.callerHash.length > 0]),
    ).toEqual([
      ['P-0001', true],
      ['P-0002', true],
    ])
  })

  it('npm run import:transcripts: every turn and the file name are masked before anything is stored', async () => {
    const rows = SEEDED.flatMap((x, i) => [
      `P-0001,operator,${i * 10},${i * 10 + 4},お名前とご用件をお願いします`,
      `P-0001,caller,${i * 10 + 5},${i * 10 + 9},${x.sentence}`,
    ])
    const csv = path.join(tmp, `折り返し${CONTACT.phone}.csv`)
    fs.writeFileSync(
      csv,
      ['call_id,speaker,start,end,text', ...rows, `P-0001,caller,200,205,${ALL_SENTENCES}`].join('\r\n'),
    )
    const json = path.join(tmp, 'P-0002.json')
    fs.writeFileSync(
      json,
      JSON.stringify({
        call_id: 'P-0002',
        segments: [
          { start: 0, end: 3, speaker: CONTACT.name, text: `${CONTACT.name}と申します、${CONTACT.phone}` },
        ],
      }),
    )
    const r = await runScript('import-transcripts', [csv])
    expect(r.err).toBe('')
    expect(r.code).toBe(0)
    expect(leaks('import:transcripts output', r.out + r.err)).toEqual([])
    // P-0002 is the PBX record the telephony import stored: known, not linked to a call. The speaker
    // label is the caller's name: only the role is kept.
    const r2 = await runScript('import-transcripts', [json])
    expect([r2.code, leaks('import:transcripts output', r2.out + r2.err)]).toEqual([0, []])
    const docs = await payload.find({
      collection: 'transcripts',
      depth: 0,
      overrideAccess: true,
      sort: 'transcriptKey',
    })
    expect(docs.docs.map((d) => [d.transcriptKey, d.linkMethod])).toEqual([
      ['P-0001', 'call-id'],
      ['P-0002', 'unlinked'],
    ])
  })

  it('requests refused with personal data in them store nothing and log none of it', async () => {
    const calls = (await payload.count({ collection: 'calls', overrideAccess: true })).totalDocs
    const logged = logLines.length
    // Fails validation: the phone field holds at most 30 characters.
    const invalid = await rest('POST', '/api/calls', 'operator', {
      talkStartedAt: hourAgo().toISOString(),
      talkEndedAt: new Date().toISOString(),
      channel: 'direct',
      callerType: 'self',
      outcome: 'callback',
      summary: ALL_SENTENCES,
      callback: {
        name: CONTACT.name,
        phone: `${CONTACT.phone} ${SEEDED[8]!.sentence} ${SEEDED[9]!.sentence}`,
      },
    })
    expect(invalid.status).toBe(400)
    expect(JSON.stringify(invalid.body)).toContain('callback.phone')
    // The same save again (the desk's resend): its request id is taken.
    const again = await rest('POST', '/api/calls', 'operator', {
      talkStartedAt: hourAgo().toISOString(),
      talkEndedAt: new Date().toISOString(),
      channel: 'direct',
      callerType: 'self',
      outcome: 'callback',
      summary: ALL_SENTENCES,
      callback: { name: CONTACT.name, phone: CONTACT.phone },
      clientRequestId: 'persist-call-1',
    })
    expect(again.status).toBe(400)
    // Not allowed: an operator answering an escalation.
    expect(
      (await rest('PATCH', `/api/escalations/${escalationId}`, 'operator', { answer: ALL_SENTENCES })).status,
    ).toBe(403)
    // A sign-in with an e-mail that is no account's, and an event with a field no event has.
    expect(
      (
        await rest('POST', '/api/users/login', null, {
          email: SEEDED[8]!.values[0],
          password: SEEDED[1]!.sentence,
        })
      ).status,
    ).toBe(401)
    expect(
      (
        await rest('POST', '/api/events', null, {
          events: [{ type: 'search', query: 'x', name: ALL_SENTENCES }],
        })
      ).status,
    ).toBe(400)

    expect((await payload.count({ collection: 'calls', overrideAccess: true })).totalDocs).toBe(calls)
    const lines = logLines.slice(logged)
    // The refusals are in the log (so this looks at what the log got), their values are not.
    expect(lines.join('\n')).toContain('次のフィールドは無効です: 折り返し先')
    expect(lines.join('\n')).toContain('"type":"AuthenticationError"')
    expect(lines.flatMap((line, i) => leaks(`log line ${logged + i}`, line))).toEqual([])
  })
})

/** The values a field path (`callback.preferredTime`, `queries`) holds in every document of a collection. */
async function storedValues(slug: string, fieldPath: string): Promise<string[]> {
  const { docs } = await payload.find({
    collection: slug as 'calls',
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
  })
  return docs.flatMap((doc) =>
    [
      fieldPath
        .split('.')
        .reduce<unknown>(
          (v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined),
          doc,
        ),
    ]
      .flat()
      // A JSON field (a transcript's segments) is scanned as its JSON text.
      .map((v) => (v && typeof v === 'object' ? JSON.stringify(v) : v))
      .filter((v): v is string => typeof v === 'string'),
  )
}

describe('after every entry point was driven', () => {
  it('every masked field was driven and holds placeholders', async () => {
    for (const [slug, fields] of Object.entries(FIELDS)) {
      for (const [field, how] of Object.entries(fields)) {
        if (how !== MASKED) continue
        const values = await storedValues(slug, field)
        expect([
          slug,
          field,
          values.some((v) => /［(暗証番号|個人番号|電話番号|氏名|メール|住所|カード番号)］/.test(v)),
        ]).toEqual([slug, field, true])
      }
    }
  })

  it('the database holds none of the seeded personal data (SQLite: file, -wal and rows; PostgreSQL: every table and pg_stats)', async () => {
    expect(await findStoredStrings(databaseEnv(), PERSONAL)).toEqual([])
  })

  it('the call-back contact is stored in the call only, where it was given on purpose', async () => {
    const hits = await findStoredStrings(databaseEnv(), CONTACT_VALUES)
    const tables = [
      ...new Set(
        hits
          .filter((h) => h.startsWith('table ') || h.startsWith('pg_stats '))
          .map((h) => h.split(':')[0]!.split(' ')[1]),
      ),
    ]
    expect(tables).toEqual(['calls'])
    const call = await payload.findByID({ collection: 'calls', id: callId, depth: 0, overrideAccess: true })
    expect(leaks('calls.summary', call.summary, CONTACT_VALUES)).toEqual([])
  })

  it('the e-mail to 市民課 carries the masked text only', () => {
    expect(mails).toHaveLength(1)
    expect(mails[0]).toContain('shiminka@city.example')
    expect(mails[0]).toContain('内容: ') // decoded: the masked summary is there, with its placeholders
    expect(mails[0]).toContain('［電話番号］')
    expect(mails.flatMap((m, i) => leaks(`mail ${i}`, m))).toEqual([])
  })

  it('the server log holds none of it, over the whole run', () => {
    expect(logLines.length).toBeGreaterThan(0)
    expect(logLines.flatMap((line, i) => leaks(`log line ${i}`, line))).toEqual([])
  })
})
