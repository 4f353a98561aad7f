/**
 * Fills the bench's throwaway SQLite file (KOTAE_SQLITE_PATH, set by lookup.bench.ts): the curated
 * content, synthetic FAQs up to BENCH_FAQS, the generated call history (callHistory.ts) and one
 * operator. Run by lookup.bench.ts in its own process, because the Payload config reads the
 * environment when it is imported.
 *
 * Synthetic FAQs are copies of the curated ones (question, alternatives, answer, sources) with a
 * numbered 「（ベンチ用 n）」 suffix: realistic text for the index and the database, and no
 * invented facts. Calls are written with plain multi-row INSERTs into Payload's tables (calls,
 * calls_texts for `queries`, calls_rels for `faqsUsed`), 500 per transaction: Payload's own
 * create took ~10 ms and leaked memory per call at this size. Hooks are skipped: the summaries
 * are fixed sentences without personal data. A rerun on the same file resumes.
 */
import { loadContent } from '@kotae/content'

import { sql } from '@payloadcms/db-sqlite'

import { getMigratedPayload } from '../src/lib/payload'
import { seedContent } from '../src/seed/seedContent'
import { generateCallHistory } from './callHistory'

const BENCH_FAQS = Number(process.env.BENCH_FAQS ?? 3000)
const BENCH_CALLS = Number(process.env.BENCH_CALLS ?? 100_000)
export const BENCH_OPERATOR = { email: 'bench-operator@example.test', password: 'bench-operator-pass-1' }

async function main(): Promise<void> {
  const t0 = performance.now()
  const payload = await getMigratedPayload()
  // A throwaway file: no fsync per commit while filling it (the bench measures reads, not writes).
  const db = (payload.db as unknown as { drizzle: { run: (q: unknown) => Promise<unknown> } }).drizzle
  await db.run(sql`PRAGMA synchronous = OFF`)
  await db.run(sql`PRAGMA journal_mode = MEMORY`)
  if ((await payload.count({ collection: 'users', overrideAccess: true })).totalDocs === 0) {
    await seedContent(payload, await loadContent())
    console.log(`seed: curated content (${Math.round((performance.now() - t0) / 1000)} s)`)
    await payload.create({
      collection: 'users',
      data: {
        email: 'bench-admin@example.test',
        password: BENCH_OPERATOR.password,
        roles: ['admin'],
      },
    })
    await payload.create({ collection: 'users', data: { ...BENCH_OPERATOR, roles: ['operator'] } })
  }
  const operator = (
    await payload.find({
      collection: 'users',
      where: { email: { equals: BENCH_OPERATOR.email } },
      limit: 1,
      depth: 0,
    })
  ).docs[0]!

  const curated = (
    await payload.find({
      collection: 'faqs',
      where: { _status: { equals: 'published' } },
      limit: 10_000,
      depth: 0,
      pagination: false,
      overrideAccess: true,
    })
  ).docs
  const synthetic = Math.max(0, BENCH_FAQS - curated.length)
  const already = (
    await payload.count({ collection: 'faqs', where: { slug: { like: 'bench-' } }, overrideAccess: true })
  ).totalDocs
  for (let n = already + 1; n <= synthetic; n++) {
    const f = curated[(n - 1) % curated.length]!
    await payload.create({
      collection: 'faqs',
      depth: 0,
      overrideAccess: true,
      data: {
        question: `${f.question}（ベンチ用 ${n}）`,
        alternatives: (f.alternatives ?? []).map((a) => ({ text: a.text })),
        shortAnswer: f.shortAnswer,
        answer: f.answer,
        category: f.category,
        tags: f.tags,
        audience: f.audience,
        operatorNotes: f.operatorNotes,
        sources: f.sources,
        facts: f.facts,
        bring: (f.bring ?? []).map(({ id: _id, ...b }) => b),
        reviewBy: f.reviewBy,
        locale: f.locale,
        slug: `bench-${n}-${f.slug}`,
        _status: 'published',
      },
    })
    if (n % 500 === 0)
      console.log(`seed: ${n} synthetic FAQs (${Math.round((performance.now() - t0) / 1000)} s)`)
  }

  const all = (
    await payload.find({
      collection: 'faqs',
      limit: 10_000,
      depth: 1,
      pagination: false,
      overrideAccess: true,
      select: { slug: true, question: true, alternatives: true, category: true, related: true },
    })
  ).docs
  const idOf = new Map(all.map((f) => [String(f.slug), f.id as number]))
  const slugOfId = new Map(all.map((f) => [f.id as number, String(f.slug)]))
  const history = generateCallHistory(
    all.map((f) => ({
      id: String(f.slug),
      question: String(f.question),
      alternatives: (f.alternatives ?? []).map((a) => a.text),
      category: typeof f.category === 'object' && f.category ? String(f.category.id) : String(f.category),
      related: (f.related ?? []).map((r) => slugOfId.get(typeof r === 'object' ? r.id : r) ?? ''),
    })),
    { seed: 7, calls: BENCH_CALLS },
  )
  // Resumable: calls already in the file are kept; the rest of the history is appended.
  const have = (await payload.count({ collection: 'calls', overrideAccess: true })).totalDocs
  let nextId =
    (
      await payload.find({
        collection: 'calls',
        sort: '-id',
        limit: 1,
        depth: 0,
        select: {},
        overrideAccess: true,
      })
    ).docs[0]?.id ?? 0
  for (let i = have; i < history.length; i += 500) {
    const chunk = history.slice(i, i + 500).map((c) => ({ c, id: ++(nextId as number) }))
    const now = new Date().toISOString()
    await db.run(sql`BEGIN`)
    await db.run(
      sql`INSERT INTO calls (id, talk_started_at, talk_ended_at, hold_seconds, after_call_work_seconds, channel, caller_type, category_id, summary, outcome, operator_id, updated_at, created_at) VALUES ${sql.join(
        chunk.map(
          ({ c, id }) =>
            sql`(${id}, ${new Date(c.at).toISOString()}, ${new Date(c.at + c.talkSeconds * 1000).toISOString()}, 0, ${c.afterCallWorkSeconds}, ${c.channel}, ${c.callerType}, ${Number(c.category)}, ${c.summary}, ${c.outcome}, ${operator.id}, ${now}, ${now})`,
        ),
        sql`, `,
      )}`,
    )
    await db.run(
      sql`INSERT INTO calls_texts ("order", parent_id, path, text) VALUES ${sql.join(
        chunk.map(({ c, id }) => sql`(1, ${id}, 'queries', ${c.query})`),
        sql`, `,
      )}`,
    )
    await db.run(
      sql`INSERT INTO calls_rels ("order", parent_id, path, faqs_id) VALUES ${sql.join(
        chunk.flatMap(({ c, id }) =>
          c.faqs.map((f, n) => sql`(${n + 1}, ${id}, 'faqsUsed', ${idOf.get(f)!})`),
        ),
        sql`, `,
      )}`,
    )
    await db.run(sql`COMMIT`)
    if ((i + 500) % 20_000 === 0)
      console.log(`seed: ${i + 500} calls (${Math.round((performance.now() - t0) / 1000)} s)`)
  }
  const faqs = (await payload.count({ collection: 'faqs', overrideAccess: true })).totalDocs
  const calls = (await payload.count({ collection: 'calls', overrideAccess: true })).totalDocs
  console.log(`seed: done in ${Math.round((performance.now() - t0) / 1000)} s — ${faqs} FAQs, ${calls} calls`)
  await payload.destroy()
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
