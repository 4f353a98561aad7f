import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import nodemailer from 'nodemailer'
import { ja } from '@payloadcms/translations/languages/ja'
import { buildConfig } from 'payload'

import { hasRole } from './access/roles'
import { AuditLog } from './collections/AuditLog'
import { Calls } from './collections/Calls'
import { Escalations } from './collections/Escalations'
import { Categories } from './collections/Categories'
import { Faqs } from './collections/Faqs'
import { SiteEvents } from './collections/SiteEvents'
import { TelephonyRecords } from './collections/TelephonyRecords'
import { Transcripts } from './collections/Transcripts'
import { Guides } from './collections/Guides'
import { SourceChanges } from './collections/SourceChanges'
import { SourceChecks } from './collections/SourceChecks'
import { Sources } from './collections/Sources'
import { Users } from './collections/Users'
import { databaseAdapter } from './db/adapter'
import { kotaeLoggerOptions } from './logging/logger'
import { readEnv } from './env'
import { siteEventsEndpoint } from './events/endpoint'
import { gapDraftEndpoint, gapEndpoint } from './gap/endpoints'
import { callsExportEndpoint } from './callsExport/endpoint'
import { healthEndpoint } from './health/endpoint'
import { lookupEndpoint } from './search/lookupEndpoint'
import { reportsEndpoint } from './reports/endpoint'
import { RETENTION_QUEUE, retentionTask } from './retention/task'
import { siteContentEndpoint } from './publish/endpoint'
import { SOURCE_WATCH_QUEUE, sourceWatchTask } from './sourceWatch/task'
import { sourceWatchOn } from './sourceWatch/settings'
import { callTranscriptEndpoint } from './transcripts/endpoint'
import { readoutCheckEndpoint } from './transcripts/readoutCheck'
import { transcriptUploadEndpoint } from './transcripts/upload'
import { CityProfile } from './globals/CityProfile'
import { Synonyms } from './globals/Synonyms'

const dirname = path.dirname(fileURLToPath(import.meta.url))
const env = readEnv()

