/**
 * The bench's set-based seed: synthetic calls written by the database itself (`INSERT … SELECT` over
 * generate_series on PostgreSQL, a recursive CTE on SQLite), for datasets of millions of calls a
 * month. The JavaScript generator (src/seed/syntheticCalls.ts) sends every value through the driver
 * and took about 7 minutes per million calls on the shared machine, too slow for a fiscal year at the
 * contract's rate (12 M calls). Hand-written because no library generates rows inside both
 * databases; it is bench code only, the e2e month and the tests keep the JavaScript generator.
 *
 * The same mix as the generator: 97 % of calls in 08:30–17:30 JST, spread evenly over the days;
 * 10 % abandoned (wait < 120 s); caller = ⌊u² × 0.4 × calls⌋, so about a third of callers call
 * again; 5 % without a caller hash; answered within 90 s, talk 60–660 s, hold on 30 %, after-call
 * work < 180 s; 5 % without a category; 0–3 FAQs (distinct); the outcome drawn from
 * GENERATED_OUTCOME_MIX; one escalation per 50 calls (80 % answered within 72 h, 70 % of those
 * closed an hour later). The random numbers are a hash of the call's number and the month
 * (u = ((n·a + b) mod p)² mod p ÷ p, p = 2³¹ − 1): the same in both databases, reproducible.
 * No rollups are written here: the bench builds them with the real `rebuildRollups`.
 */
import { DAY_MS } from '@kotae/analytics'
import { GENERATED_OUTCOME_MIX } from '@kotae/content/contracts/calls'

import type { Sql } from '../../src/db/sql'
import type { SyntheticInput } from '../../src/seed/syntheticCalls'

const P = 2147483647
const TABLES = ['calls', 'calls_rels', 'telephony_records', 'escalations'] as const
const URGENCY = ['high', 'normal', 'normal', 'low'] as const

/** A SQL CASE mapping the integer expression `index` to `values[index]` (literals written here, not user input). */
const pick = (index: string, values: readonly (number | string)[]) =>
  `CASE ${index} ${values.map((v, i) => `WHEN ${i} THEN ${typeof v === 'number' ? v : `'${v}'`}`).join(' ')} END`

/**
 * Drops the secondary indexes of the seeded tables and returns the statements that make them again:
 * building an index once over sorted rows is much cheaper than keeping it row by row over millions
 * of inserts. Primary keys stay (PostgreSQL constraints, SQLite rowids).
 */
export async function dropSeedIndexes(sql: Sql): Promise<string[]> {
  const list = TABLES.map((t) => `'${t}'`).join(', ')
  const rows =
    sql.dialect === 'postgres'
      ? await sql.query<{ name: string; ddl: string }>(
          `SELECT indexname AS name, indexdef AS ddl FROM pg_indexes WHERE schemaname = current_schema()
            AND tablename IN (${list}) AND indexname NOT IN (SELECT conname FROM pg_constraint)`,
        )
      : await sql.query<{ name: string; ddl: string }>(
          `SELECT name, sql AS ddl FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${list})`,
        )
  for (const r of rows) await sql.run(`DROP INDEX "${r.name}"`)
  return rows.map((r) => r.ddl)
}

/**
 * Writes `input.calls` calls in [start, end) in one transaction; `month` varies the random numbers
 * between months (like the generator's seed). Returns the rows written per table.
 */
