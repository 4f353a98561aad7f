// @ts-nocheck -- written by hand (plain tables, not Payload collections): drizzle types differ between adapter copies
import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

/**
 * The report's rollup tables (docs/decisions/0045-report-rollups.md), kept by the telephony import and
 * the call-log hooks in their own transactions, and calls.called_again (the 一次完了 repeat flag) with
 * the index it is set from. Empty until `npm run reports:rebuild` fills them and records the rules.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`calls\` ADD \`called_again\` integer DEFAULT 0 NOT NULL;`)
  await db.run(
    sql`CREATE INDEX \`calls_caller_category_time_idx\` ON \`calls\` (\`caller_hash\`, \`category_id\`, \`talk_started_at\`);`,
  )
  await db.run(sql`CREATE TABLE \`report_telephony_slots\` (
    \`slot_at\` integer NOT NULL, \`in_hours\` integer NOT NULL, \`queue\` text NOT NULL, \`first_at\` integer NOT NULL,
    \`offered\` integer NOT NULL, \`answered\` integer NOT NULL, \`answered_with_wait\` integer NOT NULL,
    \`wait_ms\` integer NOT NULL, \`answered_within\` integer NOT NULL, \`short_abandoned\` integer NOT NULL,
    PRIMARY KEY (\`slot_at\`, \`in_hours\`, \`queue\`));`)
  await db.run(sql`CREATE TABLE \`report_call_slots\` (
    \`slot_at\` integer NOT NULL, \`in_hours\` integer NOT NULL, \`category_id\` integer NOT NULL, \`outcome\` text NOT NULL,
    \`outbound\` integer NOT NULL, \`first_at\` integer NOT NULL, \`calls\` integer NOT NULL, \`with_talk\` integer NOT NULL,
    \`talk_s\` real NOT NULL, \`span_s\` real NOT NULL, \`hold_s\` real NOT NULL, \`acw_s\` real NOT NULL,
    \`cross_checkable\` integer NOT NULL, \`called_again\` integer NOT NULL, \`with_faq\` integer NOT NULL,
    PRIMARY KEY (\`slot_at\`, \`in_hours\`, \`category_id\`, \`outcome\`, \`outbound\`));`)
  await db.run(sql`CREATE TABLE \`report_faq_days\` (
    \`day_at\` integer NOT NULL, \`faq_id\` integer NOT NULL, \`calls\` integer NOT NULL, \`first_calls\` integer NOT NULL,
    PRIMARY KEY (\`day_at\`, \`faq_id\`));`)
  await db.run(sql`CREATE TABLE \`report_rollup_rules\` (\`id\` integer PRIMARY KEY NOT NULL, \`rules\` text NOT NULL);`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  for (const t of ['report_telephony_slots', 'report_call_slots', 'report_faq_days', 'report_rollup_rules'])
    await db.run(sql.raw(`DROP TABLE \`${t}\`;`))
  await db.run(sql`DROP INDEX \`calls_caller_category_time_idx\`;`)
  await db.run(sql`ALTER TABLE \`calls\` DROP COLUMN \`called_again\`;`)
}