export default buildConfig({
  serverURL: env.KOTAE_SERVER_URL,
  // Payload adds serverURL itself; these are its loopback aliases (127.0.0.1 for localhost …).
  csrf: env.trustedOrigins,
  secret: env.PAYLOAD_SECRET,
  // Nothing leaves the deployment: no telemetry, no remote avatar.
  telemetry: false,
  // No read, through any API, populates more than two levels of relationships (REST reads are
  // bound further, to one level: src/http/restQuery.ts).
  maxDepth: 2,
  admin: {
    user: Users.slug,
    avatar: 'default',
    dateFormat: 'yyyy/MM/dd HH:mm',
    // Dates in the admin are Japan time, whatever the browser's or the server's zone.
    timezones: {
      defaultTimezone: 'Asia/Tokyo',
      supportedTimezones: [{ label: '日本時間', value: 'Asia/Tokyo' }],
    },
    meta: { titleSuffix: ' | Kotae', description: 'マイナンバーカードコールセンター ナレッジベース' },
    importMap: { baseDir: dirname },
    components: {
      views: {
        // /admin itself: each role's first screen (components/HomeView.tsx).
        dashboard: { Component: '/components/HomeView#HomeView' },
        reviewQueue: { Component: '/components/ReviewQueueView#ReviewQueueView', path: '/review-queue' },
        myFaqs: { Component: '/components/ReviewQueueView#WorkListView', path: '/my-faqs' },
        reviewDue: { Component: '/components/ReviewDueView#ReviewDueView', path: '/review-due' },
        supervisor: { Component: '/components/SupervisorView#SupervisorView', path: '/supervisor' },
        desk: { Component: '/components/DeskView#DeskView', path: '/desk' },
        // Not the key `dashboard`: that one replaces /admin itself, inside Payload's template.
        kpiDashboard: { Component: '/components/DashboardView#DashboardView', path: '/dashboard' },
        gap: { Component: '/components/GapView#GapView', path: '/gap' },
        readoutCheck: { Component: '/components/ReadoutView#ReadoutView', path: '/readout-check' },
        reports: { Component: '/components/ReportsView#ReportsView', path: '/reports' },
        ai: { Component: '/components/AiView#AiView', path: '/ai' },
        health: { Component: '/components/HealthView#HealthView', path: '/health' },
      },
      afterNavLinks: ['/components/StaffNavLinks#StaffNavLinks'],
    },
  },
  // Japanese only, so the admin never follows an English browser's Accept-Language.
  // Payload's Japanese leaves a few words in English; an entry with no question showed "[Untitled]".
  i18n: {
    supportedLanguages: { ja },
    fallbackLanguage: 'ja',
    translations: {
      ja: {
        general: {
          untitled: '無題',
          noLabel: '<{{label}}なし>',
          notFound: '見つかりません',
          nothingFound: '見つかりませんでした',
          true: 'はい',
          false: 'いいえ',
        },
      },
    },
  },
  collections: [
    Faqs,
    Guides,
    Categories,
    Sources,
    SourceChecks,
    SourceChanges,
    Calls,
    Escalations,
    TelephonyRecords,
    Transcripts,
    SiteEvents,
    Users,
    AuditLog,
  ],
  endpoints: [
    healthEndpoint,
    siteEventsEndpoint,
    lookupEndpoint,
    gapEndpoint,
    gapDraftEndpoint,
    siteContentEndpoint,
    reportsEndpoint,
    callsExportEndpoint,
    callTranscriptEndpoint,
    transcriptUploadEndpoint,
    readoutCheckEndpoint,
  ],
  globals: [CityProfile, Synonyms],
  // Tab leaves the answer for the next field, as everywhere else: no indent feature (its Tab key
  // indents, so a keyboard user was held in the editor; answers keep one list level anyway). The
  // drag, add-block and insert-paragraph handles are mouse aids that took Tab stops with English
  // labels Payload's Japanese does not translate; the toolbar and 「/」 menu do the same in Japanese.
  editor: lexicalEditor({
    admin: { hideDraggableBlockElement: true, hideAddBlockButton: true, hideInsertParagraphAtEnd: true },
    features: ({ defaultFeatures }) => defaultFeatures.filter((feature) => feature.key !== 'indent'),
  }),
  db: databaseAdapter(env),
  // Mail goes only to the city's own SMTP server; without one it is written to the log.
  email: env.KOTAE_SMTP_URL
    ? nodemailerAdapter({
        defaultFromAddress: env.KOTAE_MAIL_FROM,
        defaultFromName: 'Kotae',
        transport: nodemailer.createTransport(env.KOTAE_SMTP_URL),
      })
    : undefined,
  // JSON lines with no personal data: no failed query's parameters (src/logging/logger.ts).
  logger: kotaeLoggerOptions,
  // No GraphQL route is mounted; REST and the local API are the only ways in.
  graphQL: { disable: true },
  jobs: {
    // Only administrators may trigger a run over REST (the server's own cron runs with full access).
    access: { run: ({ req }) => hasRole(req.user, 'admin') },
    // The nightly retention run (src/retention) and the morning source watch (src/sourceWatch),
    // each queued on its schedule into its own queue.
    tasks: [retentionTask, sourceWatchTask],
    // Runs scheduled publishes (drafts.schedulePublish) inside the app server, and the retention
    // run within five minutes of its time. Tests and benchmarks (KOTAE_DISABLE_JOBS) queue nothing.
    autoRun: [
      { cron: '* * * * *', queue: 'default' },
      {
        cron: '*/5 * * * *',
        queue: RETENTION_QUEUE,
        disableScheduling: process.env.KOTAE_DISABLE_JOBS === '1',
      },
      // The source watch fetches other sites: queued only when the city turned it on (KOTAE_SOURCE_WATCH=on).
      {
        cron: '*/5 * * * *',
        queue: SOURCE_WATCH_QUEUE,
        disableScheduling: process.env.KOTAE_DISABLE_JOBS === '1' || !sourceWatchOn(),
      },
    ],
    shouldAutoRun: () => process.env.KOTAE_DISABLE_JOBS !== '1',
    // Not `runHooks: true` (which would let a payload-jobs hook refuse an editor's schedule when it
    // is set): with it, Payload's own update of a finished retention job failed its validation
    // ("Status > Log"). Editors are not offered the schedule (PUBLISHER_ONLY_EDIT_COMPONENTS), and a
    // schedule that reaches the queue anyway runs as its user, so an editor's is refused then.
  },
  typescript: { outputFile: path.resolve(dirname, 'payload-types.ts'), autoGenerate: false },
})