export async function insertSetBased(
  sql: Sql,
  input: SyntheticInput,
  month: number,
): Promise<{ calls: number; rels: number; telephony: number; escalations: number }> {
  const pg = sql.dialect === 'postgres'
  const n = input.calls
  const days = Math.round((input.end - input.start) / DAY_MS)
  const callers = Math.max(10, Math.floor(n * 0.4))
  const fl = (x: string) => (pg ? `floor(${x})::bigint` : `CAST(${x} AS INTEGER)`)
  const iso = (ms: string) =>
    pg ? `to_timestamp((${ms}) / 1000.0)` : `strftime('%Y-%m-%dT%H:%M:%fZ', (${ms}) / 1000.0, 'unixepoch')`
  const u = (k: number) => {
    const x = `(((n + 1) * ${40503 + k * 7919} + ${month * 104729 + k * 15485863}) % ${P})`
    return pg ? `(${x} * ${x} % ${P})::float8 / ${P}` : `(${x} * ${x} % ${P}) / ${P}.0`
  }
  const series = pg
    ? `FROM generate_series(0::bigint, ${n - 1}) AS g(n)`
    : `FROM (WITH RECURSIVE g(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM g WHERE n < ${n - 1}) SELECT n FROM g)`
  const faqs = input.faqIds.length
  const hash = pg
    ? `lpad(to_hex(caller * 2654435761 + 1), 64, '0')`
    : `printf('%064x', caller * 2654435761 + 1)`
  const now = new Date().toISOString()

  /** Inserts `columns` (name → SQL expression over bench_gen) into `table`; PostgreSQL casts each to its column's type (enums included). */
  const insert = async (
    tx: Sql,
    table: string,
    columns: Record<string, string>,
    where: string,
    join = '',
  ) => {
    const names = Object.keys(columns)
    let types: Record<string, string> = {}
    if (pg) {
      const rows = await tx.query<{ name: string; udt: string }>(
        `SELECT column_name AS name, udt_name AS udt FROM information_schema.columns
          WHERE table_schema = current_schema() AND table_name = ?`,
        [table],
      )
      types = Object.fromEntries(rows.map((r) => [r.name, r.udt]))
    }
    const exprs = names.map((c) => (pg ? `(${columns[c]})::"${types[c]}"` : columns[c]))
    return tx.run(
      `INSERT INTO ${table} (${names.map((c) => `"${c}"`).join(', ')}) SELECT ${exprs.join(', ')} FROM bench_gen g ${join} WHERE ${where}`,
    )
  }

  return sql.transaction(async (tx) => {
    // Foreign keys: every reference below is to a row written in the same transaction or to the
    // references seeded before; checking them row by row would slow the seed on PostgreSQL.
    if (pg) await tx.run('SET LOCAL session_replication_role = replica')
    const [top] = await tx.query<{ max: number | null }>('SELECT MAX(id) AS max FROM calls')
    const base = Number(top?.max ?? 0) + 1
    await tx.run('DROP TABLE IF EXISTS bench_gen')
    // One row per PBX record with the values every table is written from (three levels, since
    // SQLite has no LATERAL: the draws, then the instants built on them, then what depends on those).
    await tx.run(`CREATE TEMP TABLE bench_gen AS
      SELECT n, offered, abandoned, CASE WHEN hashless THEN NULL ELSE ${hash} END AS hash,
        offered + wait AS gave_up, talk_start, talk_start + talk AS talk_end, hold, acw, op, cat,
        faq_n, faq_base, faq_step, outcome, urgency, esc_answered,
        CASE WHEN esc_answered IS NOT NULL AND u19 < 0.7 THEN esc_answered + 3600000 END AS esc_closed
      FROM (SELECT d.*, offered + delay + 2000 AS talk_start,
          CASE WHEN n % 50 = 0 AND abandoned = 0 AND u21 < 0.8
            THEN offered + delay + 2000 + talk + ${fl('u22 * 72')} * 3600000 END AS esc_answered
        FROM (SELECT n,
          ${pg ? 'LEAST' : 'min'}(${input.end - 1}, ${input.start} + (n * ${days} / ${n}) * ${DAY_MS}
            + ${fl(`CASE WHEN ${u(1)} < 0.97 THEN (8.5 + ${u(2)} * 9) * 3600000 ELSE ${u(3)} * ${DAY_MS} END`)}) AS offered,
          CASE WHEN ${u(4)} < 0.1 THEN 1 ELSE 0 END AS abandoned,
          ${fl(`${u(5)} * ${u(5)} * ${callers}`)} AS caller,
          ${u(6)} < 0.05 AS hashless,
          ${fl(`${u(7)} * 120000`)} AS wait,
          ${fl(`${u(7)} * 90000`)} AS delay,
          60000 + ${fl(`${u(8)} * 600000`)} AS talk,
          CASE WHEN ${u(9)} < 0.3 THEN ${fl(`${u(10)} * 120`)} ELSE 0 END AS hold,
          ${fl(`${u(11)} * 180`)} AS acw,
          ${fl(`${u(12)} * ${input.operatorIds.length}`)} AS op,
          CASE WHEN ${u(13)} < 0.05 THEN NULL ELSE ${fl(`${u(14)} * ${input.categories.length}`)} END AS cat,
          ${fl(`${u(15)} * 4`)} AS faq_n,
          ${fl(`${u(16)} * ${faqs}`)} AS faq_base,
          1 + ${fl(`${u(17)} * ${Math.floor((faqs - 1) / 2)}`)} AS faq_step,
          ${fl(`${u(18)} * ${GENERATED_OUTCOME_MIX.length}`)} AS outcome,
          ${fl(`${u(20)} * ${URGENCY.length}`)} AS urgency,
          ${u(19)} AS u19, ${u(21)} AS u21, ${u(22)} AS u22
        ${series}) d) i`)
    const callId = `${base} + g.n`
    const pbxId = `'S${month}-' || g.n`
    const operator = pick('g.op', input.operatorIds)
    const counts = {
      calls: await insert(
        tx,
        'calls',
        {
          id: callId,
          talk_started_at: iso('g.talk_start'),
          talk_ended_at: iso('g.talk_end'),
          hold_seconds: 'g.hold',
          after_call_work_seconds: 'g.acw',
          channel: "'direct'",
          caller_type: "'self'",
          category_id: pick(
            'g.cat',
            input.categories.map((c) => c.id),
          ),
          summary: "'合成データ'",
          outcome: pick('g.outcome', GENERATED_OUTCOME_MIX),
          operator_id: operator,
          telephony_call_id: pbxId,
          caller_hash: 'g.hash',
          updated_at: `'${now}'`,
          created_at: `'${now}'`,
        },
        'g.abandoned = 0',
      ),
      rels: await insert(
        tx,
        'calls_rels',
        {
          order: 'k.i + 1',
          parent_id: callId,
          path: "'faqsUsed'",
          faqs_id: pick(`(g.faq_base + k.i * g.faq_step) % ${faqs}`, input.faqIds),
        },
        'g.abandoned = 0 AND k.i < g.faq_n',
        'JOIN (SELECT 0 AS i UNION ALL SELECT 1 UNION ALL SELECT 2) k ON 1 = 1',
      ),
      telephony: await insert(
        tx,
        'telephony_records',
        {
          pbx_call_id: pbxId,
          queue: "'mynumber'",
          offered_at: iso('g.offered'),
          answered_at: `CASE WHEN g.abandoned = 0 THEN ${iso('g.talk_start - 2000')} END`,
          abandoned_at: `CASE WHEN g.abandoned = 1 THEN ${iso('g.gave_up')} END`,
          ended_at: `CASE WHEN g.abandoned = 1 THEN ${iso('g.gave_up')} ELSE ${iso('g.talk_end')} END`,
          wrap_up_ended_at: `CASE WHEN g.abandoned = 0 THEN ${iso('g.talk_end + g.acw * 1000')} END`,
          agent: `CASE WHEN g.abandoned = 0 THEN 'agent-' || ${operator} END`,
          caller_hash: 'g.hash',
          call_id: `CASE WHEN g.abandoned = 0 THEN ${callId} END`,
          link_method: "CASE WHEN g.abandoned = 0 THEN 'call-id' END",
          imported_from: "'synthetic'",
          updated_at: `'${now}'`,
          created_at: `'${now}'`,
        },
        '1 = 1',
      ),
      escalations: await insert(
        tx,
        'escalations',
        {
          call_id: callId,
          summary: "'合成データ'",
          urgency: pick('g.urgency', URGENCY),
          assigned_to: "'市民課'",
          status:
            "CASE WHEN g.esc_closed IS NOT NULL THEN 'closed' WHEN g.esc_answered IS NOT NULL THEN 'answered' ELSE 'open' END",
          answered_at: `CASE WHEN g.esc_answered IS NOT NULL THEN ${iso('g.esc_answered')} END`,
          closed_at: `CASE WHEN g.esc_closed IS NOT NULL THEN ${iso('g.esc_closed')} END`,
          updated_at: `'${now}'`,
          created_at: iso('g.talk_end'),
        },
        'g.abandoned = 0 AND g.n % 50 = 0',
      ),
    }
    await tx.run('DROP TABLE bench_gen')
    // Ids were given explicitly: move PostgreSQL's sequence past them for later inserts.
    if (pg)
      await tx.query("SELECT setval(pg_get_serial_sequence('calls', 'id'), (SELECT MAX(id) FROM calls))")
    return counts
  })
}
