/**
 * `node --conditions=production --import tsx cms/scripts/seed-report-data.ts --period 2026-10 --calls 2000 [--seed 7]`
 * Writes seeded synthetic calls, telephony records and escalations for one month into the
 * configured database (src/seed/syntheticCalls.ts), on the categories, FAQs and operators already
 * there, and prints the generator input as JSON, so a test can regenerate the same records and
 * compute the expected report. For the reports e2e test and `npm run bench:reports`.
 */
import { monthRange } from '@kotae/analytics'
import { z } from 'zod'

import { getMigratedPayload } from '../src/lib/payload'
import { sqlOf } from '../src/db/sql'
import { insertSynthetic, type SyntheticInput } from '../src/seed/syntheticCalls'
import { parseValidCommandLine } from './lib/commandLine'
import { runCli } from './lib/runCli'

const USAGE =
  'usage: node --conditions=production --import tsx cms/scripts/seed-report-data.ts --period YYYY-MM --calls N [--seed N]'
const ArgsSchema = z.object({
  period: z.string().regex(/^\d{4}-\d{2}$/, 'YYYY-MM'),
  calls: z.coerce.number().int().min(1).max(5_000_000),
  seed: z.coerce.number().int().default(20261001),
})

async function main(): Promise<number> {
  const args = parseValidCommandLine(
    { options: { period: { type: 'string' }, calls: { type: 'string' }, seed: { type: 'string' } } },
    ArgsSchema,
    USAGE,
  )
  if (!args) return 2
  const [year, month] = args.period.split('-').map(Number) as [number, number]
  const payload = await getMigratedPayload()
  try {
    const sql = sqlOf(payload)
    const categories = (
      await sql.query<{ id: number; slug: string }>(
        'SELECT id, slug FROM categories WHERE slug IS NOT NULL ORDER BY id',
      )
    ).map((c) => ({ id: Number(c.id), slug: c.slug }))
    const faqIds = (await sql.query<{ id: number }>('SELECT id FROM faqs ORDER BY id LIMIT 120')).map((f) =>
      Number(f.id),
    )
    let operatorIds = (await sql.query<{ id: number }>('SELECT id FROM users ORDER BY id LIMIT 24')).map(
      (u) => Number(u.id),
    )
    if (!operatorIds.length) {
      const u = await payload.create({
        collection: 'users',
        data: {
          email: 'synthetic-operator@example.test',
          password: `synthetic-${Date.now()}-pass`,
          roles: ['operator'],
          name: '合成データ',
        },
      })
      operatorIds = [Number(u.id)]
    }
    const { start, end } = monthRange(year, month)
    const input: SyntheticInput = {
      start,
      end,
      calls: args.calls,
      seed: args.seed,
      categories,
      faqIds,
      operatorIds,
    }
    const t0 = performance.now()
    const counts = await insertSynthetic(sql, input, (n) => console.error(`seed-report-data: ${n} records`))
    console.error(
      `seed-report-data: ${JSON.stringify(counts)} in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    )
    process.stdout.write(`${JSON.stringify(input)}\n`)
    return 0
  } finally {
    await payload.destroy()
  }
}

runCli(main)
